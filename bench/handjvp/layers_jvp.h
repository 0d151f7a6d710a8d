/*
 * layers_jvp.h -- tangent (forward-mode) versions of examples/common/layers.h,
 * written by hand for the benchmarks: the practical limit fgcc's generated
 * code is measured against. Each function computes the layer and its
 * tangent along the `d` inputs, with the same BLAS calls a person would
 * write (one gemm per active operand of a product, as fgcc's rules emit)
 * and the elementwise loops fused with their tangents. In `real`, built per
 * precision like the examples. Data inputs (images) have no tangent: pass
 * xd = NULL.
 */
#ifndef BENCH_LAYERS_JVP_H
#define BENCH_LAYERS_JVP_H

#include <stddef.h>

#include "layers.h"

/* y = x W + b;  yd = xd W + x Wd + bd */
static inline void dense_jvp(int n, int nin, int nout, const real *x, const real *xd, const real *W, const real *Wd,
                             const real *b, const real *bd, real *y, real *yd) {
  for (int i = 0; i < n; i++)
    for (int o = 0; o < nout; o++) {
      y[i * nout + o] = b[o];
      yd[i * nout + o] = bd[o];
    }
  GEMM(CblasRowMajor, CblasNoTrans, CblasNoTrans, n, nout, nin, 1, x, nin, W, nout, 1, y, nout);
  GEMM(CblasRowMajor, CblasNoTrans, CblasNoTrans, n, nout, nin, 1, x, nin, Wd, nout, 1, yd, nout);
  if (xd)
    GEMM(CblasRowMajor, CblasNoTrans, CblasNoTrans, n, nout, nin, 1, xd, nin, W, nout, 1, yd, nout);
}

/* x = max(x, 0);  xd = 0 where x <= 0 */
static inline void relu_jvp(int m, real *x, real *xd) {
  for (int k = 0; k < m; k++) {
    int on = x[k] > 0;
    x[k] = on ? x[k] : 0;
    xd[k] = on ? xd[k] : 0;
  }
}

/* conv3x3 (padding 1) by im2col + gemm, and its tangent:
 * yd_i = bd + Kd cols_i + K colsd_i, colsd_i = im2col(xd_i) (linear).
 * cols and colsd are scratch of cin*9*h*w values each. */
static inline void conv3x3_jvp(int n, int cin, int cout, int h, int w, const real *x, const real *xd, const real *K,
                               const real *Kd, const real *b, const real *bd, real *y, real *yd, real *cols,
                               real *colsd) {
  int hw = h * w, k = cin * 9;
  for (int i = 0; i < n; i++) {
    real *yi = y + (size_t)i * cout * hw, *ydi = yd + (size_t)i * cout * hw;
    for (int co = 0; co < cout; co++)
      for (int p = 0; p < hw; p++) {
        yi[co * hw + p] = b[co];
        ydi[co * hw + p] = bd[co];
      }
    im2col3x3(cin, h, w, x + (size_t)i * cin * hw, cols);
    GEMM(CblasRowMajor, CblasNoTrans, CblasNoTrans, cout, hw, k, 1, K, k, cols, hw, 1, yi, hw);
    GEMM(CblasRowMajor, CblasNoTrans, CblasNoTrans, cout, hw, k, 1, Kd, k, cols, hw, 1, ydi, hw);
    if (xd) {
      im2col3x3(cin, h, w, xd + (size_t)i * cin * hw, colsd);
      GEMM(CblasRowMajor, CblasNoTrans, CblasNoTrans, cout, hw, k, 1, K, k, colsd, hw, 1, ydi, hw);
    }
  }
}

/* 2x2 max pooling; the tangent of the winner (first in row order on ties) */
static inline void maxpool2_jvp(int m, int h, int w, const real *x, const real *xd, real *y, real *yd) {
  int ho = h / 2, wo = w / 2;
  for (int p = 0; p < m; p++)
    for (int r = 0; r < ho; r++)
      for (int c = 0; c < wo; c++) {
        size_t base = (size_t)p * h * w + 2 * r * w + 2 * c, best = base;
        if (x[base + 1] > x[best]) best = base + 1;
        if (x[base + w] > x[best]) best = base + w;
        if (x[base + w + 1] > x[best]) best = base + w + 1;
        y[(size_t)p * ho * wo + r * wo + c] = x[best];
        yd[(size_t)p * ho * wo + r * wo + c] = xd[best];
      }
}

/* Σ_i CE(z_i, y_i) and its tangent Σ_i (Σ_c softmax(z_i)_c zd_ic - zd_i[y_i]) */
static inline real softmax_cross_entropy_jvp(int n, int k, const real *z, const real *zd, const int *y,
                                               real *dot) {
  real total = 0, total_d = 0;
  for (int i = 0; i < n; i++) {
    const real *zi = z + i * k, *zdi = zd + i * k;
    real m = zi[0];
    for (int c = 1; c < k; c++)
      m = zi[c] > m ? zi[c] : m;
    real s = 0, sd = 0;
    for (int c = 0; c < k; c++) {
      real e = EXP(zi[c] - m);
      s += e;
      sd += e * zdi[c];
    }
    total += m + LOG(s) - zi[y[i]];
    total_d += sd / s - zdi[y[i]];
  }
  *dot = total_d;
  return total;
}

#endif
