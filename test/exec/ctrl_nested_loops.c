// RUN: %fgcc %s -o %t.jvp.c
// RUN: %cc -c %t.jvp.c -o %t.jvp.o
// RUN: %gcc -fsyntax-only %t.jvp.c
// RUN: %cc -DFG_TEST_MAIN %s %t.jvp.o -o %t.exe %libm
// RUN: %t.exe
// Nested loops: a triangular double loop over a matrix, with an inner while
// loop accumulating powers of x.
#include <fgcc.h>

FG_DIFF double f(int n, const double *a, double x) {
  int m = 4;
  double s = 0.0;
  for (int i = 0; i < m; i++) {
    for (int j = 0; j <= i; j++) {
      double p = 1.0;
      int e = 0;
      while (e < i - j) {
        p *= x;
        e++;
      }
      s += a[i * m + j] * a[j * m + i] * p;
    }
  }
  return s + n;
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
  fg_rand_seed(508);
  for (int k = 0; k < 8; k++) {
    Line l;
    int n = l.n = 16;
    double *w = l.w, *dw = l.dw;
    for (int i = 0; i < n; i++) {
      w[i] = fg_rand_uniform(-2, 2);
      dw[i] = fg_rand_uniform(-1, 1);
    }
    double x = l.x = fg_rand_uniform(-1.5, 1.5);
    double dx = l.dx = fg_rand_uniform(-1, 1);
    double w_copy[NMAX], dw_copy[NMAX];
    for (int i = 0; i < n; i++) {
      w_copy[i] = w[i];
      dw_copy[i] = dw[i];
    }
    double ret_dot = NAN;
    double r = f_jvp(n, w_copy, dw_copy, x, dx, &ret_dot);
    double hand = 0;
    for (int i = 0; i < 4; i++)
      for (int j = 0; j <= i; j++) {
        double p = pow(x, i - j), dp = i > j ? (i - j) * pow(x, i - j - 1) * dx : 0;
        double aa = w[i * 4 + j] * w[j * 4 + i], daa = dw[i * 4 + j] * w[j * 4 + i] + w[i * 4 + j] * dw[j * 4 + i];
        hand += daa * p + aa * dp;
      }
    fg_check_close("ctrl_nested_loops: primal", r, f(n, w, x), 0, 0);
    fg_check_close("ctrl_nested_loops: tangent vs Richardson", ret_dot, fg_richardson(along, &l, 1e-3), 1e-8, 1e-12);
    fg_check_close("ctrl_nested_loops: tangent vs formula", ret_dot, hand, 1e-10, 1e-13);
    for (int i = 0; i < n; i++) {
      fg_check_close("ctrl_nested_loops: input w unchanged", w_copy[i], w[i], 0, 0);
      fg_check_close("ctrl_nested_loops: input w_dot unchanged", dw_copy[i], dw[i], 0, 0);
    }
  }
  return fg_check_report();
}
#endif
