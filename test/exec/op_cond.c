// RUN: %fgcc %s -o %t.jvp.c
// RUN: %cc -c %t.jvp.c -o %t.jvp.o
// RUN: %gcc -fsyntax-only %t.jvp.c
// RUN: %cc -DFG_TEST_MAIN %s %t.jvp.o -o %t.exe %libm
// RUN: %t.exe
// The conditional operator with active values in both branches (both
// branches are sampled), nested in an expression.
#include <fgcc.h>
#include <math.h>

FG_DIFF double f(double x, double y) {
  double a = x > y ? x * x * y : sin(x) + y * y;
  double b = (a > 1.0 ? a : 1.0 / a) * (y < 0 ? -y : y);
  return a + b;
}

#ifdef FG_TEST_MAIN
#include <math.h>
#include "fgcheck.h"

double f_jvp(double x, double x_dot, double y, double y_dot, double *ret_dot);

int main(void) {
  fg_rand_seed(206);
  for (int k = 0; k < 10; k++) {
    double x = fg_rand_uniform(-2, 2);
    double y = fg_rand_uniform(-2, 2);
    /* away from the switching points x = y, a = 1, a = 0, y = 0 */
    double a0 = x > y ? x * x * y : sin(x) + y * y;
    if (fabs(x - y) < 0.05 || fabs(a0 - 1) < 0.05 || fabs(a0) < 0.1 || fabs(y) < 0.05) {
      k--;
      continue;
    }
    double dx = fg_rand_uniform(-1, 1);
    double dy = fg_rand_uniform(-1, 1);
    fg_line2 l = {f, x, y, dx, dy};
    double ret_dot = NAN;
    double r = f_jvp(x, dx, y, dy, &ret_dot);
    int br = x > y;
    double a = br ? x * x * y : sin(x) + y * y;
    double da = br ? 2 * x * dx * y + x * x * dy : cos(x) * dx + 2 * y * dy;
    double p = a > 1 ? a : 1 / a, dp = a > 1 ? da : -da / (a * a);
    double hand = da + dp * fabs(y) + p * (y < 0 ? -dy : dy);
    fg_check_close("op_cond: primal", r, f(x, y), 0, 0);
    fg_check_close("op_cond: tangent vs Richardson", ret_dot, fg_richardson(fg_along2, &l, 1e-3), 1e-8, 1e-12);
    fg_check_close("op_cond: tangent vs formula", ret_dot, hand, 1e-10, 1e-13);
  }
  return fg_check_report();
}
#endif
