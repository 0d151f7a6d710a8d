// RUN: %fgcc %s --width 8 -o %t.jvp8.c
// RUN: %fgcc %s -o %t.jvp1.c
// RUN: grep -q 'FG_EACH$' %t.jvp8.c
// RUN: %cc -c %t.jvp1.c -o %t.jvp1.o
// RUN: %cc -c %t.jvp8.c -o %t.c1.o
// RUN: %cc -DFG_CHUNKS=2 -DFG_CHUNKS_F=2 -c %t.jvp8.c -o %t.c2.o
// RUN: %cc -DFG_CHUNKS=4 -DFG_CHUNKS_F=4 -c %t.jvp8.c -o %t.c4.o
// RUN: %cc -DFG_CHUNKS=8 -DFG_CHUNKS_F=8 -c %t.jvp8.c -o %t.c8.o
// RUN: %gcc -O2 -c %t.jvp8.c -o %t.gcc.o
// RUN: %cc -DFG_TEST_MAIN %s %t.jvp1.o %t.c1.o -o %t.1.exe %libm
// RUN: %cc -DFG_TEST_MAIN %s %t.jvp1.o %t.c2.o -o %t.2.exe %libm
// RUN: %cc -DFG_TEST_MAIN %s %t.jvp1.o %t.c4.o -o %t.4.exe %libm
// RUN: %cc -DFG_TEST_MAIN %s %t.jvp1.o %t.c8.o -o %t.8.exe %libm
// RUN: %cc -DFG_TEST_MAIN %s %t.jvp1.o %t.gcc.o -o %t.gcc.exe %libm
// RUN: %t.1.exe && %t.2.exe && %t.4.exe && %t.8.exe && %t.gcc.exe
// RUN: %fgcc %s --width 4 -o %t.jvp4.c
// RUN: %cc -DFG_CHUNKS=2 -DFG_CHUNKS_F=2 -c %t.jvp4.c -o %t.w4c2.o
// RUN: %cc -DFG_CHUNKS=4 -DFG_CHUNKS_F=4 -c %t.jvp4.c -o %t.w4c4.o
// RUN: %gcc -O2 -c %t.jvp4.c -o %t.w4gcc.o
// RUN: %cc -DK=4 -DFG_TEST_MAIN %s %t.jvp1.o %t.w4c2.o -o %t.w4c2.exe %libm
// RUN: %cc -DK=4 -DFG_TEST_MAIN %s %t.jvp1.o %t.w4c4.o -o %t.w4c4.exe %libm
// RUN: %cc -DK=4 -DFG_TEST_MAIN %s %t.jvp1.o %t.w4gcc.o -o %t.w4gcc.exe %libm
// RUN: %t.w4c2.exe && %t.w4c4.exe && %t.w4gcc.exe
// Vector mode with the 8 tangents in 1, 2, 4 and 8 chunks, and 4 tangents in
// 2 and 4 (chunk.c; out.c built with -DFG_CHUNKS=N, and by gcc, which picks
// 4 and 2 with SSE2): the same
// directional derivatives whatever the count. The loss has what the chunk
// loops must handle: a tangent carried around a loop, a vector declared with
// an initializer and an array of them with an initializer list, ?: on
// vectors with math calls in its arms, a scalar call inside a tangent
// expression (computed once, before the loop), floats beside doubles
// (__builtin_convertvector), a call to another tangent function with a
// tangent by value, and a function of floats only (FG_CHUNKS_F). Every
// direction is checked against Richardson extrapolation of the primal and
// against the width-1 loss_jvp.
#include <fgcc.h>
#include <math.h>

static double blend(double a, double s) { return a * s + sin(a); }

FG_DIFF double chunked(const double *x, const float *y, double *out, int n) {
  double acc = 0;
  double w[3] = {x[0] * x[1], x[1], 2 * x[2]};
  float g = 0;
  for (int i = 0; i < n; i++) {
    double t = x[i] > 0 ? exp(x[i]) * x[i] : cos(x[i]) + x[i];
    acc += t * w[i % 3] + pow(fabs(x[i]) + 1, 1.5);
    g += y[i] * (float)x[i];
    out[i] = blend(x[i], acc);
  }
  return acc + g;
}

FG_DIFF float floats_only(const float *y, int n) {
  float s = 0;
  for (int i = 0; i < n; i++)
    s += y[i] * y[i] + sinf(y[i]) * s;
  return s;
}

#ifdef FG_TEST_MAIN
#include "fgcheck.h"

#ifndef K
#define K 8 /* the width: -DK=4 for the --width 4 output */
#endif
#define CAT(a, b) a##b
#define JVPK(a, k) CAT(a, k) /* JVPK(chunked_jvp, K): chunked_jvp8 */
#define chunked_jvp8 JVPK(chunked_jvp, K)
#define floats_only_jvp8 JVPK(floats_only_jvp, K)

enum { N = 7 };
double chunked_jvp(const double *x, const double *x_dot, const float *y, const float *y_dot, double *out,
                   double *out_dot, int n, double *ret_dot);
double chunked_jvp8(const double *x, const double *x_dot, const float *y, const float *y_dot, double *out,
                    double *out_dot, int n, double *ret_dot);
float floats_only_jvp(const float *y, const float *y_dot, int n, float *ret_dot);
float floats_only_jvp8(const float *y, const float *y_dot, int n, float *ret_dot);

static double x0[N], xd[K][N];
static float y0[N], yd[K][N];

/* chunked along x0 + h xd[k], y fixed: its result (which < 0) or out[which] */
typedef struct {
  int k, which;
} line;

static long double along(long double h, void *ctx) {
  const line *l = ctx;
  double x[N], out[N];
  for (int i = 0; i < N; i++)
    x[i] = (double)(x0[i] + h * xd[l->k][i]);
  double r = chunked(x, y0, out, N);
  return l->which < 0 ? r : out[l->which];
}

/* interleaved: element i of direction k at i K + k */
static void interleave_d(double d[K][N], double *v) {
  for (int i = 0; i < N; i++)
    for (int k = 0; k < K; k++)
      v[i * K + k] = d[k][i];
}

static void interleave_f(float d[K][N], float *v) {
  for (int i = 0; i < N; i++)
    for (int k = 0; k < K; k++)
      v[i * K + k] = d[k][i];
}

int main(void) {
  fg_rand_seed(8);
  for (int i = 0; i < N; i++) {
    x0[i] = fg_rand_uniform(-1.5, 1.5);
    y0[i] = (float)fg_rand_uniform(-1, 1);
    for (int k = 0; k < K; k++) {
      xd[k][i] = fg_rand_uniform(-1, 1);
      yd[k][i] = (float)fg_rand_uniform(-1, 1);
    }
  }
  double x8[N * K], out8[N * K], ret8[K], out[N], out0[N];
  float y8[N * K] = {0};
  interleave_d(xd, x8);
  /* 1. x directions only: against Richardson on the primal */
  double f8 = chunked_jvp8(x0, x8, y0, y8, out, out8, N, ret8);
  fg_check_close("chunked_jvp8: primal", f8, chunked(x0, y0, out0, N), 0, 0);
  for (int k = 0; k < K; k++)
    for (int i = -1; i < N; i++) {
      line l = {k, i};
      double got = i < 0 ? ret8[k] : out8[i * K + k];
      /* the result holds g, a float sum: its differences are good to about 1e-6 */
      fg_check_close("chunked_jvp8 vs Richardson", got, fg_richardson(along, &l, 1e-2), i < 0 ? 1e-4 : 1e-9, 1e-10);
    }
  /* 2. x and y directions: against the width-1 jvp, direction by direction */
  interleave_f(yd, y8);
  chunked_jvp8(x0, x8, y0, y8, out, out8, N, ret8);
  for (int k = 0; k < K; k++) {
    double outd[N], retd;
    chunked_jvp(x0, xd[k], y0, yd[k], out, outd, N, &retd);
    fg_check_close("chunked_jvp8 vs chunked_jvp: result", ret8[k], retd, 1e-13, 1e-14);
    for (int i = 0; i < N; i++)
      fg_check_close("chunked_jvp8 vs chunked_jvp: out", out8[i * K + k], outd[i], 1e-13, 1e-14);
  }
  /* 3. floats only (FG_CHUNKS_F) */
  float fy8[K], fd;
  floats_only_jvp8(y0, y8, N, fy8);
  for (int k = 0; k < K; k++) {
    floats_only_jvp(y0, yd[k], N, &fd);
    fg_check_close("floats_only_jvp8 vs floats_only_jvp", fy8[k], fd, 1e-6, 1e-7);
  }
  return fg_check_report();
}
#endif
