// RUN: %fgcc %s -o %t.jvp.c --fn f
// RUN: %cc -c %t.jvp.c -o %t.jvp.o
// RUN: %gcc -fsyntax-only %t.jvp.c
// RUN: %cc -DFG_TEST_MAIN %s %t.jvp.o -o %t.exe %libm
// RUN: %t.exe
// K&R-era macros: `#define real double`, a function-like macro for squares,
// a #define'd loop bound. Unannotated, selected with --fn.
#define real double
#define SQR(a) ((a) * (a))
#define NTERMS 4

real f(real x, real y) {
  real s = 0.;
  int i;
  for (i = 0; i < NTERMS; i++)
    s += SQR(x - i * y);
  return s;
}

#ifdef FG_TEST_MAIN
#include <math.h>
#include "fgcheck.h"

double f_jvp(double x, double x_dot, double y, double y_dot, double *ret_dot);

int main(void) {
  fg_rand_seed(605);
  for (int k = 0; k < 10; k++) {
    double x = fg_rand_uniform(-2, 2);
    double y = fg_rand_uniform(-2, 2);

    double dx = fg_rand_uniform(-1, 1);
    double dy = fg_rand_uniform(-1, 1);
    fg_line2 l = {f, x, y, dx, dy};
    double ret_dot = NAN;
    double r = f_jvp(x, dx, y, dy, &ret_dot);
    double hand = 0;
    for (int i = 0; i < 4; i++)
      hand += 2 * (x - i * y) * (dx - i * dy);
    fg_check_close("legacy_define_real: primal", r, f(x, y), 0, 0);
    fg_check_close("legacy_define_real: tangent vs Richardson", ret_dot, fg_richardson(fg_along2, &l, 1e-3), 1e-8, 1e-12);
    fg_check_close("legacy_define_real: tangent vs formula", ret_dot, hand, 1e-10, 1e-13);
  }
  return fg_check_report();
}
#endif
