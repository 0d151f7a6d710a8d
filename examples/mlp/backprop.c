/*
 * The exact gradient of mlp_loss, written by hand (reverse mode): the
 * baseline fgcc's forward gradients are compared with. Not generated.
 * Unlike the forward pass, backprop keeps every layer's activations until
 * the backward sweep reaches it. Built once per precision, like loss.c.
 */
#include <stdlib.h>

#include "layers_grad.h"

#define MLP_CLASSES 10

/* Returns the loss and writes its gradient with respect to theta. */
real R(mlp_grad)(const real *theta, const real *x, const int *y, int n, const int *sizes, int layers,
                real *grad) {
  real **act = malloc(sizeof(real *) * (layers + 1)); /* act[l]: the input of layer l */
  size_t *off = malloc(sizeof(size_t) * (layers + 1));    /* off[l]: where W_l starts in theta */
  act[0] = (real *)x;
  off[0] = 0;
  for (int l = 0; l < layers; l++) {
    const real *W = theta + off[l], *b = W + (size_t)sizes[l] * sizes[l + 1];
    act[l + 1] = malloc(sizeof(real) * n * sizes[l + 1]);
    dense(n, sizes[l], sizes[l + 1], act[l], W, b, act[l + 1]);
    if (l < layers - 1)
      relu(n * sizes[l + 1], act[l + 1]);
    off[l + 1] = off[l] + (size_t)sizes[l] * sizes[l + 1] + sizes[l + 1];
  }
  real loss = softmax_cross_entropy(n, MLP_CLASSES, act[layers], y) / n;
  real *dy = malloc(sizeof(real) * n * MLP_CLASSES);
  softmax_cross_entropy_backward(n, MLP_CLASSES, act[layers], y, (real)1 / n, dy);
  for (int l = layers - 1; l >= 0; l--) {
    real *dx = l > 0 ? malloc(sizeof(real) * n * sizes[l]) : NULL;
    real *dW = grad + off[l], *db = dW + (size_t)sizes[l] * sizes[l + 1];
    dense_backward(n, sizes[l], sizes[l + 1], act[l], theta + off[l], dy, dx, dW, db);
    if (dx)
      relu_backward(n * sizes[l], act[l], dx); /* act[l] is the ReLU output of layer l-1 */
    free(dy);
    dy = dx;
    free(act[l + 1]);
  }
  free(act);
  free(off);
  return loss;
}
