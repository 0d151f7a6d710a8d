/*
 * The exact gradient of cnn_loss, written by hand (reverse mode): the
 * baseline fgcc's forward gradients are compared with. Not generated.
 * Backprop keeps every layer's activations for the backward sweep. Built
 * once per precision, like loss.c.
 */
#include <stdlib.h>

#include "layers_grad.h"

#define CNN_CLASSES 10

enum { A1, A2, P1, A3, A4, P2, F5, Z6, N_ACT }; /* the activations kept */

/* Returns the loss and writes its gradient with respect to theta. */
real R(cnn_grad)(const real *theta, const real *x, const int *y, int n, int c, int hidden, real *grad) {
  const size_t sizes[N_ACT] = {784, 784, 196, 196, 196, 49, 0, 0};
  real *a[N_ACT], *d[N_ACT];
  for (int k = 0; k < N_ACT; k++) {
    size_t m = k == F5 ? (size_t)n * hidden : k == Z6 ? (size_t)n * CNN_CLASSES : (size_t)n * c * sizes[k];
    a[k] = malloc(sizeof(real) * m);
    d[k] = malloc(sizeof(real) * m);
  }
  /* where each layer's parameters start */
  const size_t k1 = 0, k2 = k1 + 10 * c, k3 = k2 + 9 * c * c + c, k4 = k3 + 9 * c * c + c, w5 = k4 + 9 * c * c + c,
               w6 = w5 + 49 * c * hidden + hidden;
  real *cols = malloc(sizeof(real) * c * 9 * 784), *dcols = malloc(sizeof(real) * c * 9 * 784); /* im2col scratch */
  const real *t = theta;
  conv3x3(n, 1, c, 28, 28, x, t + k1, t + k1 + 9 * c, a[A1], cols);
  relu(n * c * 784, a[A1]);
  conv3x3(n, c, c, 28, 28, a[A1], t + k2, t + k2 + 9 * c * c, a[A2], cols);
  relu(n * c * 784, a[A2]);
  maxpool2(n * c, 28, 28, a[A2], a[P1]);
  conv3x3(n, c, c, 14, 14, a[P1], t + k3, t + k3 + 9 * c * c, a[A3], cols);
  relu(n * c * 196, a[A3]);
  conv3x3(n, c, c, 14, 14, a[A3], t + k4, t + k4 + 9 * c * c, a[A4], cols);
  relu(n * c * 196, a[A4]);
  maxpool2(n * c, 14, 14, a[A4], a[P2]);
  dense(n, 49 * c, hidden, a[P2], t + w5, t + w5 + 49 * c * hidden, a[F5]);
  relu(n * hidden, a[F5]);
  dense(n, hidden, CNN_CLASSES, a[F5], t + w6, t + w6 + hidden * CNN_CLASSES, a[Z6]);
  real loss = softmax_cross_entropy(n, CNN_CLASSES, a[Z6], y) / n;

  real *g = grad;
  softmax_cross_entropy_backward(n, CNN_CLASSES, a[Z6], y, (real)1 / n, d[Z6]);
  dense_backward(n, hidden, CNN_CLASSES, a[F5], t + w6, d[Z6], d[F5], g + w6, g + w6 + hidden * CNN_CLASSES);
  relu_backward(n * hidden, a[F5], d[F5]);
  dense_backward(n, 49 * c, hidden, a[P2], t + w5, d[F5], d[P2], g + w5, g + w5 + 49 * c * hidden);
  maxpool2_backward(n * c, 14, 14, a[A4], d[P2], d[A4]);
  relu_backward(n * c * 196, a[A4], d[A4]);
  conv3x3_backward(n, c, c, 14, 14, a[A3], t + k4, d[A4], d[A3], g + k4, g + k4 + 9 * c * c, cols, dcols);
  relu_backward(n * c * 196, a[A3], d[A3]);
  conv3x3_backward(n, c, c, 14, 14, a[P1], t + k3, d[A3], d[P1], g + k3, g + k3 + 9 * c * c, cols, dcols);
  maxpool2_backward(n * c, 28, 28, a[A2], d[P1], d[A2]);
  relu_backward(n * c * 784, a[A2], d[A2]);
  conv3x3_backward(n, c, c, 28, 28, a[A1], t + k2, d[A2], d[A1], g + k2, g + k2 + 9 * c * c, cols, dcols);
  relu_backward(n * c * 784, a[A1], d[A1]);
  conv3x3_backward(n, 1, c, 28, 28, x, t + k1, d[A1], NULL, g + k1, g + k1 + 9 * c, cols, dcols);
  for (int k = 0; k < N_ACT; k++) {
    free(a[k]);
    free(d[k]);
  }
  free(cols);
  free(dcols);
  return loss;
}
