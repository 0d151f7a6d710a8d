// RUN: %fgcc %s -o %t.jvp.c
// RUN: %cc -c %t.jvp.c -o %t.jvp.o
// RUN: %gcc -fsyntax-only %t.jvp.c
// RUN: %cc -DFG_TEST_MAIN %s %t.jvp.o -o %t.exe %libm
// RUN: %t.exe
// A local array's tangent is not zeroed at its declaration (it is written
// where the array is): a loop storing active values into some elements and
// constants into others must write an explicit 0 into the tangent of the
// others. The stack is filled with NaNs before each call, so a missing zero
// shows up as a NaN derivative.
#include <fgcc.h>

FG_DIFF double f(double x, double y) {
  double a[8];
  for (int i = 0; i < 8; i++) {
    if (i % 3 == 0)
      a[i] = x * (i + 1);
    else if (i % 3 == 1)
      a[i] = 0.5 * i; /* inactive: a_dot[i] = 0 */
    else
      a[i] = y;
  }
  double s = 0.0;
  for (int i = 0; i < 8; i++)
    s += a[i] * a[i];
  return s;
}

#ifdef FG_TEST_MAIN
#include <math.h>
#include "fgcheck.h"

double f_jvp(double x, double x_dot, double y, double y_dot, double *ret_dot);

/* NaNs where f_jvp's frame will be */
static void dirty_stack(void) {
  volatile double junk[4096];
  for (int i = 0; i < 4096; i++)
    junk[i] = NAN;
}

int main(void) {
  fg_rand_seed(1201);
  for (int k = 0; k < 10; k++) {
    double x = fg_rand_uniform(-2, 2), y = fg_rand_uniform(-2, 2);
    double dx = fg_rand_uniform(-1, 1), dy = fg_rand_uniform(-1, 1);
    fg_line2 l = {f, x, y, dx, dy};
    double ret_dot = NAN;
    dirty_stack();
    double r = f_jvp(x, dx, y, dy, &ret_dot);
    /* s = 66 x^2 + 2 y^2 + const (i = 0, 3, 6 and i = 2, 5) */
    double hand = 132 * x * dx + 4 * y * dy;
    fg_check_close("init_inactive_store_zero_stack: primal", r, f(x, y), 0, 0);
    fg_check_close("init_inactive_store_zero_stack: tangent vs Richardson", ret_dot,
                   fg_richardson(fg_along2, &l, 1e-2), 1e-8, 1e-12);
    fg_check_close("init_inactive_store_zero_stack: tangent vs formula", ret_dot, hand, 1e-10, 1e-13);
  }
  return fg_check_report();
}
#endif
