// RUN: %fgcc %s -o %t.jvp.c
// RUN: %cc -c %t.jvp.c -o %t.jvp.o
// RUN: %gcc -fsyntax-only %t.jvp.c
// RUN: %cc -DFG_TEST_MAIN %s %t.jvp.o -o %t.exe %libm
// RUN: %t.exe
// A helper taking an int parameter called with an active double: the
// implicit conversion to int stops the derivative through that argument.
#include <fgcc.h>

static double scale(int k, double y) { return k * y; }

FG_DIFF double f(double x, double y) { return scale(x * 3.0, y) + x * y; }

#ifdef FG_TEST_MAIN
#include <math.h>
#include "fgcheck.h"

double f_jvp(double x, double x_dot, double y, double y_dot, double *ret_dot);

int main(void) {
  fg_rand_seed(607);
  for (int k = 0; k < 10; k++) {
    double x = fg_rand_uniform(-2, 2);
    double y = fg_rand_uniform(-2, 2);
    if (3 * x - floor(3 * x) < 0.05 || 3 * x - floor(3 * x) > 0.95) { /* away from the jumps of (int)(3x) */
      k--;
      continue;
    }
    double dx = fg_rand_uniform(-1, 1);
    double dy = fg_rand_uniform(-1, 1);
    fg_line2 l = {f, x, y, dx, dy};
    double ret_dot = NAN;
    double r = f_jvp(x, dx, y, dy, &ret_dot);
    int kk = (int)(x * 3.0);
    double hand = kk * dy + dx * y + x * dy;
    fg_check_close("legacy_int_param: primal", r, f(x, y), 0, 0);
    fg_check_close("legacy_int_param: tangent vs Richardson", ret_dot, fg_richardson(fg_along2, &l, 1e-3), 1e-8, 1e-12);
    fg_check_close("legacy_int_param: tangent vs formula", ret_dot, hand, 1e-10, 1e-13);
  }
  return fg_check_report();
}
#endif
