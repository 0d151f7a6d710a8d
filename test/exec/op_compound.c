// RUN: %fgcc %s -o %t.jvp.c
// RUN: %cc -c %t.jvp.c -o %t.jvp.o
// RUN: %gcc -fsyntax-only %t.jvp.c
// RUN: %cc -DFG_TEST_MAIN %s %t.jvp.o -o %t.exe %libm
// RUN: %t.exe
// Compound assignments += -= *= /= on scalars and on array elements.
#include <fgcc.h>

FG_DIFF double f(double x, double y) {
  double s = x;
  s += y * y;
  s -= x * y;
  s *= y + 2.0;
  s /= x * x + 1.0;
  double a[2] = {x, y};
  a[0] *= a[1];
  a[1] /= x;
  a[1] += a[0];
  a[0] -= 3.0 * a[1];
  return s + a[0] * a[1];
}

#ifdef FG_TEST_MAIN
#include <math.h>
#include "fgcheck.h"

double f_jvp(double x, double x_dot, double y, double y_dot, double *ret_dot);

int main(void) {
  fg_rand_seed(202);
  for (int k = 0; k < 10; k++) {
    double x = fg_rand_uniform(0.5, 2);
    double y = fg_rand_uniform(-2, 2);

    double dx = fg_rand_uniform(-1, 1);
    double dy = fg_rand_uniform(-1, 1);
    fg_line2 l = {f, x, y, dx, dy};
    double ret_dot = NAN;
    double r = f_jvp(x, dx, y, dy, &ret_dot);
    double s = x + y * y - x * y, ds = dx + 2 * y * dy - dx * y - x * dy;
    ds = ds * (y + 2) + s * dy;
    s *= y + 2;
    double q = x * x + 1;
    ds = (ds * q - s * 2 * x * dx) / (q * q);
    s /= q;
    double a0 = x * y, da0 = dx * y + x * dy;
    double a1 = y / x + a0, da1 = (dy * x - y * dx) / (x * x) + da0;
    da0 -= 3 * da1;
    a0 -= 3 * a1;
    double hand = ds + da0 * a1 + a0 * da1;
    fg_check_close("op_compound: primal", r, f(x, y), 0, 0);
    fg_check_close("op_compound: tangent vs Richardson", ret_dot, fg_richardson(fg_along2, &l, 1e-3), 1e-8, 1e-12);
    fg_check_close("op_compound: tangent vs formula", ret_dot, hand, 1e-10, 1e-13);
  }
  return fg_check_report();
}
#endif
