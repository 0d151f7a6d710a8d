// RUN: %fgcc %s -o %t.jvp.c
// RUN: %cc -c %t.jvp.c -o %t.jvp.o
// RUN: %gcc -fsyntax-only %t.jvp.c
// RUN: %cc -DFG_TEST_MAIN %s %t.jvp.o -o %t.exe %libm
// RUN: %t.exe
// Local fixed-size arrays: 1-D with and without initializer, 2-D with an
// initializer made of active values.
#include <fgcc.h>

FG_DIFF double f(double x, double y) {
  double a[4];
  double c[3] = {x, y, x * y};
  for (int i = 0; i < 4; i++)
    a[i] = c[i % 3] * (i + 1);
  double m[2][2] = {{x, y}, {y, -x}};
  double s = 0.0;
  for (int i = 0; i < 2; i++)
    for (int j = 0; j < 2; j++)
      s += m[i][j] * a[i + j];
  return s;
}

#ifdef FG_TEST_MAIN
#include <math.h>
#include "fgcheck.h"

double f_jvp(double x, double x_dot, double y, double y_dot, double *ret_dot);

int main(void) {
  fg_rand_seed(302);
  for (int k = 0; k < 10; k++) {
    double x = fg_rand_uniform(-2, 2);
    double y = fg_rand_uniform(-2, 2);

    double dx = fg_rand_uniform(-1, 1);
    double dy = fg_rand_uniform(-1, 1);
    fg_line2 l = {f, x, y, dx, dy};
    double ret_dot = NAN;
    double r = f_jvp(x, dx, y, dy, &ret_dot);
    /* a = {x, 2y, 3xy, 4x}; s = x^2 + 4y^2 - 3x^2 y */
    double hand = 2 * x * dx + 8 * y * dy - 6 * x * y * dx - 3 * x * x * dy;
    fg_check_close("mem_local_array: primal", r, f(x, y), 0, 0);
    fg_check_close("mem_local_array: tangent vs Richardson", ret_dot, fg_richardson(fg_along2, &l, 1e-3), 1e-8, 1e-12);
    fg_check_close("mem_local_array: tangent vs formula", ret_dot, hand, 1e-10, 1e-13);
  }
  return fg_check_report();
}
#endif
