// RUN: %fgcc %s -o %t.jvp.c
// RUN: %cc -c %t.jvp.c -o %t.jvp.o
// RUN: %gcc -fsyntax-only %t.jvp.c
// RUN: %cc -DFG_TEST_MAIN %s %t.jvp.o -o %t.exe %libm
// RUN: %t.exe
// A user derivative called with a pointer argument that carries no
// derivative receives a null tangent pointer there (docs/usage.md): fit()
// differentiates w.r.t. the weights only, so dot_jvp gets x_dot == NULL;
// both() differentiates w.r.t. both, so the same dot_jvp gets both tangents.
#include <fgcc.h>

double dot(const double *x, const double *w, int n);
FG_JVP(dot) double dot_jvp(const double *x, const double *x_dot, const double *w, const double *w_dot, int n,
                           double *ret_dot);

FG_DIFF double fit(const double *x, FG_WRT const double *w, int n) {
  double s = dot(x, w, n);
  return s * s + dot(w, w, n);
}

FG_DIFF double both(const double *x, const double *w, int n) { return dot(x, w, n) * dot(x, x, n); }

#ifdef FG_TEST_MAIN
#include <math.h>
#include "fgcheck.h"

double fit_jvp(const double *x, const double *w, const double *w_dot, int n, double *ret_dot);
double both_jvp(const double *x, const double *x_dot, const double *w, const double *w_dot, int n,
                double *ret_dot);

enum { N = 5 };
static int null_x_dot, null_w_dot;

double dot(const double *x, const double *w, int n) {
  double s = 0;
  for (int i = 0; i < n; i++)
    s += x[i] * w[i];
  return s;
}

/* d(x.w) = x_dot.w + x.w_dot, a term left out where its tangent is NULL */
double dot_jvp(const double *x, const double *x_dot, const double *w, const double *w_dot, int n,
               double *ret_dot) {
  double d = 0;
  null_x_dot += !x_dot;
  null_w_dot += !w_dot;
  for (int i = 0; i < n; i++)
    d += (x_dot ? x_dot[i] * w[i] : 0) + (w_dot ? x[i] * w_dot[i] : 0);
  *ret_dot = d;
  return dot(x, w, n);
}

typedef struct { const double *x, *w, *dx, *dw; int which; } Line;

static long double along(long double h, void *ctx) {
  const Line *l = ctx;
  double x[N], w[N];
  for (int i = 0; i < N; i++) {
    x[i] = (double)(l->x[i] + h * (l->dx ? l->dx[i] : 0));
    w[i] = (double)(l->w[i] + h * l->dw[i]);
  }
  return l->which ? both(x, w, N) : fit(x, w, N);
}

int main(void) {
  fg_rand_seed(2026);
  for (int k = 0; k < 6; k++) {
    double x[N], w[N], dx[N], dw[N];
    for (int i = 0; i < N; i++) {
      x[i] = fg_rand_uniform(-1, 1), w[i] = fg_rand_uniform(-1, 1);
      dx[i] = fg_rand_uniform(-1, 1), dw[i] = fg_rand_uniform(-1, 1);
    }
    double s = dot(x, w, N), sd = dot(x, dw, N), xx = dot(x, x, N), rd = NAN;
    null_x_dot = null_w_dot = 0;
    double r = fit_jvp(x, w, dw, N, &rd);
    fg_check_close("fit: primal", r, fit(x, w, N), 0, 0);
    fg_check_close("fit: x_dot is NULL in dot(x, w)", null_x_dot, 1, 0, 0);
    fg_check_close("fit: w_dot is never NULL", null_w_dot, 0, 0, 0);
    fg_check_close("fit: tangent vs formula", rd, 2 * s * sd + 2 * dot(w, dw, N), 1e-13, 1e-14);
    fg_check_close("fit: tangent vs Richardson", rd, fg_richardson(along, &(Line){x, w, NULL, dw, 0}, 1e-3), 1e-8,
                   1e-12);
    null_x_dot = null_w_dot = 0;
    r = both_jvp(x, dx, w, dw, N, &rd);
    fg_check_close("both: primal", r, both(x, w, N), 0, 0);
    fg_check_close("both: no NULL tangent", null_x_dot + null_w_dot, 0, 0, 0);
    fg_check_close("both: tangent vs formula", rd, (dot(dx, w, N) + sd) * xx + s * 2 * dot(x, dx, N), 1e-13,
                   1e-14);
    fg_check_close("both: tangent vs Richardson", rd, fg_richardson(along, &(Line){x, w, dx, dw, 1}, 1e-3), 1e-8,
                   1e-12);
  }
  return fg_check_report();
}
#endif
