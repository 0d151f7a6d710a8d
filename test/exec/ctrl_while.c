// RUN: %fgcc %s -o %t.jvp.c
// RUN: %cc -c %t.jvp.c -o %t.jvp.o
// RUN: %gcc -fsyntax-only %t.jvp.c
// RUN: %cc -DFG_TEST_MAIN %s %t.jvp.o -o %t.exe %libm
// RUN: %t.exe
// while loops: a counted one (Horner-like recurrence) and one whose trip
// count depends on active data (halving until below 1).
#include <fgcc.h>

FG_DIFF double f(double x, double y) {
  int i = 0;
  double p = 1.0;
  while (i < 5) {
    p = p * x + y;
    i++;
  }
  double q = x * x * 10.0;
  while (q > 1.0)
    q /= 2.0;
  return p + q * y;
}

#ifdef FG_TEST_MAIN
#include <math.h>
#include "fgcheck.h"

double f_jvp(double x, double x_dot, double y, double y_dot, double *ret_dot);

int main(void) {
  fg_rand_seed(503);
  for (int k = 0; k < 10; k++) {
    double x = fg_rand_uniform(-1.5, 1.5);
    double y = fg_rand_uniform(-2, 2);
    double q0 = x * x * 10; /* away from the trip count changes of the halving loop */
    while (q0 > 1)
      q0 /= 2;
    if (q0 < 0.52 || q0 > 0.98 || fabs(x) < 0.1) {
      k--;
      continue;
    }
    double dx = fg_rand_uniform(-1, 1);
    double dy = fg_rand_uniform(-1, 1);
    fg_line2 l = {f, x, y, dx, dy};
    double ret_dot = NAN;
    double r = f_jvp(x, dx, y, dy, &ret_dot);
    double p = 1, dp = 0;
    for (int i = 0; i < 5; i++) {
      dp = dp * x + p * dx + dy;
      p = p * x + y;
    }
    double q = x * x * 10, dq = 20 * x * dx;
    while (q > 1) {
      q /= 2;
      dq /= 2;
    }
    double hand = dp + dq * y + q * dy;
    fg_check_close("ctrl_while: primal", r, f(x, y), 0, 0);
    fg_check_close("ctrl_while: tangent vs Richardson", ret_dot, fg_richardson(fg_along2, &l, 1e-3), 1e-8, 1e-12);
    fg_check_close("ctrl_while: tangent vs formula", ret_dot, hand, 1e-10, 1e-13);
  }
  return fg_check_report();
}
#endif
