// RUN: %fgcc %s -o %t.jvp.c
// RUN: %cc -c %t.jvp.c -o %t.jvp.o
// RUN: %gcc -fsyntax-only %t.jvp.c
// RUN: %cc -DFG_TEST_MAIN %s %t.jvp.o -o %t.exe %libm
// RUN: %t.exe
// A for loop carrying active values from one iteration to the next: the
// truncated exponential series, scaled by y.
#include <fgcc.h>

FG_DIFF double f(double x, double y) {
  double s = 1.0, t = 1.0;
  for (int k = 1; k < 20; k++) {
    t *= x / k;
    s += t;
  }
  return y * s;
}

#ifdef FG_TEST_MAIN
#include <math.h>
#include "fgcheck.h"

double f_jvp(double x, double x_dot, double y, double y_dot, double *ret_dot);

int main(void) {
  fg_rand_seed(502);
  for (int k = 0; k < 10; k++) {
    double x = fg_rand_uniform(-2, 2);
    double y = fg_rand_uniform(-2, 2);

    double dx = fg_rand_uniform(-1, 1);
    double dy = fg_rand_uniform(-1, 1);
    fg_line2 l = {f, x, y, dx, dy};
    double ret_dot = NAN;
    double r = f_jvp(x, dx, y, dy, &ret_dot);
    /* d/dx of the 20-term series is the 19-term series */
    double s20 = 1, s19 = 1, t = 1;
    for (int j = 1; j < 20; j++) {
      t *= x / j;
      s20 += t;
      if (j < 19)
        s19 += t;
    }
    double hand = dy * s20 + y * s19 * dx;
    fg_check_close("ctrl_for: primal", r, f(x, y), 0, 0);
    fg_check_close("ctrl_for: tangent vs Richardson", ret_dot, fg_richardson(fg_along2, &l, 1e-3), 1e-8, 1e-12);
    fg_check_close("ctrl_for: tangent vs formula", ret_dot, hand, 1e-10, 1e-13);
  }
  return fg_check_report();
}
#endif
