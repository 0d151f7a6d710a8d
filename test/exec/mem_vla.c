// RUN: %fgcc %s -o %t.jvp.c
// RUN: %cc -c %t.jvp.c -o %t.jvp.o
// RUN: %gcc -fsyntax-only %t.jvp.c
// RUN: %cc -DFG_TEST_MAIN %s %t.jvp.o -o %t.exe %libm
// RUN: %t.exe
// A variable-length array as work space: its tangent must be a VLA too.
#include <fgcc.h>

FG_DIFF double f(int n, const double *w, double x) {
  double t[n];
  for (int i = 0; i < n; i++)
    t[i] = w[i] * x + i;
  double s = 0.0;
  for (int i = 0; i < n; i++)
    s += t[i] * t[n - 1 - i];
  return s;
}

#ifdef FG_TEST_MAIN
#include <math.h>
#include "fgcheck.h"

double f_jvp(int n, const double *w, const double *w_dot, double x, double x_dot, double *ret_dot);

#define NMAX 16
typedef struct { int n; double w[NMAX], dw[NMAX], x, dx; } Line;

static long double along(long double h, void *ctx) {
  const Line *l = ctx;
  double w[NMAX];
  for (int i = 0; i < l->n; i++)
    w[i] = (double)(l->w[i] + h * l->dw[i]);
  return f(l->n, w, (double)(l->x + h * l->dx));
}

int main(void) {
  fg_rand_seed(303);
  for (int k = 0; k < 8; k++) {
    Line l;
    int n = l.n = 7;
    double *w = l.w, *dw = l.dw;
    for (int i = 0; i < n; i++) {
      w[i] = fg_rand_uniform(-2, 2);
      dw[i] = fg_rand_uniform(-1, 1);
    }
    double x = l.x = fg_rand_uniform(-2, 2);
    double dx = l.dx = fg_rand_uniform(-1, 1);
    double w_copy[NMAX], dw_copy[NMAX];
    for (int i = 0; i < n; i++) {
      w_copy[i] = w[i];
      dw_copy[i] = dw[i];
    }
    double ret_dot = NAN;
    double r = f_jvp(n, w_copy, dw_copy, x, dx, &ret_dot);
    double t[NMAX], dt[NMAX], hand = 0;
    for (int i = 0; i < n; i++) {
      t[i] = w[i] * x + i;
      dt[i] = dw[i] * x + w[i] * dx;
    }
    for (int i = 0; i < n; i++)
      hand += dt[i] * t[n - 1 - i] + t[i] * dt[n - 1 - i];
    fg_check_close("mem_vla: primal", r, f(n, w, x), 0, 0);
    fg_check_close("mem_vla: tangent vs Richardson", ret_dot, fg_richardson(along, &l, 1e-3), 1e-8, 1e-12);
    fg_check_close("mem_vla: tangent vs formula", ret_dot, hand, 1e-10, 1e-13);
    for (int i = 0; i < n; i++) {
      fg_check_close("mem_vla: input w unchanged", w_copy[i], w[i], 0, 0);
      fg_check_close("mem_vla: input w_dot unchanged", dw_copy[i], dw[i], 0, 0);
    }
  }
  return fg_check_report();
}
#endif
