// pow(x, n) at x = 0: the derivative is n x^(n-1), which is 0 for n = 0 and
// n >= 2, 1 for n = 1 -- not 0 * inf = NaN.
// RUN: %fgcc %s -o %t.jvp.c
// RUN: %cc -c %t.jvp.c -o %t.jvp.o
// RUN: %cc -DFG_TEST_MAIN %s %t.jvp.o -o %t.exe %libm
// RUN: %t.exe
#include <fgcc.h>
#include <math.h>

FG_DIFF double f(double x, int n) { return pow(x, n); }

#ifdef FG_TEST_MAIN
#include "fgcheck.h"
double f_jvp(double x, double x_dot, int n, double *ret_dot);
int main(void) {
  for (int n = 0; n <= 3; n++) {
    double d;
    double y = f_jvp(0.0, 1.0, n, &d);
    fg_check_close("pow(0, n)", y, n == 0 ? 1.0 : 0.0, 0, 0);
    fg_check_close("d pow(x, n) at 0", d, n == 1 ? 1.0 : 0.0, 0, 0);
  }
  return fg_check_report();
}
#endif
