// RUN: %fgcc %s -o %t.jvp.c
// RUN: %cc -c %t.jvp.c -o %t.jvp.o
// RUN: %gcc -fsyntax-only %t.jvp.c
// RUN: %cc -DFG_TEST_MAIN %s %t.jvp.o -o %t.exe %libm
// RUN: %t.exe
// Pointer arithmetic on a read-only input array: an offset pointer with
// positive and negative subscripts, p++, *(p + 1), a decrementing pointer
// compared with another.
#include <fgcc.h>

FG_DIFF double f(int n, const double *w, double x) {
  const double *p = w + 2;
  double s = p[1] * x;
  s += *p * p[-1];
  const double *q = w;
  for (int i = 0; i < 3; i++) {
    s += *q * x;
    q++;
  }
  p++;
  s += *(p + 1) * *(w + 1);
  const double *e = w + n;
  while (e > w + 3)
    s += *--e;
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
  fg_rand_seed(307);
  for (int k = 0; k < 8; k++) {
    Line l;
    int n = l.n = 6;
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
    /* s = w3 x + w2 w1 + (w0 + w1 + w2) x + w4 w1 + w5 + w4 + w3 */
    double hand = dw[3] * x + w[3] * dx + dw[2] * w[1] + w[2] * dw[1] + (dw[0] + dw[1] + dw[2]) * x +
                  (w[0] + w[1] + w[2]) * dx + dw[4] * w[1] + w[4] * dw[1] + dw[5] + dw[4] + dw[3];
    fg_check_close("ptr_arith: primal", r, f(n, w, x), 0, 0);
    fg_check_close("ptr_arith: tangent vs Richardson", ret_dot, fg_richardson(along, &l, 1e-3), 1e-8, 1e-12);
    fg_check_close("ptr_arith: tangent vs formula", ret_dot, hand, 1e-10, 1e-13);
    for (int i = 0; i < n; i++) {
      fg_check_close("ptr_arith: input w unchanged", w_copy[i], w[i], 0, 0);
      fg_check_close("ptr_arith: input w_dot unchanged", dw_copy[i], dw[i], 0, 0);
    }
  }
  return fg_check_report();
}
#endif
