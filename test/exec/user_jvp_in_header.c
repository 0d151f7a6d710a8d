// FG_JVP on a declaration in an included header is honoured (regression:
// only functions the main file referenced were seen).
// RUN: %fgcc %s -o %t.jvp.c
// RUN: %cc -c %t.jvp.c -o %t.jvp.o
// RUN: %cc -DFG_TEST_MAIN %s %t.jvp.o -o %t.exe %libm
// RUN: %t.exe
#include "Inputs/user_jvp_header.h"

FG_DIFF double f(double x) { return ext_cube(x) * x; }

#ifdef FG_TEST_MAIN
#include "fgcheck.h"
double ext_cube(double x) { return x * x * x; }
double ext_cube_jvp(double x, double x_dot, double *ret_dot) {
  *ret_dot = 3 * x * x * x_dot;
  return x * x * x;
}
double f_jvp(double x, double x_dot, double *ret_dot);
int main(void) {
  fg_rand_seed(3);
  for (int k = 0; k < 6; k++) {
    double x = fg_rand_uniform(-2, 2), v = fg_rand_uniform(-1, 1), d;
    double y = f_jvp(x, v, &d);
    fg_check_close("primal", y, f(x), 0, 0);
    fg_check_close("hand", d, 4 * x * x * x * v, 1e-13, 1e-14);
  }
  return fg_check_report();
}
#endif
