// RUN: %fgcc %s -o %t.jvp.c
// RUN: %cc -c %t.jvp.c -o %t.jvp.o
// RUN: %gcc -fsyntax-only %t.jvp.c
// RUN: %cc -DFG_TEST_MAIN %s %t.jvp.o -o %t.exe %libm
// RUN: %t.exe
// Tangents the generated code only writes, and x = x + c, compile without
// warnings under clang-19 and gcc -Wall -Wextra -Werror (each found by the
// differential fuzzer, test/fuzz):
//  - c = c + 2 has the tangent c_dot unchanged: no c_dot = c_dot
//    (-Wself-assign);
//  - c -= e where c is read only by a comparison: c_dot is only
//    compound-assigned (-Wunused-but-set-parameter) and gets (void)c_dot;
//  - w[i] = e where w is read only as an int: the array w_dot is only
//    written (gcc -Wunused-but-set-variable) and gets (void)w_dot.
#include <fgcc.h>
#include <math.h>

static double g(double c, double y) {
  double r = y;
  c = c + 2;
  c -= sin(y);
  if (c > 0)
    r *= 2;
  return r;
}

FG_DIFF double f(double x, double y) {
  double w[2];
  for (int i = 0; i < 2; i++)
    w[i] = x * i;
  int k = (int)w[1];
  return g(x, y) + k;
}

#ifdef FG_TEST_MAIN
#include "fgcheck.h"

double f_jvp(double x, double x_dot, double y, double y_dot, double *ret_dot);

int main(void) {
  fg_rand_seed(732);
  for (int k = 0; k < 8; k++) {
    fg_line2 l = {f, fg_rand_uniform(0.1, 0.9), fg_rand_uniform(-2, 2), fg_rand_uniform(-1, 1), fg_rand_uniform(-1, 1)};
    double ret_dot = NAN;
    double r = f_jvp(l.x, l.dx, l.y, l.dy, &ret_dot);
    double hand = (l.x + 2 - sin(l.y) > 0 ? 2 : 1) * l.dy;
    fg_check_close("warn_tangent_set_only: primal", r, f(l.x, l.y), 0, 0);
    fg_check_close("warn_tangent_set_only: tangent vs Richardson", ret_dot, fg_richardson(fg_along2, &l, 1e-3), 1e-8, 1e-12);
    fg_check_close("warn_tangent_set_only: tangent vs formula", ret_dot, hand, 1e-10, 1e-13);
  }
  return fg_check_report();
}
#endif
