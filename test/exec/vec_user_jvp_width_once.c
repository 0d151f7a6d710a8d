// RUN: %fgcc %s --width 4 -o %t.jvp4.c
// RUN: %cc -c %t.jvp4.c -o %t.jvp4.o
// RUN: %gcc -O2 -fsyntax-only %t.jvp4.c
// RUN: %cc -DFG_TEST_MAIN %s %t.jvp4.o -o %t.exe %libm
// RUN: %t.exe
// A width-4 user derivative (FG_JVP_WIDTH(g, 4)) at --width 4: called once
// per call of g, pointer tangents included, every tangent a flat pointer in
// the interleaved layout (element j of direction k at p_dot[j*4 + k]). An
// inactive pointer gets a null tangent; an inactive scalar, 4 zeros. Every
// direction of the result and of the output array is checked against
// Richardson differences and the formula.
#include <fgcc.h>

/* out[i] = s x[i] c[i]; returns s sum x[i] c[i] */
double wdot(const double *x, const double *c, double s, double *out, int n);
FG_JVP_WIDTH(wdot, 4)
double wdot_jvp4(const double *x, const double *x_dot, const double *c, const double *c_dot, double s,
                 const double *s_dot, double *out, double *out_dot, int n, double *ret_dot);

FG_DIFF double f(FG_WRT const double *x, FG_WRT double s, const double *c, double *out, int n) {
  return wdot(x, c, s * s, out, n) + wdot(c, c, 2.0, out + n, n);
}

#ifdef FG_TEST_MAIN
#include "fgcheck.h"

enum { K = 4, N = 5 };
double f_jvp4(const double *x, const double *x_dot, double s, const double *s_dot, const double *c, double *out,
              double *out_dot, int n, double *ret_dot);

double wdot(const double *x, const double *c, double s, double *out, int n) {
  double r = 0;
  for (int i = 0; i < n; i++)
    r += out[i] = s * x[i] * c[i];
  return r;
}

static int calls, null_x, null_c, zero_s;

double wdot_jvp4(const double *x, const double *x_dot, const double *c, const double *c_dot, double s,
                 const double *s_dot, double *out, double *out_dot, int n, double *ret_dot) {
  calls++;
  null_x += !x_dot;
  null_c += !c_dot;
  int zs = 1;
  for (int k = 0; k < K; k++) {
    zs &= s_dot[k] == 0;
    ret_dot[k] = 0;
  }
  zero_s += zs;
  for (int i = 0; i < n; i++)
    for (int k = 0; k < K; k++) {
      double d = s_dot[k] * x[i] * c[i];
      d += x_dot ? s * x_dot[i * K + k] * c[i] : 0;
      d += c_dot ? s * x[i] * c_dot[i * K + k] : 0;
      out_dot[i * K + k] = d;
      ret_dot[k] += d;
    }
  return wdot(x, c, s, out, n);
}

typedef struct { const double *x, *dx, *c; double s, ds; int at; } Line; /* at: -1 the result, else out[at] */

static long double along(long double h, void *ctx) {
  const Line *l = ctx;
  double x[N], out[2 * N];
  for (int i = 0; i < N; i++)
    x[i] = (double)(l->x[i] + h * l->dx[i]);
  double r = f(x, (double)(l->s + h * l->ds), l->c, out, N);
  return l->at < 0 ? r : out[l->at];
}

int main(void) {
  fg_rand_seed(13);
  for (int rep = 0; rep < 4; rep++) {
    double x[N], c[N], xd[N * K], sd[K], dx[N], out[2 * N], od[2 * N * K], rd[K], s = fg_rand_uniform(-2, 2);
    for (int i = 0; i < N; i++)
      x[i] = fg_rand_uniform(-2, 2), c[i] = fg_rand_uniform(-2, 2);
    for (int i = 0; i < N * K; i++)
      xd[i] = fg_rand_uniform(-1, 1);
    for (int k = 0; k < K; k++)
      sd[k] = fg_rand_uniform(-1, 1);
    calls = null_x = null_c = zero_s = 0;
    double r = f_jvp4(x, xd, s, sd, c, out, od, N, rd);
    fg_check("wdot_jvp4 called once per call of wdot", calls == 2);
    fg_check("null tangent for the inactive pointers (x_dot once, c_dot twice)", null_x == 1 && null_c == 2);
    fg_check("4 zeros for the inactive scalar 2.0", zero_s == 1);
    double ref_out[2 * N];
    fg_check_close("f_jvp4: primal", r, f(x, s, c, ref_out, N), 0, 0);
    for (int k = 0; k < K; k++) {
      for (int i = 0; i < N; i++)
        dx[i] = xd[i * K + k];
      Line l = {x, dx, c, s, sd[k], -1};
      double hand = 0;
      for (int i = 0; i < N; i++)
        hand += 2 * s * sd[k] * x[i] * c[i] + s * s * dx[i] * c[i];
      fg_check_close("f_jvp4: direction k vs Richardson", rd[k], fg_richardson(along, &l, 1e-2), 1e-9, 1e-12);
      fg_check_close("f_jvp4: direction k vs formula", rd[k], hand, 1e-13, 1e-14);
      for (l.at = 0; l.at < 2 * N; l.at++)
        fg_check_close("f_jvp4: out_dot[at*K + k] vs Richardson", od[l.at * K + k], fg_richardson(along, &l, 1e-2),
                       1e-9, 1e-12);
    }
  }
  return fg_check_report();
}
#endif
