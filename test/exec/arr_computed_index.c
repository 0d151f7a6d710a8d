// RUN: %fgcc %s -o %t.jvp.c
// RUN: %cc -c %t.jvp.c -o %t.jvp.o
// RUN: %gcc -fsyntax-only %t.jvp.c
// RUN: %cc -DFG_TEST_MAIN %s %t.jvp.o -o %t.exe %libm
// RUN: %t.exe
// Computed indices: from an int index array, modulo arithmetic, and from
// (int) of an active value (the index is data-dependent, its derivative is 0).
#include <fgcc.h>

static const int perm[6] = {3, 0, 5, 1, 4, 2};

FG_DIFF double f(int n, const double *w, double x) {
  double s = 0.0;
  for (int i = 0; i < n; i++) {
    int j = perm[i];
    s += w[j] * w[(j + 1) % n] * x;
  }
  int k = (int)(x * 2.0);
  return s + w[k] * x + w[n - 1 - k];
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
  fg_rand_seed(306);
  for (int k = 0; k < 8; k++) {
    Line l;
    int n = l.n = 6;
    double *w = l.w, *dw = l.dw;
    for (int i = 0; i < n; i++) {
      w[i] = fg_rand_uniform(-2, 2);
      dw[i] = fg_rand_uniform(-1, 1);
    }
    double x = l.x = fg_rand_uniform(0.1, 2.9);
    if (2 * x - floor(2 * x) < 0.05 || 2 * x - floor(2 * x) > 0.95) { /* away from the jumps of (int)(2x) */
      k--;
      continue;
    }
    double dx = l.dx = fg_rand_uniform(-1, 1);
    double w_copy[NMAX], dw_copy[NMAX];
    for (int i = 0; i < n; i++) {
      w_copy[i] = w[i];
      dw_copy[i] = dw[i];
    }
    double ret_dot = NAN;
    double r = f_jvp(n, w_copy, dw_copy, x, dx, &ret_dot);
    int perm_[6] = {3, 0, 5, 1, 4, 2};
    double hand = 0;
    for (int i = 0; i < n; i++) {
      int j = perm_[i], j1 = (j + 1) % n;
      hand += dw[j] * w[j1] * x + w[j] * dw[j1] * x + w[j] * w[j1] * dx;
    }
    int kk = (int)(x * 2.0);
    hand += dw[kk] * x + w[kk] * dx + dw[n - 1 - kk];
    fg_check_close("arr_computed_index: primal", r, f(n, w, x), 0, 0);
    fg_check_close("arr_computed_index: tangent vs Richardson", ret_dot, fg_richardson(along, &l, 1e-3), 1e-8, 1e-12);
    fg_check_close("arr_computed_index: tangent vs formula", ret_dot, hand, 1e-10, 1e-13);
    for (int i = 0; i < n; i++) {
      fg_check_close("arr_computed_index: input w unchanged", w_copy[i], w[i], 0, 0);
      fg_check_close("arr_computed_index: input w_dot unchanged", dw_copy[i], dw[i], 0, 0);
    }
  }
  return fg_check_report();
}
#endif
