// RUN: %fgcc %s -o %t.jvp.c
// RUN: %cc -c %t.jvp.c -o %t.jvp.o
// RUN: %gcc -fsyntax-only %t.jvp.c
// RUN: %cc -DFG_TEST_MAIN %s %t.jvp.o -o %t.exe %libm
// RUN: %t.exe
// Comparisons, && and || and ! in conditions decide which active updates run.
#include <fgcc.h>
#include <math.h>

FG_DIFF double f(double x, double y) {
  double r = x * y;
  if (x > 0 && y > 0)
    r += x * x;
  if (x < -0.5 || y >= 1.0)
    r *= y;
  if (!(x == y) && x <= y)
    r -= exp(x);
  return r;
}

#ifdef FG_TEST_MAIN
#include <math.h>
#include "fgcheck.h"

double f_jvp(double x, double x_dot, double y, double y_dot, double *ret_dot);

int main(void) {
  fg_rand_seed(207);
  for (int k = 0; k < 10; k++) {
    double x = fg_rand_uniform(-2, 2);
    double y = fg_rand_uniform(-2, 2);
    /* away from the boundaries of the conditions */
    if (fabs(x) < 0.05 || fabs(y) < 0.05 || fabs(x + 0.5) < 0.05 || fabs(y - 1) < 0.05 || fabs(x - y) < 0.05) {
      k--;
      continue;
    }
    double dx = fg_rand_uniform(-1, 1);
    double dy = fg_rand_uniform(-1, 1);
    fg_line2 l = {f, x, y, dx, dy};
    double ret_dot = NAN;
    double r = f_jvp(x, dx, y, dy, &ret_dot);
    double rv = x * y, dr = dx * y + x * dy;
    if (x > 0 && y > 0) {
      rv += x * x;
      dr += 2 * x * dx;
    }
    if (x < -0.5 || y >= 1.0) {
      dr = dr * y + rv * dy;
      rv *= y;
    }
    if (x < y)
      dr -= exp(x) * dx;
    double hand = dr;
    fg_check_close("op_logic: primal", r, f(x, y), 0, 0);
    fg_check_close("op_logic: tangent vs Richardson", ret_dot, fg_richardson(fg_along2, &l, 1e-3), 1e-8, 1e-12);
    fg_check_close("op_logic: tangent vs formula", ret_dot, hand, 1e-10, 1e-13);
  }
  return fg_check_report();
}
#endif
