// RUN: %fgcc %s -o %t.jvp.c
// RUN: %cc -c %t.jvp.c -o %t.jvp.o
// RUN: %gcc -fsyntax-only %t.jvp.c
// RUN: %cc -DFG_TEST_MAIN %s %t.jvp.o -o %t.exe %libm
// RUN: %t.exe
// pow with a constant integer exponent and a negative base: only b pow(a, b-1) may be used (log(a) is NaN there).
#include <fgcc.h>
#include <math.h>

FG_DIFF double f(double x, double y) { return pow(x - y, 3) * y + pow(x, -2); }

#ifdef FG_TEST_MAIN
#include "fgcheck.h"

double f_jvp(double x, double x_dot, double y, double y_dot, double *ret_dot);

typedef struct { double x, y, dx, dy; int n; } Line;

/* f along the line (x, y) + h (dx, dy) */
static long double along(long double h, void *ctx) {
  const Line *l = ctx;
  double x = (double)(l->x + h * l->dx), y = (double)(l->y + h * l->dy);
  (void)y;
  return f(x, y);
}

int main(void) {
  fg_rand_seed(3744);
  for (int k = 0; k < 8; k++) {
    double x = fg_rand_uniform(-2, -1);
    double y = fg_rand_uniform(0.5, 1.5);
    int n = 0;
    double dx = fg_rand_uniform(-1, 1);
    double dy = fg_rand_uniform(-1, 1);
    Line l = {x, y, dx, dy, n};
    double ret_dot = NAN;
    double r = f_jvp(x, dx, y, dy, &ret_dot);
    fg_check_close("pow_int_exponent: primal", r, f(x, y), 0, 0);
    fg_check_close("pow_int_exponent: tangent vs Richardson", ret_dot, fg_richardson(along, &l, 1e-3), 1e-8, 1e-12);
    fg_check_close("pow_int_exponent: tangent vs formula", ret_dot, 3 * (x - y) * (x - y) * (dx - dy) * y + (x - y) * (x - y) * (x - y) * dy - 2 / (x * x * x) * dx, 1e-10, 1e-13);
  }
  return fg_check_report();
}
#endif
