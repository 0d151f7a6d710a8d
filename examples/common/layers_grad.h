/*
 * layers_grad.h -- hand-written reverse mode (backprop) of layers.h.
 *
 * The comparison baseline of the examples: exact gradients written by hand,
 * never generated, with the same BLAS as the forward layers (as PyTorch's
 * CPU backward does). Each function takes the gradient dy of the loss with
 * respect to a layer's output and produces the gradients of its inputs and
 * parameters (dW and db are overwritten, dx too unless it is NULL, which
 * skips it: the first layer's input is data).
 */
#ifndef EXAMPLES_LAYERS_GRAD_H
#define EXAMPLES_LAYERS_GRAD_H

#include <string.h>

#include "layers.h"

/* db = Σ_i dy_i over n rows of m values */
static inline void column_sums(int n, int m, const real *dy, real *db) {
  memset(db, 0, sizeof(real) * m);
  for (int i = 0; i < n; i++)
    for (int o = 0; o < m; o++)
      db[o] += dy[i * m + o];
}

/* y = x W + b:  dW = xᵀ dy,  db = Σ_i dy_i,  dx = dy Wᵀ */
static inline void dense_backward(int n, int nin, int nout, const real *x, const real *W, const real *dy, real *dx,
                                  real *dW, real *db) {
  column_sums(n, nout, dy, db);
  GEMM(CblasRowMajor, CblasTrans, CblasNoTrans, nin, nout, n, 1, x, nin, dy, nout, 0, dW, nout);
  if (dx)
    GEMM(CblasRowMajor, CblasNoTrans, CblasTrans, n, nin, nout, 1, dy, nout, W, nout, 0, dx, nin);
}

/* y = max(x, 0) (given y):  dx = dy where y > 0, else 0; in place on dy */
static inline void relu_backward(int m, const real *y, real *dy) {
  for (int k = 0; k < m; k++)
    dy[k] = y[k] > 0 ? dy[k] : 0;
}

/* The adjoint of im2col3x3: dx[ci][r+ky-1][c+kx-1] += dcols[(ci,ky,kx)][r*w+c]
 * for the positions inside the image (dx is accumulated, not overwritten). */
static inline void col2im3x3(int cin, int h, int w, const real *dcols, real *dx) {
  int hw = h * w;
  for (int ci = 0; ci < cin; ci++)
    for (int ky = 0; ky < 3; ky++)
      for (int kx = 0; kx < 3; kx++) {
        const real *row = dcols + (size_t)((ci * 3 + ky) * 3 + kx) * hw;
        real *plane = dx + (size_t)ci * hw;
        int r0 = ky == 0 ? 1 : 0, r1 = ky == 2 ? h - 1 : h, c0 = kx == 0 ? 1 : 0, c1 = kx == 2 ? w - 1 : w;
        for (int r = r0; r < r1; r++)
          for (int c = c0; c < c1; c++)
            plane[(r + ky - 1) * w + c + kx - 1] += row[r * w + c];
      }
}

/* conv3x3 (padding 1), per image i with cols_i = im2col(x_i):
 * dK = Σ_i dy_i cols_iᵀ,  db = Σ dy,  dx_i = col2im(Kᵀ dy_i).
 * cols and dcols are scratch of cin*9*h*w values each. */
static inline void conv3x3_backward(int n, int cin, int cout, int h, int w, const real *x, const real *K,
                                    const real *dy, real *dx, real *dK, real *db, real *cols, real *dcols) {
  int hw = h * w, k = cin * 9;
  memset(db, 0, sizeof(real) * cout);
  if (dx)
    memset(dx, 0, sizeof(real) * n * cin * hw);
  for (int i = 0; i < n; i++) {
    const real *g = dy + (size_t)i * cout * hw;
    for (int co = 0; co < cout; co++)
      for (int p = 0; p < hw; p++)
        db[co] += g[co * hw + p];
    im2col3x3(cin, h, w, x + (size_t)i * cin * hw, cols);
    GEMM(CblasRowMajor, CblasNoTrans, CblasTrans, cout, k, hw, 1, g, hw, cols, hw, i ? 1 : 0, dK, k);
    if (dx) {
      GEMM(CblasRowMajor, CblasTrans, CblasNoTrans, k, hw, cout, 1, K, k, g, hw, 0, dcols, hw);
      col2im3x3(cin, h, w, dcols, dx + (size_t)i * cin * hw);
    }
  }
}

/* maxpool2: the gradient goes to the element that won (first in row order on ties) */
static inline void maxpool2_backward(int m, int h, int w, const real *x, const real *dy, real *dx) {
  int ho = h / 2, wo = w / 2;
  memset(dx, 0, sizeof(real) * m * h * w);
  for (int p = 0; p < m; p++)
    for (int r = 0; r < ho; r++)
      for (int c = 0; c < wo; c++) {
        int base = p * h * w + 2 * r * w + 2 * c, best = base;
        const int cand[3] = {base + 1, base + w, base + w + 1};
        for (int t = 0; t < 3; t++)
          if (x[cand[t]] > x[best])
            best = cand[t];
        dx[best] += dy[p * ho * wo + r * wo + c];
      }
}

/* d/dz of scale * Σ_i CE(z_i, y_i):  dz = scale (softmax(z) - onehot(y)) */
static inline void softmax_cross_entropy_backward(int n, int k, const real *z, const int *y, real scale, real *dz) {
  for (int i = 0; i < n; i++) {
    const real *zi = z + i * k;
    real m = zi[0], s = 0;
    for (int c = 1; c < k; c++)
      m = zi[c] > m ? zi[c] : m;
    for (int c = 0; c < k; c++)
      s += EXP(zi[c] - m);
    for (int c = 0; c < k; c++)
      dz[i * k + c] = scale * (EXP(zi[c] - m) / s - (c == y[i]));
  }
}

#endif
