// RUN: %fgcc %s -o %t.jvp.c
// RUN: %cc -c %t.jvp.c -o %t.jvp.o
// RUN: %gcc -fsyntax-only %t.jvp.c
// RUN: %cc -DFG_TEST_MAIN %s %t.jvp.o -o %t.exe %libm
// RUN: %t.exe
// Mixed precision: casts between float, double and long double, with a
// float and a long double parameter. Each tangent lives in the precision of
// its variable, so the check is at float accuracy.
#include <fgcc.h>

FG_DIFF double f(double x, float y, long double z) {
  float a = (float)x * y;
  long double b = (long double)a * z;
  double c = (double)b + (float)(x * x);
  return c * (double)y;
}

#ifdef FG_TEST_MAIN
#include <math.h>
#include "fgcheck.h"

double f_jvp(double x, double x_dot, float y, float y_dot, long double z, long double z_dot, double *ret_dot);

int main(void) {
  fg_rand_seed(204);
  for (int k = 0; k < 10; k++) {
    double x = fg_rand_uniform(-2, 2);
    float y = (float)fg_rand_uniform(-2, 2);
    long double z = fg_rand_uniform(-2, 2);
    double dx = fg_rand_uniform(-1, 1);
    float dy = (float)fg_rand_uniform(-1, 1);
    long double dz = fg_rand_uniform(-1, 1);
    double ret_dot = NAN;
    double r = f_jvp(x, dx, y, dy, z, dz, &ret_dot);
    double a = x * y, da = dx * y + x * dy;
    double b = a * (double)z, db = da * (double)z + a * (double)dz;
    double c = b + x * x, dc = db + 2 * x * dx;
    double hand = dc * y + c * dy;
    fg_check_close("op_casts: primal", r, f(x, y, z), 0, 0);
    fg_check_close("op_casts: tangent vs formula", ret_dot, hand, 1e-5, 1e-6);
  }
  return fg_check_report();
}
#endif
