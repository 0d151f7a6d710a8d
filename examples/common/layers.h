/*
 * layers.h -- the forward layers of the example models, written as a
 * speed-minded C programmer writes them: the products go to BLAS
 * (cblas_?gemm), convolutions through im2col + gemm as CPU frameworks do,
 * the elementwise layers stay plain loops.
 *
 * The examples' loss files include this header and fgcc differentiates what
 * they use (its CBLAS rules turn each gemm into one or two tangent gemms);
 * the hand-written backprop (layers_grad.h) runs the same forward code.
 * Every layer works on a minibatch of n examples stored row after row, in
 * `real` (real.h).
 */
#ifndef EXAMPLES_LAYERS_H
#define EXAMPLES_LAYERS_H

#include "real.h"

/* y = x W + b for x: n x nin, W: nin x nout (row j: the weights leaving
 * input j), b: nout, y: n x nout. y's rows start as b; one gemm adds x W. */
static inline void dense(int n, int nin, int nout, const real *x, const real *W, const real *b, real *y) {
  for (int i = 0; i < n; i++)
    for (int o = 0; o < nout; o++)
      y[i * nout + o] = b[o];
  GEMM(CblasRowMajor, CblasNoTrans, CblasNoTrans, n, nout, nin, 1, x, nin, W, nout, 1, y, nout);
}

/* x = max(x, 0), elementwise over m values */
static inline void relu(int m, real *x) {
  for (int k = 0; k < m; k++)
    x[k] = x[k] > 0 ? x[k] : 0;
}

/* The 9 shifted copies of one image's channels that a 3x3 convolution with
 * zero padding 1 reads: x: cin x h x w, cols: (cin*9) x (h*w), row
 * (ci*3 + ky)*3 + kx holds x[ci][r + ky - 1][c + kx - 1] at column r*w + c,
 * 0 where that falls outside the image. */
static inline void im2col3x3(int cin, int h, int w, const real *x, real *cols) {
  int hw = h * w;
  for (int ci = 0; ci < cin; ci++)
    for (int ky = 0; ky < 3; ky++)
      for (int kx = 0; kx < 3; kx++) {
        real *row = cols + ((ci * 3 + ky) * 3 + kx) * hw;
        const real *plane = x + ci * hw;
        /* The row is the plane shifted by s = (ky-1)*w + kx-1: one contiguous
         * copy over the image rows r0..r1-1 that the shift keeps inside
         * (zeros above and below), then the padding column zeroed (the copy
         * wraps across row ends there); the copy starts and stops one early
         * on those columns so that it never reads outside the plane. */
        int r0 = ky == 0 ? 1 : 0, r1 = ky == 2 ? h - 1 : h, s = (ky - 1) * w + kx - 1;
        int p0 = r0 * w + (kx == 0), p1 = r1 * w - (kx == 2);
        if (p1 < p0) /* a 1-pixel-high or -wide image: nothing inside */
          p0 = p1 = hw;
        for (int p = 0; p < p0; p++)
          row[p] = 0;
        for (int p = p0; p < p1; p++)
          row[p] = plane[p + s];
        for (int p = p1; p < hw; p++)
          row[p] = 0;
        for (int r = r0; kx != 1 && r < r1; r++)
          row[r * w + (kx == 0 ? 0 : w - 1)] = 0;
      }
}

/* 3x3 convolution (cross-correlation, as in every ML framework) with zero
 * padding 1 and stride 1: x: n x cin x h x w, K: cout x (cin*9), b: cout,
 * y: n x cout x h x w. Per image: y_i = b + K cols_i, one gemm over the
 * im2col matrix; cols is scratch of cin*9*h*w values. */
static inline void conv3x3(int n, int cin, int cout, int h, int w, const real *x, const real *K, const real *b,
                           real *y, real *cols) {
  int hw = h * w;
  for (int i = 0; i < n; i++) {
    real *yi = y + i * cout * hw;
    for (int co = 0; co < cout; co++)
      for (int p = 0; p < hw; p++)
        yi[co * hw + p] = b[co];
    im2col3x3(cin, h, w, x + i * cin * hw, cols);
    GEMM(CblasRowMajor, CblasNoTrans, CblasNoTrans, cout, hw, cin * 9, 1, K, cin * 9, cols, hw, 1, yi, hw);
  }
}

/* 2x2 max pooling, stride 2: x: m planes of h x w (h, w even), y: m planes
 * of h/2 x w/2. Ties go to the first of the four in row order. */
static inline void maxpool2(int m, int h, int w, const real *x, real *y) {
  int ho = h / 2, wo = w / 2;
  for (int p = 0; p < m; p++)
    for (int r = 0; r < ho; r++)
      for (int c = 0; c < wo; c++) {
        const real *q = x + p * h * w + 2 * r * w + 2 * c;
        real best = q[0];
        if (q[1] > best)
          best = q[1];
        if (q[w] > best)
          best = q[w];
        if (q[w + 1] > best)
          best = q[w + 1];
        y[p * ho * wo + r * wo + c] = best;
      }
}

/* Σ_i -log softmax(z_i)[y_i] for n rows of k logits, computed as
 * max + log Σ exp(z - max) - z[y] so that exp never overflows. */
static inline real softmax_cross_entropy(int n, int k, const real *z, const int *y) {
  real total = 0;
  for (int i = 0; i < n; i++) {
    const real *zi = z + i * k;
    real m = zi[0];
    for (int c = 1; c < k; c++)
      if (zi[c] > m)
        m = zi[c];
    real s = 0;
    for (int c = 0; c < k; c++)
      s += EXP(zi[c] - m);
    total += m + LOG(s) - zi[y[i]];
  }
  return total;
}

#endif
