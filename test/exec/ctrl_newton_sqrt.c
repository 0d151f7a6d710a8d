// RUN: %fgcc %s -o %t.jvp.c
// RUN: %cc -c %t.jvp.c -o %t.jvp.o
// RUN: %gcc -fsyntax-only %t.jvp.c
// RUN: %cc -DFG_TEST_MAIN %s %t.jvp.o -o %t.exe %libm
// RUN: %t.exe
// A data-dependent trip count: Newton's iteration for sqrt(a), run until the
// step is below 1e-14. The tangent of the converged iterate is the analytic
// derivative 1 / (2 sqrt(a)).
#include <fgcc.h>
#include <math.h>

FG_DIFF double f(double a, double y) {
  double x = a > 1.0 ? a : 1.0;
  double dx = 1.0;
  while (fabs(dx) > 1e-14) {
    dx = (x * x - a) / (2.0 * x);
    x -= dx;
  }
  return x * y;
}

#ifdef FG_TEST_MAIN
#include <math.h>
#include "fgcheck.h"

double f_jvp(double x, double x_dot, double y, double y_dot, double *ret_dot);

int main(void) {
  fg_rand_seed(509);
  for (int k = 0; k < 10; k++) {
    double x = fg_rand_uniform(0.25, 9);
    double y = fg_rand_uniform(-2, 2);

    double dx = fg_rand_uniform(-1, 1);
    double dy = fg_rand_uniform(-1, 1);
    fg_line2 l = {f, x, y, dx, dy};
    double ret_dot = NAN;
    double r = f_jvp(x, dx, y, dy, &ret_dot);
    double hand = dx / (2 * sqrt(x)) * y + sqrt(x) * dy;
    fg_check_close("ctrl_newton_sqrt: primal", r, f(x, y), 0, 0);
    fg_check_close("ctrl_newton_sqrt: tangent vs Richardson", ret_dot, fg_richardson(fg_along2, &l, 1e-3), 1e-8, 1e-12);
    fg_check_close("ctrl_newton_sqrt: tangent vs formula", ret_dot, hand, 1e-12, 1e-14);
  }
  return fg_check_report();
}
#endif
