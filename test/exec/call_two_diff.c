// RUN: %fgcc %s -o %t.jvp.c
// RUN: %cc -c %t.jvp.c -o %t.jvp.o
// RUN: %gcc -fsyntax-only %t.jvp.c
// RUN: %cc -DFG_TEST_MAIN %s %t.jvp.o -o %t.exe %libm
// RUN: %t.exe
// Two FG_DIFF functions in one file, one calling the other: both public
// jvps exist with the contract's signatures (f only in x, g in both).
#include <fgcc.h>
#include <math.h>

FG_DIFF double g(double a, double b) { return a * exp(b); }

FG_DIFF double f(FG_WRT double x, double y) { return g(x, y) * g(y, x); }

#ifdef FG_TEST_MAIN
#include "fgcheck.h"

double g_jvp(double a, double a_dot, double b, double b_dot, double *ret_dot);
double f_jvp(double x, double x_dot, double y, double *ret_dot);

typedef struct { double x, y, dx, dy; } Line;

static long double along_f(long double h, void *ctx) {
  const Line *l = ctx;
  return f((double)(l->x + h * l->dx), l->y);
}

static long double along_g(long double h, void *ctx) {
  const Line *l = ctx;
  return g((double)(l->x + h * l->dx), (double)(l->y + h * l->dy));
}

int main(void) {
  fg_rand_seed(705);
  for (int k = 0; k < 8; k++) {
    Line l;
    double x = l.x = fg_rand_uniform(-2, 2);
    double y = l.y = fg_rand_uniform(-2, 2);
    double dx = l.dx = fg_rand_uniform(-1, 1);
    double dy = l.dy = fg_rand_uniform(-1, 1);
    double g_dot = NAN;
    double rg = g_jvp(x, dx, y, dy, &g_dot);
    fg_check_close("call_two_diff: g primal", rg, g(x, y), 0, 0);
    fg_check_close("call_two_diff: g tangent vs Richardson", g_dot, fg_richardson(along_g, &l, 1e-3), 1e-8, 1e-12);
    fg_check_close("call_two_diff: g tangent vs formula", g_dot, exp(y) * (dx + x * dy), 1e-10, 1e-13);
    double f_dot = NAN;
    double rf = f_jvp(x, dx, y, &f_dot);
    /* f = x e^y y e^x */
    double hand = y * exp(x + y) * (1 + x) * dx;
    fg_check_close("call_two_diff: f primal", rf, f(x, y), 0, 0);
    fg_check_close("call_two_diff: f tangent vs Richardson", f_dot, fg_richardson(along_f, &l, 1e-3), 1e-8, 1e-12);
    fg_check_close("call_two_diff: f tangent vs formula", f_dot, hand, 1e-10, 1e-13);
  }
  return fg_check_report();
}
#endif
