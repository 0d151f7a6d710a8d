// A helper called with a local that is active only because a parameter
// flows into it (regression: the callee's version was never created and
// fgcc hit an internal error).
// RUN: %fgcc %s -o %t.jvp.c --fn f
// RUN: %cc -c %t.jvp.c -o %t.jvp.o
// RUN: %cc -DFG_TEST_MAIN %s %t.jvp.o -o %t.exe %libm
// RUN: %t.exe
static double poly(double z) { return 1.0 + z * (0.5 + z * 0.25); }
double f(double x) { double z = x * x; return poly(z); }

#ifdef FG_TEST_MAIN
#include "fgcheck.h"
double f_jvp(double x, double x_dot, double *ret_dot);
static long double g(long double h, void *ctx) { return f((double)(*(double *)ctx + h)); }
int main(void) {
  fg_rand_seed(7);
  for (int k = 0; k < 8; k++) {
    double x = fg_rand_uniform(-2, 2), d;
    double y = f_jvp(x, 1.0, &d);
    fg_check_close("primal", y, f(x), 0, 0);
    fg_check_close("hand", d, 2 * x * (0.5 + 0.5 * x * x), 1e-12, 1e-14);
    fg_check_close("richardson", d, fg_richardson(g, &x, 1e-2), 1e-8, 1e-12);
  }
  return fg_check_report();
}
#endif
