/*
 * The exact gradient of logreg_loss, written by hand (reverse mode): the
 * baseline fgcc's forward gradients are compared with. Not generated.
 * Built once per precision, like loss.c.
 */
#include <stdlib.h>

#include "layers_grad.h"

#define LOGREG_PIXELS 784
#define LOGREG_CLASSES 10

void R(logreg_logits)(const real *theta, const real *x, int n, real *z);

/* Returns the loss and writes its gradient with respect to theta. */
real R(logreg_grad)(const real *theta, const real *x, const int *y, int n, real *grad) {
  const int W_SIZE = LOGREG_PIXELS * LOGREG_CLASSES;
  real *z = malloc(sizeof(real) * n * LOGREG_CLASSES), *dz = malloc(sizeof(real) * n * LOGREG_CLASSES);
  R(logreg_logits)(theta, x, n, z);
  real loss = softmax_cross_entropy(n, LOGREG_CLASSES, z, y) / n;
  softmax_cross_entropy_backward(n, LOGREG_CLASSES, z, y, (real)1 / n, dz);
  dense_backward(n, LOGREG_PIXELS, LOGREG_CLASSES, x, theta, dz, NULL, grad, grad + W_SIZE);
  free(z);
  free(dz);
  return loss;
}
