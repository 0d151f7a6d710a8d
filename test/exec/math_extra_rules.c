// RUN: %fgcc %s -o %t.jvp.c
// RUN: %cc -c %t.jvp.c -o %t.jvp.o
// RUN: %gcc -O2 -c %t.jvp.c -o %t.gcc.o
// RUN: %cc -DFG_TEST_MAIN %s %t.jvp.o -o %t.exe %libm
// RUN: %t.exe
// The rules.def rows beyond the list: fdim (1 or 0 / -1 or 0),
// remainder (1, -n with n = (a - r) / b), rint and nearbyint (0), scalbn
// (scalbn(1, n) for the value).
#include <fgcc.h>
#include <math.h>

FG_DIFF double f(double x, double y) {
  return fdim(x, y) * y + remainder(x, y) * x + rint(x) * y + nearbyint(y) * x + scalbn(x * y, 3);
}

#ifdef FG_TEST_MAIN
#include "fgcheck.h"

double f_jvp(double x, double x_dot, double y, double y_dot, double *ret_dot);

/* far from the jumps of remainder, rint and nearbyint and the kink of fdim */
static int smooth(double x, double y) {
  double q = x / y;
  return fabs(q - nearbyint(q)) < 0.45 && fabs(x - nearbyint(x)) < 0.45 && fabs(y - nearbyint(y)) < 0.45 &&
         fabs(x - y) > 0.05 && fabs(fabs(q - nearbyint(q)) - 0.5) > 0.05;
}

int main(void) {
  fg_rand_seed(2026);
  for (int k = 0; k < 10; k++) {
    double x = fg_rand_uniform(-4, 4), y = fg_rand_uniform(0.7, 2.5);
    if (!smooth(x, y)) { k--; continue; }
    double dx = fg_rand_uniform(-1, 1), dy = fg_rand_uniform(-1, 1);
    fg_line2 l = {f, x, y, dx, dy};
    double d = NAN;
    double r = f_jvp(x, dx, y, dy, &d);
    fg_check_close("primal", r, f(x, y), 0, 0);
    double n = (x - remainder(x, y)) / y;
    double hand = (x > y ? dx - dy : 0) * y + fdim(x, y) * dy
                + (dx - n * dy) * x + remainder(x, y) * dx
                + rint(x) * dy + nearbyint(y) * dx + 8 * (dx * y + x * dy);
    fg_check_close("formula", d, hand, 1e-10, 1e-13);
    fg_check_close("richardson", d, fg_richardson(fg_along2, &l, 1e-3), 1e-8, 1e-12);
  }
  return fg_check_report();
}
#endif
