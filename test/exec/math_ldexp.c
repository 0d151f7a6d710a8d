// RUN: %fgcc %s -o %t.jvp.c
// RUN: %cc -c %t.jvp.c -o %t.jvp.o
// RUN: %gcc -fsyntax-only %t.jvp.c
// RUN: %cc -DFG_TEST_MAIN %s %t.jvp.o -o %t.exe %libm
// RUN: %t.exe
// ldexp(a, n) has derivative 2^n in a; the int exponent carries none.
#include <fgcc.h>
#include <math.h>

FG_DIFF double f(double x, double y, int n) { return ldexp(x * y, n) + x; }

#ifdef FG_TEST_MAIN
#include "fgcheck.h"

double f_jvp(double x, double x_dot, double y, double y_dot, int n, double *ret_dot);

typedef struct { double x, y, dx, dy; int n; } Line;

/* f along the line (x, y) + h (dx, dy) */
static long double along(long double h, void *ctx) {
  const Line *l = ctx;
  double x = (double)(l->x + h * l->dx), y = (double)(l->y + h * l->dy);
  (void)y;
  return f(x, y, l->n);
}

int main(void) {
  fg_rand_seed(2541);
  for (int k = 0; k < 8; k++) {
    double x = fg_rand_uniform(-2, 2);
    double y = fg_rand_uniform(-2, 2);
    int n = k - 4;
    double dx = fg_rand_uniform(-1, 1);
    double dy = fg_rand_uniform(-1, 1);
    Line l = {x, y, dx, dy, n};
    double ret_dot = NAN;
    double r = f_jvp(x, dx, y, dy, n, &ret_dot);
    fg_check_close("ldexp: primal", r, f(x, y, n), 0, 0);
    fg_check_close("ldexp: tangent vs Richardson", ret_dot, fg_richardson(along, &l, 1e-3), 1e-8, 1e-12);
    fg_check_close("ldexp: tangent vs formula", ret_dot, ldexp(dx * y + x * dy, n) + dx, 1e-10, 1e-13);
  }
  return fg_check_report();
}
#endif
