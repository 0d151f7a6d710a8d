// RUN: %fgcc %s -o %t.jvp.c
// RUN: %cc -c %t.jvp.c -o %t.jvp.o
// RUN: %gcc -fsyntax-only %t.jvp.c
// RUN: %cc -DFG_TEST_MAIN %s %t.jvp.o -o %t.exe %libm
// RUN: %t.exe
// hypot and atan2 at the origin: their partials (a/r, b/(a^2 + b^2), ...)
// are 0/0 there and count as 0 (like fabs, a convention where the
// derivative does not exist). For y < 0, u = y + |y| is 0 on a whole
// neighbourhood, so hypot(u, 0) and atan2(u, u) are locally constant and
// their derivative is 0; the rules gave 0/0 * 0 = NaN (both found by the
// differential fuzzer, test/fuzz).
#include <fgcc.h>
#include <math.h>

FG_DIFF double f(double x, double y) {
  double u = y + hypot(y, 0.0);
  double v = fdim(1.5, x * x + 2); /* 0 everywhere */
  return hypot(u, 0.0) + hypot(u, u) * x + x * y + atan2(u, u) + atan2(v, v) * y;
}

#ifdef FG_TEST_MAIN
#include "fgcheck.h"

double f_jvp(double x, double x_dot, double y, double y_dot, double *ret_dot);

int main(void) {
  fg_rand_seed(1566);
  for (int k = 0; k < 8; k++) {
    double x = fg_rand_uniform(-2, 2);
    double y = fg_rand_uniform(-2, -0.5);
    double dx = fg_rand_uniform(-1, 1);
    double dy = fg_rand_uniform(-1, 1);
    fg_line2 l = {f, x, y, dx, dy};
    double ret_dot = NAN;
    double r = f_jvp(x, dx, y, dy, &ret_dot);
    fg_check_close("origin_conventions: primal", r, f(x, y), 0, 0);
    fg_check_close("origin_conventions: tangent vs Richardson", ret_dot, fg_richardson(fg_along2, &l, 1e-2), 1e-8, 1e-12);
    fg_check_close("origin_conventions: tangent vs formula", ret_dot, dx * y + x * dy, 1e-10, 1e-13);
  }
  return fg_check_report();
}
#endif
