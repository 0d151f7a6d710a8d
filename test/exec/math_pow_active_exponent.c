// RUN: %fgcc %s -o %t.jvp.c
// RUN: %cc -c %t.jvp.c -o %t.jvp.o
// RUN: %gcc -fsyntax-only %t.jvp.c
// RUN: %cc -DFG_TEST_MAIN %s %t.jvp.o -o %t.exe %libm
// RUN: %t.exe
// pow with an inactive base and an active exponent: d/dx b^u = b^u ln(b) du.
#include <fgcc.h>
#include <math.h>

FG_DIFF double f(double b, FG_WRT double x) { return pow(b, x * x) + pow(2.0, x); }

#ifdef FG_TEST_MAIN
#include "fgcheck.h"

double f_jvp(double b, double x, double x_dot, double *ret_dot);

typedef struct { double x, y, dx, dy; int n; } Line;

/* f along the line (x, y) + h (dx, dy) */
static long double along(long double h, void *ctx) {
  const Line *l = ctx;
  double x = (double)(l->x + h * l->dx), y = (double)(l->y + h * l->dy);
  (void)y;
  return f(l->y, x);
}

int main(void) {
  fg_rand_seed(4049);
  for (int k = 0; k < 8; k++) {
    double x = fg_rand_uniform(-1.5, 1.5);
    double y = fg_rand_uniform(0.5, 3); /* the base b */
    int n = 0;
    double dx = fg_rand_uniform(-1, 1);
    double dy = fg_rand_uniform(-1, 1);
    Line l = {x, y, dx, dy, n};
    double ret_dot = NAN;
    double r = f_jvp(y, x, dx, &ret_dot);
    fg_check_close("pow_active_exponent: primal", r, f(y, x), 0, 0);
    fg_check_close("pow_active_exponent: tangent vs Richardson", ret_dot, fg_richardson(along, &l, 1e-3), 1e-8, 1e-12);
    fg_check_close("pow_active_exponent: tangent vs formula", ret_dot, pow(y, x * x) * log(y) * 2 * x * dx + pow(2.0, x) * log(2.0) * dx, 1e-10, 1e-13);
  }
  return fg_check_report();
}
#endif
