// RUN: %fgcc %s -o %t.jvp.c
// RUN: %cc -c %t.jvp.c -o %t.jvp.o
// RUN: %gcc -fsyntax-only %t.jvp.c
// RUN: %cc -DFG_TEST_MAIN %s %t.jvp.o -o %t.exe %libm
// RUN: %t.exe
// static inline and static helpers called from the differentiated function
// (they get static tangent versions; a helper calling a helper).
#include <fgcc.h>

static inline double sq(double a) { return a * a; }

static double cube(double a) { return a * sq(a); }

FG_DIFF double f(double x, double y) { return sq(x + y) + cube(x) * y; }

#ifdef FG_TEST_MAIN
#include <math.h>
#include "fgcheck.h"

double f_jvp(double x, double x_dot, double y, double y_dot, double *ret_dot);

int main(void) {
  fg_rand_seed(606);
  for (int k = 0; k < 10; k++) {
    double x = fg_rand_uniform(-2, 2);
    double y = fg_rand_uniform(-2, 2);

    double dx = fg_rand_uniform(-1, 1);
    double dy = fg_rand_uniform(-1, 1);
    fg_line2 l = {f, x, y, dx, dy};
    double ret_dot = NAN;
    double r = f_jvp(x, dx, y, dy, &ret_dot);
    double hand = 2 * (x + y) * (dx + dy) + 3 * x * x * dx * y + x * x * x * dy;
    fg_check_close("legacy_static_inline: primal", r, f(x, y), 0, 0);
    fg_check_close("legacy_static_inline: tangent vs Richardson", ret_dot, fg_richardson(fg_along2, &l, 1e-3), 1e-8, 1e-12);
    fg_check_close("legacy_static_inline: tangent vs formula", ret_dot, hand, 1e-10, 1e-13);
  }
  return fg_check_report();
}
#endif
