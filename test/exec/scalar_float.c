// RUN: %fgcc %s -o %t.jvp.c
// RUN: %cc -c %t.jvp.c -o %t.jvp.o
// RUN: %gcc -fsyntax-only %t.jvp.c
// RUN: %cc -DFG_TEST_MAIN %s %t.jvp.o -o %t.exe %libm
// RUN: %t.exe
// A float function with one FG_WRT parameter: only x gets a tangent (y is
// passed through), and the tangent is computed in float.
#include <fgcc.h>

FG_DIFF float f(FG_WRT float x, float y) {
  float t = x * x * y;
  return t / (1.0f + x) + y;
}

#ifdef FG_TEST_MAIN
#include <math.h>
#include "fgcheck.h"

float f_jvp(float x, float x_dot, float y, float *ret_dot);

int main(void) {
  fg_rand_seed(102);
  for (int k = 0; k < 8; k++) {
    float xf = (float)fg_rand_uniform(0.1, 3);
    float yf = (float)fg_rand_uniform(-2, 2);
    float dxf = (float)fg_rand_uniform(-1, 1);
    float ret_dot = NAN;
    float r = f_jvp(xf, dxf, yf, &ret_dot);
    /* d/dx x^2 y / (1 + x) = (2 x y (1 + x) - x^2 y) / (1 + x)^2, in double */
    double x = xf, y = yf, dx = dxf;
    double hand = (2 * x * y * (1 + x) - x * x * y) / ((1 + x) * (1 + x)) * dx;
    fg_check_close("scalar_float: primal", r, f(xf, yf), 0, 0);
    fg_check_close("scalar_float: tangent vs formula", ret_dot, hand, 1e-5, 1e-6);
  }
  return fg_check_report();
}
#endif
