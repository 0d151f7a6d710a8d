/*
 * layers_grad.h -- hand-written reverse mode (backprop) of layers.h.
 *
 * The comparison baseline of the examples: exact gradients written by hand,
 * never generated. Each function takes the gradient dy of the loss with
 * respect to a layer's output and produces the gradients of its inputs and
 * parameters (dW and db are overwritten, dx too unless it is NULL, which
 * skips it: the first layer's input is data).
 */
#ifndef EXAMPLES_LAYERS_GRAD_H
#define EXAMPLES_LAYERS_GRAD_H

#include <math.h>
#include <string.h>

/* y = x W + b:  dW = xᵀ dy,  db = Σ_i dy_i,  dx = dy Wᵀ */
static inline void dense_backward(int n, int nin, int nout, const double *x, const double *W, const double *dy,
                                  double *dx, double *dW, double *db) {
  memset(db, 0, sizeof(double) * nout);
  for (int i = 0; i < n; i++)
    for (int o = 0; o < nout; o++)
      db[o] += dy[i * nout + o];
  for (int j = 0; j < nin; j++) {
    double *dWj = dW + (size_t)j * nout;
    memset(dWj, 0, sizeof(double) * nout);
    for (int i = 0; i < n; i++) {
      double xij = x[i * nin + j];
      for (int o = 0; o < nout; o++)
        dWj[o] += xij * dy[i * nout + o];
    }
  }
  for (int i = 0; dx && i < n; i++)
    for (int j = 0; j < nin; j++) {
      double s = 0;
      for (int o = 0; o < nout; o++)
        s += dy[i * nout + o] * W[j * nout + o];
      dx[i * nin + j] = s;
    }
}

/* y = max(x, 0) (given y):  dx = dy where y > 0, else 0; in place on dy */
static inline void relu_backward(int m, const double *y, double *dy) {
  for (int k = 0; k < m; k++)
    dy[k] = y[k] > 0 ? dy[k] : 0;
}

/* conv3x3 (padding 1):  db = Σ dy,  dK[co,ci,ky,kx] = Σ dy[co,r,c] x[ci,r+ky-1,c+kx-1],
 * dx[ci,r+ky-1,c+kx-1] += K[co,ci,ky,kx] dy[co,r,c] */
static inline void conv3x3_backward(int n, int cin, int cout, int h, int w, const double *x, const double *K,
                                    const double *dy, double *dx, double *dK, double *db) {
  int hw = h * w;
  memset(db, 0, sizeof(double) * cout);
  memset(dK, 0, sizeof(double) * cout * cin * 9);
  if (dx)
    memset(dx, 0, sizeof(double) * n * cin * hw);
  for (int i = 0; i < n; i++)
    for (int co = 0; co < cout; co++) {
      const double *g = dy + (size_t)(i * cout + co) * hw;
      for (int p = 0; p < hw; p++)
        db[co] += g[p];
      for (int ci = 0; ci < cin; ci++)
        for (int ky = 0; ky < 3; ky++)
          for (int kx = 0; kx < 3; kx++) {
            int r0 = ky == 0 ? 1 : 0, r1 = ky == 2 ? h - 1 : h;
            int c0 = kx == 0 ? 1 : 0, c1 = kx == 2 ? w - 1 : w;
            const double *xs = x + (size_t)(i * cin + ci) * hw + (ky - 1) * w + (kx - 1);
            double k = K[((co * cin + ci) * 3 + ky) * 3 + kx], s = 0;
            double *dxs = dx ? dx + (size_t)(i * cin + ci) * hw + (ky - 1) * w + (kx - 1) : NULL;
            for (int r = r0; r < r1; r++)
              for (int c = c0; c < c1; c++) {
                s += g[r * w + c] * xs[r * w + c];
                if (dxs)
                  dxs[r * w + c] += k * g[r * w + c];
              }
            dK[((co * cin + ci) * 3 + ky) * 3 + kx] += s;
          }
    }
}

/* maxpool2: the gradient goes to the element that won (first in row order on ties) */
static inline void maxpool2_backward(int m, int h, int w, const double *x, const double *dy, double *dx) {
  int ho = h / 2, wo = w / 2;
  memset(dx, 0, sizeof(double) * m * h * w);
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
static inline void softmax_cross_entropy_backward(int n, int k, const double *z, const int *y, double scale,
                                                  double *dz) {
  for (int i = 0; i < n; i++) {
    const double *zi = z + i * k;
    double m = zi[0], s = 0;
    for (int c = 1; c < k; c++)
      m = zi[c] > m ? zi[c] : m;
    for (int c = 0; c < k; c++)
      s += exp(zi[c] - m);
    for (int c = 0; c < k; c++)
      dz[i * k + c] = scale * (exp(zi[c] - m) / s - (c == y[i]));
  }
}

#endif
