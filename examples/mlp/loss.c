/*
 * The multilayer perceptron of Baydin et al. (2022), §5: fully connected
 * layers with ReLU between them and softmax cross-entropy on MNIST. The
 * layer sizes are data (sizes[0..layers], 784 ... 10), so one loss serves
 * every depth; the paper's network is 784-1024-1024-10.
 *
 * theta holds, for each layer l, W_l (sizes[l] x sizes[l+1], row j: the
 * weights leaving input j) then b_l (sizes[l+1]).
 */
#include <fgcc.h>
#include <stdlib.h>

#include "layers.h"

#define MLP_CLASSES 10

/* out = the logits of n images (n x sizes[layers]) */
void mlp_logits(const double *theta, const double *x, int n, const int *sizes, int layers, double *out) {
  int widest = 1;
  for (int l = 1; l < layers; l++)
    widest = sizes[l] > widest ? sizes[l] : widest;
  double *buf1 = malloc(sizeof(double) * n * widest), *buf2 = malloc(sizeof(double) * n * widest);
  double *h = buf1, *next = buf2; /* this layer's input, the next one's */
  dense(n, sizes[0], sizes[1], x, theta, theta + sizes[0] * sizes[1], layers == 1 ? out : h);
  const double *w = theta + sizes[0] * sizes[1] + sizes[1];
  for (int l = 1; l < layers; l++) {
    relu(n * sizes[l], h); /* the hidden layers' activation */
    double *y = l == layers - 1 ? out : next;
    dense(n, sizes[l], sizes[l + 1], h, w, w + sizes[l] * sizes[l + 1], y);
    w += sizes[l] * sizes[l + 1] + sizes[l + 1];
    next = h; /* the output becomes the next layer's input */
    h = y;
  }
  free(buf1);
  free(buf2);
}

/* Mean cross-entropy of n images x (n x sizes[0]) with labels y. */
FG_DIFF double mlp_loss(FG_WRT const double *theta, const double *x, const int *y, int n, const int *sizes,
                        int layers) {
  double *z = malloc(sizeof(double) * n * MLP_CLASSES);
  mlp_logits(theta, x, n, sizes, layers, z);
  double loss = softmax_cross_entropy(n, MLP_CLASSES, z, y) / n;
  free(z);
  return loss;
}
