// RUN: %fgcc %s -o %t.jvp.c
// RUN: %cc -c %t.jvp.c -o %t.jvp.o
// RUN: %gcc -fsyntax-only %t.jvp.c
// RUN: %cc -DFG_TEST_MAIN %s %t.jvp.o -o %t.exe %libm
// RUN: %t.exe
// Read-only input arrays, as a pointer and as an array parameter: both are
// active by default, each followed by a const tangent of the same type.
#include <fgcc.h>
#include <math.h>

FG_DIFF double f(const double *w, const double v[3], int n) {
  double s = 0.0;
  for (int i = 0; i < n; i++)
    s += w[i] * w[i] * (i + 1);
  return sqrt(s) + v[0] * v[1] - v[2] * w[0];
}

#ifdef FG_TEST_MAIN
#include "fgcheck.h"

double f_jvp(const double *w, const double *w_dot, const double *v, const double *v_dot, int n, double *ret_dot);

typedef struct { double w[8], dw[8], v[3], dv[3]; int n; } Line;

static long double along(long double h, void *ctx) {
  const Line *l = ctx;
  double w[8], v[3];
  for (int i = 0; i < l->n; i++)
    w[i] = (double)(l->w[i] + h * l->dw[i]);
  for (int i = 0; i < 3; i++)
    v[i] = (double)(l->v[i] + h * l->dv[i]);
  return f(w, v, l->n);
}

int main(void) {
  fg_rand_seed(308);
  for (int k = 0; k < 8; k++) {
    Line l;
    int n = l.n = 8;
    for (int i = 0; i < n; i++) {
      l.w[i] = fg_rand_uniform(-2, 2);
      l.dw[i] = fg_rand_uniform(-1, 1);
    }
    for (int i = 0; i < 3; i++) {
      l.v[i] = fg_rand_uniform(-2, 2);
      l.dv[i] = fg_rand_uniform(-1, 1);
    }
    Line c = l; /* f_jvp must not write its inputs */
    double ret_dot = NAN;
    double r = f_jvp(c.w, c.dw, c.v, c.dv, n, &ret_dot);
    double s = 0, ds = 0;
    for (int i = 0; i < n; i++) {
      s += l.w[i] * l.w[i] * (i + 1);
      ds += 2 * l.w[i] * l.dw[i] * (i + 1);
    }
    double hand = ds / (2 * sqrt(s)) + l.dv[0] * l.v[1] + l.v[0] * l.dv[1] - l.dv[2] * l.w[0] - l.v[2] * l.dw[0];
    fg_check_close("arr_const_input: primal", r, f(l.w, l.v, n), 0, 0);
    fg_check_close("arr_const_input: tangent vs Richardson", ret_dot, fg_richardson(along, &l, 1e-3), 1e-8, 1e-12);
    fg_check_close("arr_const_input: tangent vs formula", ret_dot, hand, 1e-10, 1e-13);
    for (int i = 0; i < n; i++)
      fg_check_close("arr_const_input: w, w_dot unchanged", c.w[i] + c.dw[i], l.w[i] + l.dw[i], 0, 0);
  }
  return fg_check_report();
}
#endif
