// RUN: %fgcc %s -o %t.jvp.c
// RUN: %cc -c %t.jvp.c -o %t.jvp.o
// RUN: %gcc -fsyntax-only %t.jvp.c
// RUN: %cc -DFG_TEST_MAIN %s %t.jvp.o -o %t.exe %libm
// RUN: %t.exe
// A helper with a local that carries a tangent, called with two activity
// patterns: each version initialises its own acc_dot (found by the
// differential fuzzer, test/fuzz: the version h_jvp_01 printed the
// initializer of h_jvp_11, acc_dot = b_dot + a_dot, naming a tangent it
// does not have; the tangent variables were shared between versions).
#include <fgcc.h>
#include <math.h>

static double h(double a, double b) {
  double acc = b * b + a;
  acc *= sin(a);
  return acc;
}

FG_DIFF double f(double x, double y) { return h(3.0, x) + h(y, x); }

#ifdef FG_TEST_MAIN
#include "fgcheck.h"

double f_jvp(double x, double x_dot, double y, double y_dot, double *ret_dot);

int main(void) {
  fg_rand_seed(731);
  for (int k = 0; k < 8; k++) {
    fg_line2 l = {f, fg_rand_uniform(-2, 2), fg_rand_uniform(-2, 2), fg_rand_uniform(-1, 1), fg_rand_uniform(-1, 1)};
    double x = l.x, y = l.y, dx = l.dx, dy = l.dy;
    double ret_dot = NAN;
    double r = f_jvp(x, dx, y, dy, &ret_dot);
    /* h(3, x) = (x^2 + 3) sin 3;  h(y, x) = (x^2 + y) sin y */
    double hand = 2 * x * dx * sin(3.0) + (2 * x * dx + dy) * sin(y) + (x * x + y) * cos(y) * dy;
    fg_check_close("call_helper_variant_locals: primal", r, f(x, y), 0, 0);
    fg_check_close("call_helper_variant_locals: tangent vs Richardson", ret_dot, fg_richardson(fg_along2, &l, 1e-2), 1e-8, 1e-12);
    fg_check_close("call_helper_variant_locals: tangent vs formula", ret_dot, hand, 1e-10, 1e-13);
  }
  return fg_check_report();
}
#endif
