/*
 * The convolutional network of Baydin et al. (2022), §5, on MNIST: four 3x3
 * convolutions with `c` channels (padding 1), ReLU after each, 2x2 max
 * pooling after the second and the fourth, then a fully connected layer of
 * `hidden` units with ReLU and the 10 logits; softmax cross-entropy. The
 * paper's network has c = 64 and hidden = 1024. The convolutions run as
 * im2col + gemm (layers.h). Built once per precision (real.h).
 *
 * theta holds K1 (c x 1 x 3 x 3), b1 (c), K2, b2, K3, b3, K4, b4 (c x c x 3
 * x 3 and c each), W5 (49c x hidden), b5 (hidden), W6 (hidden x 10), b6 (10).
 */
#include <fgcc.h>
#include <stdlib.h>

#include "layers.h"

#define CNN_CLASSES 10

/* One convolution with its ReLU; returns where the next layer's weights start. */
static const real *conv_relu(int n, int cin, int c, int side, const real *in, const real *w, real *out,
                             real *cols) {
  conv3x3(n, cin, c, side, side, in, w, w + c * cin * 9, out, cols);
  relu(n * c * side * side, out);
  return w + c * cin * 9 + c;
}

/* out = the logits of n images (n x 10) */
void R(cnn_logits)(const real *theta, const real *x, int n, int c, int hidden, real *out) {
  real *big1 = malloc(sizeof(real) * n * c * 784), *big2 = malloc(sizeof(real) * n * c * 784);
  real *small1 = malloc(sizeof(real) * n * c * 196), *small2 = malloc(sizeof(real) * n * c * 196);
  real *fc = malloc(sizeof(real) * n * hidden);
  real *cols = malloc(sizeof(real) * c * 9 * 784); /* one image's im2col, the widest layer's */
  const real *w = conv_relu(n, 1, c, 28, x, theta, big1, cols);
  w = conv_relu(n, c, c, 28, big1, w, big2, cols);
  maxpool2(n * c, 28, 28, big2, small1); /* 28x28 -> 14x14 */
  w = conv_relu(n, c, c, 14, small1, w, small2, cols);
  w = conv_relu(n, c, c, 14, small2, w, small1, cols);
  maxpool2(n * c, 14, 14, small1, big1); /* 14x14 -> 7x7, flattened per image */
  dense(n, c * 49, hidden, big1, w, w + c * 49 * hidden, fc);
  relu(n * hidden, fc);
  w += c * 49 * hidden + hidden;
  dense(n, hidden, CNN_CLASSES, fc, w, w + hidden * CNN_CLASSES, out);
  free(big1);
  free(big2);
  free(small1);
  free(small2);
  free(fc);
  free(cols);
}

/* Mean cross-entropy of n images x (n x 784) with labels y. */
FG_DIFF real R(cnn_loss)(FG_WRT const real *theta, const real *x, const int *y, int n, int c, int hidden) {
  real *z = malloc(sizeof(real) * n * CNN_CLASSES);
  R(cnn_logits)(theta, x, n, c, hidden, z);
  real loss = softmax_cross_entropy(n, CNN_CLASSES, z, y) / n;
  free(z);
  return loss;
}
