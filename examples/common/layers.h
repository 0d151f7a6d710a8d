/*
 * layers.h -- the forward layers of the example models, in plain C loops.
 *
 * The examples' loss files include this header and fgcc differentiates what
 * they use; the hand-written backprop (layers_grad.h) runs the same forward
 * code. Every layer works on a minibatch of n examples stored row after row.
 * Loop orders put the contiguous index innermost with no reduction, so the C
 * compiler can vectorise both the primal and the tangent loops.
 */
#ifndef EXAMPLES_LAYERS_H
#define EXAMPLES_LAYERS_H

#include <math.h>

/* y = x W + b for x: n x nin, W: nin x nout (row j: the weights leaving
 * input j), b: nout, y: n x nout. Row j of W is read once per call and
 * reused for the whole minibatch. */
static inline void dense(int n, int nin, int nout, const double *x, const double *W, const double *b, double *y) {
  for (int i = 0; i < n; i++)
    for (int o = 0; o < nout; o++)
      y[i * nout + o] = b[o];
  for (int j = 0; j < nin; j++)
    for (int i = 0; i < n; i++) {
      double xij = x[i * nin + j];
      for (int o = 0; o < nout; o++)
        y[i * nout + o] += xij * W[j * nout + o];
    }
}

/* x = max(x, 0), elementwise over m values */
static inline void relu(int m, double *x) {
  for (int k = 0; k < m; k++)
    x[k] = x[k] > 0 ? x[k] : 0;
}

/* 3x3 convolution (cross-correlation, as in every ML framework) with zero
 * padding 1 and stride 1: x: n x cin x h x w, K: cout x cin x 3 x 3,
 * b: cout, y: n x cout x h x w. The innermost loop runs along an image row. */
static inline void conv3x3(int n, int cin, int cout, int h, int w, const double *x, const double *K, const double *b,
                    double *y) {
  int hw = h * w;
  for (int i = 0; i < n; i++)
    for (int co = 0; co < cout; co++)
      for (int p = 0; p < hw; p++)
        y[(i * cout + co) * hw + p] = b[co];
  for (int i = 0; i < n; i++)
    for (int co = 0; co < cout; co++)
      for (int ci = 0; ci < cin; ci++)
        for (int ky = 0; ky < 3; ky++)
          for (int kx = 0; kx < 3; kx++) {
            double k = K[((co * cin + ci) * 3 + ky) * 3 + kx];
            int r0 = ky == 0 ? 1 : 0, r1 = ky == 2 ? h - 1 : h; /* rows r with r+ky-1 inside */
            int c0 = kx == 0 ? 1 : 0, c1 = kx == 2 ? w - 1 : w;
            for (int r = r0; r < r1; r++)
              for (int c = c0; c < c1; c++)
                y[(i * cout + co) * hw + r * w + c] += k * x[(i * cin + ci) * hw + (r + ky - 1) * w + (c + kx - 1)];
          }
}

/* 2x2 max pooling, stride 2: x: m planes of h x w (h, w even), y: m planes
 * of h/2 x w/2. Ties go to the first of the four in row order. */
static inline void maxpool2(int m, int h, int w, const double *x, double *y) {
  int ho = h / 2, wo = w / 2;
  for (int p = 0; p < m; p++)
    for (int r = 0; r < ho; r++)
      for (int c = 0; c < wo; c++) {
        const double *q = x + p * h * w + 2 * r * w + 2 * c;
        double best = q[0];
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
static inline double softmax_cross_entropy(int n, int k, const double *z, const int *y) {
  double total = 0;
  for (int i = 0; i < n; i++) {
    const double *zi = z + i * k;
    double m = zi[0];
    for (int c = 1; c < k; c++)
      if (zi[c] > m)
        m = zi[c];
    double s = 0;
    for (int c = 0; c < k; c++)
      s += exp(zi[c] - m);
    total += m + log(s) - zi[y[i]];
  }
  return total;
}

#endif
