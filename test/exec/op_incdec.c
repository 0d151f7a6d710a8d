// RUN: %fgcc %s -o %t.jvp.c
// RUN: %cc -c %t.jvp.c -o %t.jvp.o
// RUN: %gcc -fsyntax-only %t.jvp.c
// RUN: %cc -DFG_TEST_MAIN %s %t.jvp.o -o %t.exe %libm
// RUN: %t.exe
// ++ and -- on doubles, prefix and postfix, as statements and inside
// expressions: they shift the value and leave the tangent unchanged.
#include <fgcc.h>

FG_DIFF double f(double x, double y) {
  double t = x;
  t++;
  ++t;
  double u = t--;
  double v = --t * y;
  double w = (t++) * (u--);
  return t * u + v + w;
}

#ifdef FG_TEST_MAIN
#include <math.h>
#include "fgcheck.h"

double f_jvp(double x, double x_dot, double y, double y_dot, double *ret_dot);

int main(void) {
  fg_rand_seed(203);
  for (int k = 0; k < 10; k++) {
    double x = fg_rand_uniform(-2, 2);
    double y = fg_rand_uniform(-2, 2);

    double dx = fg_rand_uniform(-1, 1);
    double dy = fg_rand_uniform(-1, 1);
    fg_line2 l = {f, x, y, dx, dy};
    double ret_dot = NAN;
    double r = f_jvp(x, dx, y, dy, &ret_dot);
    /* t = x + 1, u = x + 1, v = x y, w = x (x + 2) */
    double hand = 2 * (x + 1) * dx + dx * y + x * dy + (2 * x + 2) * dx;
    fg_check_close("op_incdec: primal", r, f(x, y), 0, 0);
    fg_check_close("op_incdec: tangent vs Richardson", ret_dot, fg_richardson(fg_along2, &l, 1e-3), 1e-8, 1e-12);
    fg_check_close("op_incdec: tangent vs formula", ret_dot, hand, 1e-10, 1e-13);
  }
  return fg_check_report();
}
#endif
