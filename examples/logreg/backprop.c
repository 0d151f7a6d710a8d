/*
 * The exact gradient of logreg_loss, written by hand (reverse mode): the
 * baseline fgcc's forward gradients are compared with. Not generated.
 */
#include <stdlib.h>

#include "layers.h"
#include "layers_grad.h"

#define LOGREG_PIXELS 784
#define LOGREG_CLASSES 10

void logreg_logits(const double *theta, const double *x, int n, double *z);

/* Returns the loss and writes its gradient with respect to theta. */
double logreg_grad(const double *theta, const double *x, const int *y, int n, double *grad) {
  const int W_SIZE = LOGREG_PIXELS * LOGREG_CLASSES;
  double *z = malloc(sizeof(double) * n * LOGREG_CLASSES), *dz = malloc(sizeof(double) * n * LOGREG_CLASSES);
  logreg_logits(theta, x, n, z);
  double loss = softmax_cross_entropy(n, LOGREG_CLASSES, z, y) / n;
  softmax_cross_entropy_backward(n, LOGREG_CLASSES, z, y, 1.0 / n, dz);
  dense_backward(n, LOGREG_PIXELS, LOGREG_CLASSES, x, theta, dz, NULL, grad, grad + W_SIZE);
  free(z);
  free(dz);
  return loss;
}
