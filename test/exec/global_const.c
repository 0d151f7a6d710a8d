// RUN: %fgcc %s -o %t.jvp.c
// RUN: %cc -c %t.jvp.c -o %t.jvp.o
// RUN: %gcc -fsyntax-only %t.jvp.c
// RUN: %cc -DFG_TEST_MAIN %s %t.jvp.o -o %t.exe %libm
// RUN: %t.exe
// Global constants read inside the function: a static const array (kept in
// the output) and a non-static const double (declared extern in the output).
#include <fgcc.h>

static const double coef[3] = {1.5, -2.0, 0.25};
const double K = 2.0;

FG_DIFF double f(double x, double y) {
  double s = 0.0;
  for (int i = 2; i >= 0; i--)
    s = s * x + coef[i];
  return K * s * x + y * K;
}

#ifdef FG_TEST_MAIN
#include <math.h>
#include "fgcheck.h"

double f_jvp(double x, double x_dot, double y, double y_dot, double *ret_dot);

int main(void) {
  fg_rand_seed(404);
  for (int k = 0; k < 10; k++) {
    double x = fg_rand_uniform(-2, 2);
    double y = fg_rand_uniform(-2, 2);

    double dx = fg_rand_uniform(-1, 1);
    double dy = fg_rand_uniform(-1, 1);
    fg_line2 l = {f, x, y, dx, dy};
    double ret_dot = NAN;
    double r = f_jvp(x, dx, y, dy, &ret_dot);
    double p = 1.5 - 2 * x + 0.25 * x * x, dp = (-2 + 0.5 * x) * dx;
    double hand = 2 * (dp * x + p * dx) + 2 * dy;
    fg_check_close("global_const: primal", r, f(x, y), 0, 0);
    fg_check_close("global_const: tangent vs Richardson", ret_dot, fg_richardson(fg_along2, &l, 1e-3), 1e-8, 1e-12);
    fg_check_close("global_const: tangent vs formula", ret_dot, hand, 1e-10, 1e-13);
  }
  return fg_check_report();
}
#endif
