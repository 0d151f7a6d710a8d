// RUN: %fgcc %s -o %t.jvp.c
// RUN: %cc -c %t.jvp.c -o %t.jvp.o
// RUN: %gcc -fsyntax-only %t.jvp.c
// RUN: %cc -DFG_TEST_MAIN %s %t.jvp.o -o %t.exe %libm
// RUN: %t.exe
// calloc'ed accumulators (start at zero, tangent too) and a buffer grown with
// realloc one element at a time (the values written before a move survive).
#include <fgcc.h>
#include <stdlib.h>

FG_DIFF double f(int n, const double *w, double x) {
  double *acc = calloc(3, sizeof *acc);
  double *buf = NULL;
  int len = 0, cap = 0;
  for (int i = 0; i < n; i++) {
    if (len == cap) {
      cap = cap ? 2 * cap : 1;
      buf = realloc(buf, (size_t)cap * sizeof *buf);
    }
    buf[len++] = w[i] * x;
  }
  for (int i = 0; i < len; i++)
    acc[i % 3] += buf[i] * w[i];
  double r = acc[0] * acc[1] + acc[2];
  free(buf);
  free(acc);
  return r;
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
  fg_rand_seed(305);
  for (int k = 0; k < 8; k++) {
    Line l;
    int n = l.n = 11;
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
    double A[3] = {0, 0, 0}, dA[3] = {0, 0, 0};
    for (int i = 0; i < n; i++) {
      A[i % 3] += w[i] * w[i] * x;
      dA[i % 3] += 2 * w[i] * dw[i] * x + w[i] * w[i] * dx;
    }
    double hand = dA[0] * A[1] + A[0] * dA[1] + dA[2];
    fg_check_close("mem_calloc_realloc: primal", r, f(n, w, x), 0, 0);
    fg_check_close("mem_calloc_realloc: tangent vs Richardson", ret_dot, fg_richardson(along, &l, 1e-3), 1e-8, 1e-12);
    fg_check_close("mem_calloc_realloc: tangent vs formula", ret_dot, hand, 1e-10, 1e-13);
    for (int i = 0; i < n; i++) {
      fg_check_close("mem_calloc_realloc: input w unchanged", w_copy[i], w[i], 0, 0);
      fg_check_close("mem_calloc_realloc: input w_dot unchanged", dw_copy[i], dw[i], 0, 0);
    }
  }
  return fg_check_report();
}
#endif
