// RUN: %fgcc %s -o %t.jvp.c
// RUN: %cc -c %t.jvp.c -o %t.jvp.o
// RUN: %gcc -fsyntax-only %t.jvp.c
// RUN: %cc -DFG_TEST_MAIN %s %t.jvp.o -o %t.exe %libm
// RUN: %t.exe
// The comma operator: in an assignment, in a for header, in a return.
#include <fgcc.h>

FG_DIFF double f(double x, double y) {
  double t, u, s;
  int i;
  t = (u = x * y, u + x);
  for (i = 0, s = 0.0; i < 3; i++, s += t * y) {
  }
  return (t *= 2.0, t + u + s);
}

#ifdef FG_TEST_MAIN
#include <math.h>
#include "fgcheck.h"

double f_jvp(double x, double x_dot, double y, double y_dot, double *ret_dot);

int main(void) {
  fg_rand_seed(205);
  for (int k = 0; k < 10; k++) {
    double x = fg_rand_uniform(-2, 2);
    double y = fg_rand_uniform(-2, 2);

    double dx = fg_rand_uniform(-1, 1);
    double dy = fg_rand_uniform(-1, 1);
    fg_line2 l = {f, x, y, dx, dy};
    double ret_dot = NAN;
    double r = f_jvp(x, dx, y, dy, &ret_dot);
    double t = x * y + x, dt = dx * y + x * dy + dx;
    double hand = 2 * dt + dx * y + x * dy + 3 * (dt * y + t * dy);
    fg_check_close("op_comma: primal", r, f(x, y), 0, 0);
    fg_check_close("op_comma: tangent vs Richardson", ret_dot, fg_richardson(fg_along2, &l, 1e-3), 1e-8, 1e-12);
    fg_check_close("op_comma: tangent vs formula", ret_dot, hand, 1e-10, 1e-13);
  }
  return fg_check_report();
}
#endif
