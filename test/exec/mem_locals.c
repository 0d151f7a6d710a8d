// RUN: %fgcc %s -o %t.jvp.c
// RUN: %cc -c %t.jvp.c -o %t.jvp.o
// RUN: %gcc -fsyntax-only %t.jvp.c
// RUN: %cc -DFG_TEST_MAIN %s %t.jvp.o -o %t.exe %libm
// RUN: %t.exe
// Local variables: declared with and without initializer, reassigned, and
// shadowed in a nested block.
#include <fgcc.h>

FG_DIFF double f(double x, double y) {
  double a = x * y;
  double b;
  b = a + x;
  {
    double a = b * b;
    b = a - y;
  }
  double c = a * b;
  a = c / y;
  return a + b;
}

#ifdef FG_TEST_MAIN
#include <math.h>
#include "fgcheck.h"

double f_jvp(double x, double x_dot, double y, double y_dot, double *ret_dot);

int main(void) {
  fg_rand_seed(301);
  for (int k = 0; k < 10; k++) {
    double x = fg_rand_uniform(-2, 2);
    double y = fg_rand_uniform(0.5, 2);

    double dx = fg_rand_uniform(-1, 1);
    double dy = fg_rand_uniform(-1, 1);
    fg_line2 l = {f, x, y, dx, dy};
    double ret_dot = NAN;
    double r = f_jvp(x, dx, y, dy, &ret_dot);
    double b1 = x * y + x, db1 = dx * y + x * dy + dx;
    double b2 = b1 * b1 - y, db2 = 2 * b1 * db1 - dy;
    double hand = dx * b2 + (x + 1) * db2;
    fg_check_close("mem_locals: primal", r, f(x, y), 0, 0);
    fg_check_close("mem_locals: tangent vs Richardson", ret_dot, fg_richardson(fg_along2, &l, 1e-3), 1e-8, 1e-12);
    fg_check_close("mem_locals: tangent vs formula", ret_dot, hand, 1e-10, 1e-13);
  }
  return fg_check_report();
}
#endif
