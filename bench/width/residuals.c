/*
 * Scalar-heavy functions for the vector-mode benchmark (bench_width.c):
 * fgcc differentiates them twice, as NAME_jvp (one direction) and with
 * --width 8 as NAME_jvp8 (eight directions in one pass).
 */
#include <fgcc.h>
#include <math.h>

/* MINPACK-2's Broyden banded function (Moré, Garbow, Hillstrom 1981, #31):
 * r_i = x_i (2 + 5 x_i^2) + 1 - sum_{j in J_i} x_j (1 + x_j),
 * J_i = {max(0, i-5), ..., min(n-1, i+1)} without i. */
FG_DIFF void broyden_banded(const double *x, double *r, int n) {
  for (int i = 0; i < n; i++) {
    double s = 0;
    int lo = i - 5 > 0 ? i - 5 : 0, hi = i + 1 < n - 1 ? i + 1 : n - 1;
    for (int j = lo; j <= hi; j++)
      if (j != i)
        s += x[j] * (1 + x[j]);
    r[i] = x[i] * (2 + 5 * x[i] * x[i]) + 1 - s;
  }
}

/* A kinetics residual with Arrhenius rates: species c (n), temperature T;
 * reaction i turns species i into i+1 at rate A exp(-E_i / T) c_i^1.5. */
FG_DIFF void kinetics(const double *c, double T, double *r, int n) {
  for (int i = 0; i < n; i++)
    r[i] = 0;
  for (int i = 0; i + 1 < n; i++) {
    double E = 1000 + 50 * i;
    double rate = 1e3 * exp(-E / T) * pow(fabs(c[i]) + 1e-3, 1.5);
    r[i] -= rate;
    r[i + 1] += rate;
  }
  for (int i = 0; i < n; i++)
    r[i] -= log1p(c[i] * c[i]) / T;
}

/* Softmax cross-entropy of a linear model written with loops (the
 * examples' logistic regression before its layers went to BLAS): n images
 * x (n x d), labels y, weights W (d x k) and bias b (k). */
FG_DIFF double logreg_loops(FG_WRT const double *W, FG_WRT const double *b, const double *x, const int *y, int n, int d, int k) {
  double loss = 0;
  for (int i = 0; i < n; i++) {
    double z[16], m = -INFINITY;
    for (int c = 0; c < k; c++) {
      double s = b[c];
      for (int j = 0; j < d; j++)
        s += x[i * d + j] * W[j * k + c];
      z[c] = s;
      m = fmax(m, s);
    }
    double e = 0;
    for (int c = 0; c < k; c++)
      e += exp(z[c] - m);
    loss += m + log(e) - z[y[i]];
  }
  return loss / n;
}
