// RUN: %fgcc %s -o %t.jvp.c
// RUN: %cc -c %t.jvp.c -o %t.jvp.o
// RUN: %gcc -fsyntax-only %t.jvp.c
// RUN: %cc -DFG_TEST_MAIN %s %t.jvp.o -o %t.exe %libm
// RUN: %t.exe
// exp(u) has derivative exp(u).
#include <fgcc.h>
#include <math.h>

FG_DIFF double f(double x, double y) { return exp(x * y) * y; }

#ifdef FG_TEST_MAIN
#include "fgcheck.h"

double f_jvp(double x, double x_dot, double y, double y_dot, double *ret_dot);

int main(void) {
  fg_rand_seed(1333);
  for (int k = 0; k < 8; k++) {
    double x = fg_rand_uniform(-1.5, 1.5);
    double y = fg_rand_uniform(-1.5, 1.5);
    double dx = fg_rand_uniform(-1, 1);
    double dy = fg_rand_uniform(-1, 1);
    fg_line2 l = {f, x, y, dx, dy};
    double ret_dot = NAN;
    double r = f_jvp(x, dx, y, dy, &ret_dot);
    fg_check_close("exp: primal", r, f(x, y), 0, 0);
    fg_check_close("exp: tangent vs Richardson", ret_dot, fg_richardson(fg_along2, &l, 1e-3), 1e-8, 1e-12);
    fg_check_close("exp: tangent vs formula", ret_dot, exp(x * y) * (dx * y + x * dy) * y + exp(x * y) * dy, 1e-10, 1e-13);
  }
  return fg_check_report();
}
#endif
