/*
 * A regularised logistic-regression loss: the quick-start input of fgcc.
 *
 * FG_DIFF asks fgcc for loss_jvp; FG_WRT says which input we differentiate
 * with respect to (the weights w). The data x, y and the regularisation
 * weight lambda are inactive: they get no tangent.
 */
#include <fgcc.h>
#include <math.h>

static double dot(int d, const double *a, const double *b) {
  double s = 0;
  for (int j = 0; j < d; j++)
    s += a[j] * b[j];
  return s;
}

/* (1/n) sum_i log(1 + exp(-y_i <x_i, w>)) + lambda/2 |w|^2, for n samples
 * x (row-major, n rows of d features) with labels y_i = -1 or +1. */
FG_DIFF double loss(int n, int d, const double *x, const double *y, FG_WRT const double *w, double lambda) {
  double total = 0;
  for (int i = 0; i < n; i++)
    total += log1p(exp(-y[i] * dot(d, &x[i * d], w)));
  return total / n + 0.5 * lambda * dot(d, w, w);
}
