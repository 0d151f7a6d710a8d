/* Hand-written tangent of cnn_loss (examples/cnn/loss.c), for the benchmarks. */
#include <stdlib.h>
#include <string.h>

#include "layers_jvp.h"

enum { CLASSES = 10 };

static int channels = 64, hidden = 1024;

/* --channels=C --hidden=H as in examples/cnn/model.c */
int hand_option(const char *key, const char *value) {
  int *t = !strcmp(key, "channels") ? &channels : !strcmp(key, "hidden") ? &hidden : NULL;
  if (!t)
    return 0;
  *t = atoi(value);
  return 1;
}

/* conv + ReLU with tangents; returns the offset of the next layer's weights */
static size_t conv_relu_jvp(int n, int cin, int c, int side, const real *in, const real *ind,
                            const real *theta, const real *v, size_t off, real *out, real *outd, real *cols) {
  size_t k = (size_t)c * cin * 9;
  conv3x3_jvp(n, cin, c, side, side, in, ind, theta + off, v + off, theta + off + k, v + off + k, out, outd, cols,
              cols + (size_t)c * 9 * 784);
  relu_jvp(n * c * side * side, out, outd);
  return off + k + c;
}

real hand_loss_jvp(const real *theta, const real *v, const real *x, const int *y, int n, real *dfv) {
  int c = channels;
  size_t big = (size_t)n * c * 784, small = (size_t)n * c * 196;
  real *b1 = malloc(sizeof(real) * big), *b1d = malloc(sizeof(real) * big);
  real *b2 = malloc(sizeof(real) * big), *b2d = malloc(sizeof(real) * big);
  real *s1 = malloc(sizeof(real) * small), *s1d = malloc(sizeof(real) * small);
  real *s2 = malloc(sizeof(real) * small), *s2d = malloc(sizeof(real) * small);
  real *fc = malloc(sizeof(real) * n * hidden), *fcd = malloc(sizeof(real) * n * hidden);
  real *z = malloc(sizeof(real) * n * CLASSES), *zd = malloc(sizeof(real) * n * CLASSES);
  real *cols = malloc(sizeof(real) * 2 * c * 9 * 784); /* im2col of a value and of its tangent */
  size_t off = conv_relu_jvp(n, 1, c, 28, x, NULL, theta, v, 0, b1, b1d, cols);
  off = conv_relu_jvp(n, c, c, 28, b1, b1d, theta, v, off, b2, b2d, cols);
  maxpool2_jvp(n * c, 28, 28, b2, b2d, s1, s1d);
  off = conv_relu_jvp(n, c, c, 14, s1, s1d, theta, v, off, s2, s2d, cols);
  off = conv_relu_jvp(n, c, c, 14, s2, s2d, theta, v, off, s1, s1d, cols);
  maxpool2_jvp(n * c, 14, 14, s1, s1d, b1, b1d);
  size_t w5 = (size_t)c * 49 * hidden;
  dense_jvp(n, c * 49, hidden, b1, b1d, theta + off, v + off, theta + off + w5, v + off + w5, fc, fcd);
  relu_jvp(n * hidden, fc, fcd);
  off += w5 + hidden;
  size_t w6 = (size_t)hidden * CLASSES;
  dense_jvp(n, hidden, CLASSES, fc, fcd, theta + off, v + off, theta + off + w6, v + off + w6, z, zd);
  real d, loss = softmax_cross_entropy_jvp(n, CLASSES, z, zd, y, &d) / n;
  *dfv = d / n;
  free(b1), free(b1d), free(b2), free(b2d), free(s1), free(s1d), free(s2), free(s2d);
  free(fc), free(fcd), free(z), free(zd), free(cols);
  return loss;
}
