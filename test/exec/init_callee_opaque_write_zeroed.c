// RUN: %fgcc %s -o %t.jvp.c
// RUN: %cc -c %t.jvp.c -o %t.jvp.o
// RUN: %gcc -fsyntax-only %t.jvp.c
// RUN: %cc -DFG_TEST_MAIN %s %t.jvp.o -o %t.exe %libm
// RUN: %t.exe
// A callee that passes its array parameter to a helper fgcc calls as it is
// (through void *) writes the caller's array without its tangent: the
// caller's local array keeps a zeroed tangent. The stack is filled with
// NaNs before each call, so a missing zero shows up as a NaN derivative.
#include <fgcc.h>

static void fill(void *p, int n) {
  double *q = p;
  for (int i = 0; i < n; i++)
    q[i] = 0.25 * i;
}

static double g(double *a, double x) {
  fill(a, 4);
  a[0] = x;
  double s = 0.0;
  for (int i = 0; i < 4; i++)
    s += a[i] * x;
  return s;
}

FG_DIFF double f(double x, double y) {
  double a[4];
  return g(a, x) * y;
}

#ifdef FG_TEST_MAIN
#include <math.h>
#include "fgcheck.h"

double f_jvp(double x, double x_dot, double y, double y_dot, double *ret_dot);

static void dirty_stack(void) {
  volatile double junk[4096];
  for (int i = 0; i < 4096; i++)
    junk[i] = NAN;
}

int main(void) {
  fg_rand_seed(1204);
  for (int k = 0; k < 10; k++) {
    double x = fg_rand_uniform(-2, 2), y = fg_rand_uniform(-2, 2);
    double dx = fg_rand_uniform(-1, 1), dy = fg_rand_uniform(-1, 1);
    fg_line2 l = {f, x, y, dx, dy};
    double ret_dot = NAN;
    dirty_stack();
    double r = f_jvp(x, dx, y, dy, &ret_dot);
    /* g = x^2 + 1.5 x */
    double hand = (2 * x + 1.5) * dx * y + (x * x + 1.5 * x) * dy;
    fg_check_close("init_callee_opaque_write_zeroed: primal", r, f(x, y), 0, 0);
    fg_check_close("init_callee_opaque_write_zeroed: tangent vs Richardson", ret_dot,
                   fg_richardson(fg_along2, &l, 1e-2), 1e-8, 1e-12);
    fg_check_close("init_callee_opaque_write_zeroed: tangent vs formula", ret_dot, hand, 1e-10, 1e-13);
  }
  return fg_check_report();
}
#endif
