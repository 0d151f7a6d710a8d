/*
 * layers_jvp.h -- tangent (forward-mode) versions of examples/common/layers.h,
 * written by hand for the benchmarks: the practical limit fgcc's generated
 * code is measured against. Each function computes the layer and, in the
 * same loops, its tangent along the `_d` inputs. Same loop orders and the
 * same style as layers.h (no restrict, no intrinsics), so the difference
 * to fgcc's output is what the AD transformation costs, not a different
 * algorithm. Data inputs (images) have no tangent: pass xd = NULL.
 */
#ifndef BENCH_LAYERS_JVP_H
#define BENCH_LAYERS_JVP_H

#include <math.h>
#include <stddef.h>

/* y = x W + b;  yd = xd W + x Wd + bd */
static inline void dense_jvp(int n, int nin, int nout, const double *x, const double *xd, const double *W,
                             const double *Wd, const double *b, const double *bd, double *y, double *yd) {
  for (int i = 0; i < n; i++)
    for (int o = 0; o < nout; o++) {
      y[i * nout + o] = b[o];
      yd[i * nout + o] = bd[o];
    }
  for (int j = 0; j < nin; j++)
    for (int i = 0; i < n; i++) {
      double xij = x[i * nin + j], xdij = xd ? xd[i * nin + j] : 0;
      const double *Wj = W + (size_t)j * nout, *Wdj = Wd + (size_t)j * nout;
      double *yi = y + (size_t)i * nout, *ydi = yd + (size_t)i * nout;
      if (xd)
        for (int o = 0; o < nout; o++) {
          yi[o] += xij * Wj[o];
          ydi[o] += xij * Wdj[o] + xdij * Wj[o];
        }
      else
        for (int o = 0; o < nout; o++) {
          yi[o] += xij * Wj[o];
          ydi[o] += xij * Wdj[o];
        }
    }
}

/* x = max(x, 0);  xd = 0 where x <= 0 */
static inline void relu_jvp(int m, double *x, double *xd) {
  for (int k = 0; k < m; k++) {
    int on = x[k] > 0;
    x[k] = on ? x[k] : 0;
    xd[k] = on ? xd[k] : 0;
  }
}

/* conv3x3 (padding 1) and its tangent: yd = conv(xd, K) + conv(x, Kd) + bd */
static inline void conv3x3_jvp(int n, int cin, int cout, int h, int w, const double *x, const double *xd,
                               const double *K, const double *Kd, const double *b, const double *bd, double *y,
                               double *yd) {
  int hw = h * w;
  for (int i = 0; i < n; i++)
    for (int co = 0; co < cout; co++)
      for (int p = 0; p < hw; p++) {
        y[(i * cout + co) * hw + p] = b[co];
        yd[(i * cout + co) * hw + p] = bd[co];
      }
  for (int i = 0; i < n; i++)
    for (int co = 0; co < cout; co++)
      for (int ci = 0; ci < cin; ci++)
        for (int ky = 0; ky < 3; ky++)
          for (int kx = 0; kx < 3; kx++) {
            double k = K[((co * cin + ci) * 3 + ky) * 3 + kx], kd = Kd[((co * cin + ci) * 3 + ky) * 3 + kx];
            int r0 = ky == 0 ? 1 : 0, r1 = ky == 2 ? h - 1 : h;
            int c0 = kx == 0 ? 1 : 0, c1 = kx == 2 ? w - 1 : w;
            double *yo = y + (size_t)(i * cout + co) * hw, *ydo = yd + (size_t)(i * cout + co) * hw;
            const double *xs = x + (size_t)(i * cin + ci) * hw + (ky - 1) * w + (kx - 1);
            const double *xds = xd ? xd + (size_t)(i * cin + ci) * hw + (ky - 1) * w + (kx - 1) : NULL;
            for (int r = r0; r < r1; r++)
              if (xds)
                for (int c = c0; c < c1; c++) {
                  yo[r * w + c] += k * xs[r * w + c];
                  ydo[r * w + c] += kd * xs[r * w + c] + k * xds[r * w + c];
                }
              else
                for (int c = c0; c < c1; c++) {
                  yo[r * w + c] += k * xs[r * w + c];
                  ydo[r * w + c] += kd * xs[r * w + c];
                }
          }
}

/* 2x2 max pooling; the tangent of the winner (first in row order on ties) */
static inline void maxpool2_jvp(int m, int h, int w, const double *x, const double *xd, double *y, double *yd) {
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
static inline double softmax_cross_entropy_jvp(int n, int k, const double *z, const double *zd, const int *y,
                                               double *dot) {
  double total = 0, total_d = 0;
  for (int i = 0; i < n; i++) {
    const double *zi = z + i * k, *zdi = zd + i * k;
    double m = zi[0];
    for (int c = 1; c < k; c++)
      m = zi[c] > m ? zi[c] : m;
    double s = 0, sd = 0;
    for (int c = 0; c < k; c++) {
      double e = exp(zi[c] - m);
      s += e;
      sd += e * zdi[c];
    }
    total += m + log(s) - zi[y[i]];
    total_d += sd / s - zdi[y[i]];
  }
  *dot = total_d;
  return total;
}

#endif
