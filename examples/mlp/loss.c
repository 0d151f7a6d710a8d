/*
 * The multilayer perceptron of Baydin et al. (2022), §5: fully connected
 * layers with ReLU between them and softmax cross-entropy on MNIST. The
 * layer sizes are data (sizes[0..layers], 784 ... 10), so one loss serves
 * every depth; the paper's network is 784-1024-1024-10.
 *
 * theta holds, for each layer l, W_l (sizes[l] x sizes[l+1], row j: the
 * weights leaving input j) then b_l (sizes[l+1]). Built once per precision
 * (real.h): mlp_loss_f64 and mlp_loss_f32.
 */
#include <fgcc.h>
#include <stdlib.h>

#include "layers.h"

#define MLP_CLASSES 10

/* out = the logits of n images (n x sizes[layers]) */
void R(mlp_logits)(const real *theta, const real *x, int n, const int *sizes, int layers, real *out) {
  int widest = 1;
  for (int l = 1; l < layers; l++)
    widest = sizes[l] > widest ? sizes[l] : widest;
  real *buf1 = malloc(sizeof(real) * n * widest), *buf2 = malloc(sizeof(real) * n * widest);
  real *h = buf1, *next = buf2; /* this layer's input, the next one's */
  dense(n, sizes[0], sizes[1], x, theta, theta + sizes[0] * sizes[1], layers == 1 ? out : h);
  const real *w = theta + sizes[0] * sizes[1] + sizes[1];
  for (int l = 1; l < layers; l++) {
    relu(n * sizes[l], h); /* the hidden layers' activation */
    real *y = l == layers - 1 ? out : next;
    dense(n, sizes[l], sizes[l + 1], h, w, w + sizes[l] * sizes[l + 1], y);
    w += sizes[l] * sizes[l + 1] + sizes[l + 1];
    next = h; /* the output becomes the next layer's input */
    h = y;
  }
  free(buf1);
  free(buf2);
}

/* Mean cross-entropy of n images x (n x sizes[0]) with labels y. */
FG_DIFF real R(mlp_loss)(FG_WRT const real *theta, const real *x, const int *y, int n, const int *sizes,
                        int layers) {
  real *z = malloc(sizeof(real) * n * MLP_CLASSES);
  R(mlp_logits)(theta, x, n, sizes, layers, z);
  real loss = softmax_cross_entropy(n, MLP_CLASSES, z, y) / n;
  free(z);
  return loss;
}
