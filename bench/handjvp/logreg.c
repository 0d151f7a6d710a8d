/* Hand-written tangent of logreg_loss (examples/logreg/loss.c), for the benchmarks. */
#include <stdlib.h>

#include "layers_jvp.h"

enum { PIXELS = 784, CLASSES = 10, W_SIZE = PIXELS * CLASSES };

int hand_option(const char *key, const char *value) {
  (void)key, (void)value;
  return 0;
}

real hand_loss_jvp(const real *theta, const real *v, const real *x, const int *y, int n, real *dfv) {
  real *z = malloc(sizeof(real) * n * CLASSES), *zd = malloc(sizeof(real) * n * CLASSES);
  dense_jvp(n, PIXELS, CLASSES, x, NULL, theta, v, theta + W_SIZE, v + W_SIZE, z, zd);
  real d, loss = softmax_cross_entropy_jvp(n, CLASSES, z, zd, y, &d) / n;
  *dfv = d / n;
  free(z);
  free(zd);
  return loss;
}
