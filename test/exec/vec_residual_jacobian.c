// RUN: %fgcc %s --width 8 -o %t.jvp8.c
// RUN: %cc -c %t.jvp8.c -o %t.jvp8.o
// RUN: %gcc -O2 -fsyntax-only %t.jvp8.c
// RUN: %cc -DFG_TEST_MAIN %s %t.jvp8.o -o %t.exe %libm
// RUN: %t.exe
// The Jacobian of a MINPACK-style residual (Broyden's tridiagonal
// function) from vector mode: broyden_jvp8 with the unit vectors e_j .. e_j+7
// as its 8 directions gives 8 columns in one call. The residual walks
// pointers, keeps a VLA, a malloc'd buffer filled by memcpy, and calls a
// helper with an output pointer. Checked entry by entry against the
// hand-derived Jacobian: J[i][i] = 3 - 4 x_i, J[i][i-1] = -1, J[i][i+1] = -2.
#include <fgcc.h>
#include <stdlib.h>
#include <string.h>

static double edge(const double *x, int i, int n, double *twice) {
  double v = i >= 0 && i < n ? x[i] : 0;
  *twice = 2 * v;
  return v;
}

FG_DIFF int broyden(const double *x, double *r, int n) {
  double copy[n];
  double *buf = malloc(sizeof(double) * (size_t)n);
  if (!buf)
    return -1;
  memcpy(buf, x, sizeof(double) * (size_t)n);
  const double *p = buf;
  for (int i = 0; i < n; i++, p++) {
    double next2;
    double prev = edge(x, i - 1, n, &copy[i]);
    edge(x, i + 1, n, &next2);
    *r++ = (3 - 2 * *p) * *p - prev - next2 + 1;
    copy[i] += 0;
  }
  free(buf);
  return 0;
}

#ifdef FG_TEST_MAIN
#include "fgcheck.h"

enum { N = 19, K = 8 };
int broyden_jvp8(const double *x, const double *x_dot, double *r, double *r_dot, int n);

int main(void) {
  fg_rand_seed(19);
  double x[N], r[N], ref[N];
  for (int i = 0; i < N; i++)
    x[i] = fg_rand_uniform(-1, 1);
  broyden(x, ref, N);
  static double jac[N][N];
  for (int j0 = 0; j0 < N; j0 += K) { /* columns j0 .. j0+7 (the last call's extra directions are zero) */
    double xd[N * K] = {0}, rd[N * K];
    for (int k = 0; k < K && j0 + k < N; k++)
      xd[(j0 + k) * K + k] = 1;
    fg_check("broyden_jvp8 returns 0", broyden_jvp8(x, xd, r, rd, N) == 0);
    for (int i = 0; i < N; i++) {
      fg_check_close("broyden_jvp8: primal", r[i], ref[i], 0, 0);
      for (int k = 0; k < K; k++)
        if (j0 + k < N)
          jac[i][j0 + k] = rd[i * K + k];
        else
          fg_check_close("broyden_jvp8: zero direction", rd[i * K + k], 0, 0, 0);
    }
  }
  for (int i = 0; i < N; i++)
    for (int j = 0; j < N; j++) {
      double hand = j == i ? 3 - 4 * x[i] : j == i - 1 ? -1 : j == i + 1 ? -2 : 0;
      fg_check_close("broyden_jvp8: Jacobian vs formula", jac[i][j], hand, 1e-15, 0);
    }
  return fg_check_report();
}
#endif
