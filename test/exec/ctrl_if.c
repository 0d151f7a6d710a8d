// RUN: %fgcc %s -o %t.jvp.c
// RUN: %cc -c %t.jvp.c -o %t.jvp.o
// RUN: %gcc -fsyntax-only %t.jvp.c
// RUN: %cc -DFG_TEST_MAIN %s %t.jvp.o -o %t.exe %libm
// RUN: %t.exe
// if / else if / else chains, nested, with different active formulas in each
// branch (all branches sampled).
#include <fgcc.h>
#include <math.h>

FG_DIFF double f(double x, double y) {
  double r;
  if (x < -1.0)
    r = x * x * y;
  else if (x < 1.0) {
    r = sin(x) * y;
    if (y > 0)
      r += y * y;
    else
      r -= x;
  } else
    r = exp(-x) + y;
  return r;
}

#ifdef FG_TEST_MAIN
#include <math.h>
#include "fgcheck.h"

double f_jvp(double x, double x_dot, double y, double y_dot, double *ret_dot);

int main(void) {
  fg_rand_seed(501);
  for (int k = 0; k < 10; k++) {
    double x = fg_rand_uniform(-3, 3);
    double y = fg_rand_uniform(-2, 2);
    if (fabs(fabs(x) - 1) < 0.05 || fabs(y) < 0.05) { /* away from the branch boundaries */
      k--;
      continue;
    }
    double dx = fg_rand_uniform(-1, 1);
    double dy = fg_rand_uniform(-1, 1);
    fg_line2 l = {f, x, y, dx, dy};
    double ret_dot = NAN;
    double r = f_jvp(x, dx, y, dy, &ret_dot);
    double hand;
    if (x < -1.0)
      hand = 2 * x * dx * y + x * x * dy;
    else if (x < 1.0)
      hand = cos(x) * dx * y + sin(x) * dy + (y > 0 ? 2 * y * dy : -dx);
    else
      hand = -exp(-x) * dx + dy;
    fg_check_close("ctrl_if: primal", r, f(x, y), 0, 0);
    fg_check_close("ctrl_if: tangent vs Richardson", ret_dot, fg_richardson(fg_along2, &l, 1e-3), 1e-8, 1e-12);
    fg_check_close("ctrl_if: tangent vs formula", ret_dot, hand, 1e-10, 1e-13);
  }
  return fg_check_report();
}
#endif
