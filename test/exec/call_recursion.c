// RUN: %fgcc %s -o %t.jvp.c
// RUN: %cc -c %t.jvp.c -o %t.jvp.o
// RUN: %gcc -fsyntax-only %t.jvp.c
// RUN: %cc -DFG_TEST_MAIN %s %t.jvp.o -o %t.exe %libm
// RUN: %t.exe
// Recursion: a recursive Horner evaluation (the coefficient pointer advances)
// and a recursive integer power by squaring.
#include <fgcc.h>

double horner(const double *c, int n, double x) { return n == 0 ? 0.0 : c[0] + x * horner(c + 1, n - 1, x); }

double ipow(double x, int k) {
  if (k == 0)
    return 1.0;
  double h = ipow(x, k / 2);
  return k % 2 ? h * h * x : h * h;
}

FG_DIFF double f(const double *c, double x) { return horner(c, 5, x) + ipow(x, 7); }

#ifdef FG_TEST_MAIN
#include <math.h>
#include "fgcheck.h"

double f_jvp(const double *c, const double *c_dot, double x, double x_dot, double *ret_dot);

typedef struct { double c[5], dc[5], x, dx; } Line;

static long double along(long double h, void *ctx) {
  const Line *l = ctx;
  double c[5];
  for (int i = 0; i < 5; i++)
    c[i] = (double)(l->c[i] + h * l->dc[i]);
  return f(c, (double)(l->x + h * l->dx));
}

int main(void) {
  fg_rand_seed(704);
  for (int k = 0; k < 8; k++) {
    Line l;
    for (int i = 0; i < 5; i++) {
      l.c[i] = fg_rand_uniform(-2, 2);
      l.dc[i] = fg_rand_uniform(-1, 1);
    }
    double x = l.x = fg_rand_uniform(-1.5, 1.5);
    double dx = l.dx = fg_rand_uniform(-1, 1);
    double ret_dot = NAN;
    double r = f_jvp(l.c, l.dc, x, dx, &ret_dot);
    double hand = 7 * pow(x, 6) * dx;
    for (int i = 0; i < 5; i++)
      hand += l.dc[i] * pow(x, i) + (i ? l.c[i] * i * pow(x, i - 1) * dx : 0.0);
    fg_check_close("call_recursion: primal", r, f(l.c, x), 0, 0);
    fg_check_close("call_recursion: tangent vs Richardson", ret_dot, fg_richardson(along, &l, 1e-3), 1e-8, 1e-12);
    fg_check_close("call_recursion: tangent vs formula", ret_dot, hand, 1e-10, 1e-13);
  }
  return fg_check_report();
}
#endif
