// RUN: %fgcc %s -o %t.jvp.c
// RUN: %cc -c %t.jvp.c -o %t.jvp.o
// RUN: %gcc -fsyntax-only %t.jvp.c
// RUN: %cc -DFG_TEST_MAIN %s %t.jvp.o -o %t.exe %libm
// RUN: %t.exe
// A call to a user function of the same file with two active arguments.
#include <fgcc.h>
#include <math.h>

double h(double a, double b) { return a * sin(b) + b * b; }

FG_DIFF double f(double x, double y) { return h(x * y, x + y) * x; }

#ifdef FG_TEST_MAIN
#include <math.h>
#include "fgcheck.h"

double f_jvp(double x, double x_dot, double y, double y_dot, double *ret_dot);

int main(void) {
  fg_rand_seed(701);
  for (int k = 0; k < 10; k++) {
    double x = fg_rand_uniform(-2, 2);
    double y = fg_rand_uniform(-2, 2);

    double dx = fg_rand_uniform(-1, 1);
    double dy = fg_rand_uniform(-1, 1);
    fg_line2 l = {f, x, y, dx, dy};
    double ret_dot = NAN;
    double r = f_jvp(x, dx, y, dy, &ret_dot);
    double a = x * y, b = x + y, da = dx * y + x * dy, db = dx + dy;
    double hv = a * sin(b) + b * b, dh = da * sin(b) + a * cos(b) * db + 2 * b * db;
    double hand = dh * x + hv * dx;
    fg_check_close("call_helper_two_active: primal", r, f(x, y), 0, 0);
    fg_check_close("call_helper_two_active: tangent vs Richardson", ret_dot, fg_richardson(fg_along2, &l, 1e-3), 1e-8, 1e-12);
    fg_check_close("call_helper_two_active: tangent vs formula", ret_dot, hand, 1e-10, 1e-13);
  }
  return fg_check_report();
}
#endif
