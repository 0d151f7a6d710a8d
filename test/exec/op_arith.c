// RUN: %fgcc %s -o %t.jvp.c
// RUN: %cc -c %t.jvp.c -o %t.jvp.o
// RUN: %gcc -fsyntax-only %t.jvp.c
// RUN: %cc -DFG_TEST_MAIN %s %t.jvp.o -o %t.exe %libm
// RUN: %t.exe
// The arithmetic operators + - * / and unary minus.
#include <fgcc.h>

FG_DIFF double f(double x, double y) {
  double a = -(x + y) * (x - 2.0 * y);
  double b = a / (y * y + 1.0);
  return b + -x * +y - 1.0 / x;
}

#ifdef FG_TEST_MAIN
#include <math.h>
#include "fgcheck.h"

double f_jvp(double x, double x_dot, double y, double y_dot, double *ret_dot);

int main(void) {
  fg_rand_seed(201);
  for (int k = 0; k < 10; k++) {
    double x = fg_rand_uniform(0.5, 2);
    double y = fg_rand_uniform(-2, 2);

    double dx = fg_rand_uniform(-1, 1);
    double dy = fg_rand_uniform(-1, 1);
    fg_line2 l = {f, x, y, dx, dy};
    double ret_dot = NAN;
    double r = f_jvp(x, dx, y, dy, &ret_dot);
    double a = -(x + y) * (x - 2 * y), da = -(dx + dy) * (x - 2 * y) - (x + y) * (dx - 2 * dy);
    double q = y * y + 1, db = (da * q - a * 2 * y * dy) / (q * q);
    double hand = db - dx * y - x * dy + dx / (x * x);
    fg_check_close("op_arith: primal", r, f(x, y), 0, 0);
    fg_check_close("op_arith: tangent vs Richardson", ret_dot, fg_richardson(fg_along2, &l, 1e-3), 1e-8, 1e-12);
    fg_check_close("op_arith: tangent vs formula", ret_dot, hand, 1e-10, 1e-13);
  }
  return fg_check_report();
}
#endif
