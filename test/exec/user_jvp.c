// RUN: %fgcc %s -o %t.jvp.c
// RUN: %cc -c %t.jvp.c -o %t.jvp.o
// RUN: %gcc -fsyntax-only %t.jvp.c
// RUN: %cc -DFG_TEST_MAIN %s %t.jvp.o -o %t.exe %libm
// RUN: %t.exe
// A user-supplied derivative: g is only declared here (defined elsewhere),
// FG_JVP(g) marks g_jvp as its derivative; f calls g twice and the chain rule
// goes through g_jvp (which counts its calls).
#include <fgcc.h>

double g(double x);
FG_JVP(g) double g_jvp(double x, double x_dot, double *ret_dot);

FG_DIFF double f(double x, double y) { return g(x * y) + y * g(x); }

#ifdef FG_TEST_MAIN
#include <math.h>
#include "fgcheck.h"

double f_jvp(double x, double x_dot, double y, double y_dot, double *ret_dot);

static int g_jvp_calls;

double g(double x) { return x * x * x + sin(x); }

double g_jvp(double x, double x_dot, double *ret_dot) {
  g_jvp_calls++;
  *ret_dot = (3 * x * x + cos(x)) * x_dot;
  return g(x);
}

typedef struct { double x, y, dx, dy; } Line;

static long double along(long double h, void *ctx) {
  const Line *l = ctx;
  return f((double)(l->x + h * l->dx), (double)(l->y + h * l->dy));
}

int main(void) {
  fg_rand_seed(706);
  for (int k = 0; k < 8; k++) {
    Line l;
    double x = l.x = fg_rand_uniform(-2, 2);
    double y = l.y = fg_rand_uniform(-2, 2);
    double dx = l.dx = fg_rand_uniform(-1, 1);
    double dy = l.dy = fg_rand_uniform(-1, 1);
    double ret_dot = NAN;
    int calls = g_jvp_calls;
    double r = f_jvp(x, dx, y, dy, &ret_dot);
    fg_check_close("user_jvp: g_jvp called for both calls of g", g_jvp_calls - calls, 2, 0, 0);
    double u = x * y, du = dx * y + x * dy;
    double hand = (3 * u * u + cos(u)) * du + dy * g(x) + y * (3 * x * x + cos(x)) * dx;
    fg_check_close("user_jvp: primal", r, f(x, y), 0, 0);
    fg_check_close("user_jvp: tangent vs Richardson", ret_dot, fg_richardson(along, &l, 1e-3), 1e-8, 1e-12);
    fg_check_close("user_jvp: tangent vs formula", ret_dot, hand, 1e-10, 1e-13);
  }
  return fg_check_report();
}
#endif
