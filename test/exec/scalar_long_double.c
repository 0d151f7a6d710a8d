// RUN: %fgcc %s -o %t.jvp.c
// RUN: %cc -c %t.jvp.c -o %t.jvp.o
// RUN: %gcc -fsyntax-only %t.jvp.c
// RUN: %cc -DFG_TEST_MAIN %s %t.jvp.o -o %t.exe %libm
// RUN: %t.exe
// A long double function: the tangent is computed in long double and checked
// with Richardson extrapolation in long double.
#include <fgcc.h>

FG_DIFF long double f(long double x, long double y) {
  long double s = x / y;
  return s * s * s + x * y;
}

#ifdef FG_TEST_MAIN
#include <math.h>
#include "fgcheck.h"

long double f_jvp(long double x, long double x_dot, long double y, long double y_dot, long double *ret_dot);

typedef struct { long double x, y, dx, dy; } Line;

static long double along(long double h, void *ctx) {
  const Line *l = ctx;
  return f(l->x + h * l->dx, l->y + h * l->dy);
}

int main(void) {
  fg_rand_seed(103);
  for (int k = 0; k < 8; k++) {
    Line l;
    l.x = fg_rand_uniform(-2, 2);
    l.y = fg_rand_uniform(0.5, 2);
    l.dx = fg_rand_uniform(-1, 1);
    l.dy = fg_rand_uniform(-1, 1);
    long double x = l.x, y = l.y, dx = l.dx, dy = l.dy;
    long double ret_dot = NAN;
    long double r = f_jvp(x, dx, y, dy, &ret_dot);
    long double s = x / y, ds = dx / y - x * dy / (y * y);
    long double hand = 3 * s * s * ds + dx * y + x * dy;
    fg_check_close("scalar_long_double: primal", r, f(x, y), 0, 0);
    fg_check_close("scalar_long_double: tangent vs Richardson", ret_dot, fg_richardson(along, &l, 1e-3L), 1e-10L, 1e-14L);
    fg_check_close("scalar_long_double: tangent vs formula", ret_dot, hand, 1e-15L, 1e-18L);
  }
  return fg_check_report();
}
#endif
