// RUN: %fgcc %s -o %t.jvp.c
// RUN: %cc -c %t.jvp.c -o %t.jvp.o
// RUN: %gcc -fsyntax-only %t.jvp.c
// RUN: %cc -DFG_TEST_MAIN %s %t.jvp.o -o %t.exe %libm
// RUN: %t.exe
// int locals and loop counters stay inactive: they take part in the primal
// computation (j * x * x, + i, + m) but carry no derivative.
#include <fgcc.h>

FG_DIFF double f(double x, int n) {
  int m = n * 2;
  double s = 0.0;
  for (int i = 1; i <= m; i++) {
    int j = i % 3;
    s += j * x * x + i;
  }
  return s + m;
}

#ifdef FG_TEST_MAIN
#include <math.h>
#include "fgcheck.h"

double f_jvp(double x, double x_dot, int n, double *ret_dot);

typedef struct { double x, dx; int n; } Line;

static long double along(long double h, void *ctx) {
  const Line *l = ctx;
  return f((double)(l->x + h * l->dx), l->n);
}

int main(void) {
  fg_rand_seed(104);
  for (int k = 0; k < 8; k++) {
    Line l;
    l.x = fg_rand_uniform(-2, 2);
    l.dx = fg_rand_uniform(-1, 1);
    l.n = 1 + k;
    double ret_dot = NAN;
    double r = f_jvp(l.x, l.dx, l.n, &ret_dot);
    int J = 0; /* sum of i % 3 over i = 1 .. 2n */
    for (int i = 1; i <= 2 * l.n; i++)
      J += i % 3;
    fg_check_close("scalar_int_inactive: primal", r, f(l.x, l.n), 0, 0);
    fg_check_close("scalar_int_inactive: tangent vs Richardson", ret_dot, fg_richardson(along, &l, 1e-3), 1e-8, 1e-12);
    fg_check_close("scalar_int_inactive: tangent vs formula", ret_dot, J * 2 * l.x * l.dx, 1e-12, 1e-14);
  }
  return fg_check_report();
}
#endif
