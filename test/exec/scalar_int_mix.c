// RUN: %fgcc %s -o %t.jvp.c
// RUN: %cc -c %t.jvp.c -o %t.jvp.o
// RUN: %gcc -fsyntax-only %t.jvp.c
// RUN: %cc -DFG_TEST_MAIN %s %t.jvp.o -o %t.exe %libm
// RUN: %t.exe
// Mixing int and double: k * y is active through y only, (int)(x * 4) and
// (int)floor(y) stop the derivative, x * 4 - k keeps the tangent 4 dx.
#include <fgcc.h>
#include <math.h>

FG_DIFF double f(double x, double y) {
  int k = (int)(x * 4.0);
  double frac = x * 4.0 - k;
  double s = k * y + frac * frac;
  int m = (int)floor(y) + 2;
  return s * m + (double)k;
}

#ifdef FG_TEST_MAIN
#include "fgcheck.h"

double f_jvp(double x, double x_dot, double y, double y_dot, double *ret_dot);

typedef struct { double x, y, dx, dy; } Line;

static long double along(long double h, void *ctx) {
  const Line *l = ctx;
  return f((double)(l->x + h * l->dx), (double)(l->y + h * l->dy));
}

int main(void) {
  fg_rand_seed(105);
  for (int k = 0; k < 10; k++) {
    Line l;
    l.x = fg_rand_uniform(-3, 3);
    l.y = fg_rand_uniform(-3, 3);
    /* away from the jumps of (int)(4x) and floor(y) */
    double fx = 4 * l.x - floor(4 * l.x), fy = l.y - floor(l.y);
    if (fx < 0.05 || fx > 0.95 || fy < 0.05 || fy > 0.95) {
      k--;
      continue;
    }
    l.dx = fg_rand_uniform(-1, 1);
    l.dy = fg_rand_uniform(-1, 1);
    double x = l.x, y = l.y, dx = l.dx, dy = l.dy;
    double ret_dot = NAN;
    double r = f_jvp(x, dx, y, dy, &ret_dot);
    int ki = (int)(x * 4.0), m = (int)floor(y) + 2;
    double frac = x * 4.0 - ki;
    double hand = (ki * dy + 2 * frac * 4 * dx) * m;
    fg_check_close("scalar_int_mix: primal", r, f(x, y), 0, 0);
    fg_check_close("scalar_int_mix: tangent vs Richardson", ret_dot, fg_richardson(along, &l, 1e-3), 1e-8, 1e-12);
    fg_check_close("scalar_int_mix: tangent vs formula", ret_dot, hand, 1e-12, 1e-13);
  }
  return fg_check_report();
}
#endif
