// RUN: %fgcc %s -o %t.jvp.c
// RUN: %cc -c %t.jvp.c -o %t.jvp.o
// RUN: %gcc -fsyntax-only %t.jvp.c
// RUN: %cc -DFG_TEST_MAIN %s %t.jvp.o -o %t.exe %libm
// RUN: %t.exe
// The product rule, with the active inputs chosen by FG_WRT: s is inactive,
// so it is passed alone and has no tangent.
#include <fgcc.h>
#include <math.h>

FG_DIFF double f(FG_WRT double x, FG_WRT double y, double s) { return s * x * y * sin(x); }

#ifdef FG_TEST_MAIN
#include "fgcheck.h"

/* The contract: active parameters followed by their tangents, then ret_dot. */
double f_jvp(double x, double x_dot, double y, double y_dot, double s, double *ret_dot);

typedef struct { double x, y, s, dx, dy; } Line;

/* f along the line (x, y) + h (dx, dy), s fixed */
static long double along(long double h, void *ctx) {
  const Line *l = ctx;
  return f((double)(l->x + h * l->dx), (double)(l->y + h * l->dy), l->s);
}

int main(void) {
  fg_rand_seed(20240601);
  for (int k = 0; k < 16; k++) {
    Line l = {fg_rand_uniform(-3, 3), fg_rand_uniform(-3, 3), fg_rand_uniform(0.5, 2), fg_rand_uniform(-1, 1),
              fg_rand_uniform(-1, 1)};
    double ret_dot = NAN;
    double r = f_jvp(l.x, l.dx, l.y, l.dy, l.s, &ret_dot);
    /* d(s x y sin x) = s (y sin x + x y cos x) dx + s x sin x dy */
    double formula = l.s * (l.y * sin(l.x) + l.x * l.y * cos(l.x)) * l.dx + l.s * l.x * sin(l.x) * l.dy;
    fg_check_close("product: primal", r, f(l.x, l.y, l.s), 0, 0);
    fg_check_close("product: tangent vs Richardson", ret_dot, fg_richardson(along, &l, 1e-2), 1e-8, 1e-12);
    fg_check_close("product: tangent vs formula", ret_dot, formula, 1e-10, 1e-13);
  }
  /* A unit direction gives a partial derivative: df/dy = s x sin x. */
  double dfdy = NAN;
  f_jvp(1.5, 0.0, -2.0, 1.0, 3.0, &dfdy);
  fg_check_close("product: df/dy", dfdy, 3.0 * 1.5 * sin(1.5), 1e-15, 0);
  return fg_check_report();
}
#endif
