/*
 * Multinomial logistic regression on MNIST: 784 pixels -> 10 classes,
 * softmax cross-entropy, the first model of Baydin et al. (2022), §5.
 *
 * theta = W (784 x 10, row j: the weights of pixel j) then b (10).
 * fgcc differentiates logreg_loss with respect to theta at build time
 * (FG_WRT); the pixels x and labels y are data. Built once per precision
 * (real.h): logreg_loss_f64 and logreg_loss_f32.
 */
#include <fgcc.h>
#include <stdlib.h>

#include "layers.h"

#define LOGREG_PIXELS 784
#define LOGREG_CLASSES 10

/* z = the logits of n images (n x 10) */
void R(logreg_logits)(const real *theta, const real *x, int n, real *z) {
  dense(n, LOGREG_PIXELS, LOGREG_CLASSES, x, theta, theta + LOGREG_PIXELS * LOGREG_CLASSES, z);
}

/* Mean cross-entropy of n images x (n x 784, pixels in [0, 1]) with labels y. */
FG_DIFF real R(logreg_loss)(FG_WRT const real *theta, const real *x, const int *y, int n) {
  real *z = malloc(sizeof(real) * n * LOGREG_CLASSES);
  R(logreg_logits)(theta, x, n, z);
  real loss = softmax_cross_entropy(n, LOGREG_CLASSES, z, y) / n;
  free(z);
  return loss;
}
