// RUN: %fgcc %s -o %t.jvp.c
// RUN: %cc -c %t.jvp.c -o %t.jvp.o
// RUN: %gcc -fsyntax-only %t.jvp.c
// RUN: %cc -DFG_TEST_MAIN %s %t.jvp.o -o %t.exe %libm
// RUN: %t.exe
// A work buffer from malloc, freed before returning: its tangent buffer is
// allocated and freed alongside.
#include <fgcc.h>
#include <math.h>
#include <stdlib.h>

FG_DIFF double f(int n, const double *w, double x) {
  double *buf = malloc((size_t)n * sizeof *buf);
  if (!buf)
    return 0.0;
  for (int i = 0; i < n; i++)
    buf[i] = sin(w[i] * x);
  double s = 0.0;
  for (int i = 1; i < n; i++)
    s += buf[i] * buf[i - 1];
  free(buf);
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
  fg_rand_seed(304);
  for (int k = 0; k < 8; k++) {
    Line l;
    int n = l.n = 9;
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
    double b[NMAX], db[NMAX], hand = 0;
    for (int i = 0; i < n; i++) {
      b[i] = sin(w[i] * x);
      db[i] = cos(w[i] * x) * (dw[i] * x + w[i] * dx);
    }
    for (int i = 1; i < n; i++)
      hand += db[i] * b[i - 1] + b[i] * db[i - 1];
    fg_check_close("mem_malloc: primal", r, f(n, w, x), 0, 0);
    fg_check_close("mem_malloc: tangent vs Richardson", ret_dot, fg_richardson(along, &l, 1e-3), 1e-8, 1e-12);
    fg_check_close("mem_malloc: tangent vs formula", ret_dot, hand, 1e-10, 1e-13);
    for (int i = 0; i < n; i++) {
      fg_check_close("mem_malloc: input w unchanged", w_copy[i], w[i], 0, 0);
      fg_check_close("mem_malloc: input w_dot unchanged", dw_copy[i], dw[i], 0, 0);
    }
  }
  return fg_check_report();
}
#endif
