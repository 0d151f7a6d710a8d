/*
 * The MLP example: the paper's 784-1024-1024-10 ReLU network on MNIST
 * (--hidden changes the hidden layers: the depth-scaling benchmarks use it),
 * trained with fgcc's mlp_loss_jvp or the hand-written backprop.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "example.h"

double mlp_loss(const double *theta, const double *x, const int *y, int n, const int *sizes, int layers);
double mlp_loss_jvp(const double *theta, const double *theta_dot, const double *x, const int *y, int n,
                    const int *sizes, int layers, double *ret_dot);
double mlp_grad(const double *theta, const double *x, const int *y, int n, const int *sizes, int layers,
                double *grad);
void mlp_logits(const double *theta, const double *x, int n, const int *sizes, int layers, double *out);

enum { MAX_HIDDEN = 64 };

/* sizes[0..layers]: 784, the hidden widths, 10 */
static int sizes[MAX_HIDDEN + 2] = {EXAMPLE_PIXELS, 1024, 1024, EXAMPLE_CLASSES};
static int layers = 3;

static int option(const char *key, const char *value, char *err, size_t errlen) {
  if (strcmp(key, "hidden") != 0)
    return 0;
  int h = example_parse_ints(value, sizes + 1, MAX_HIDDEN);
  if (h < 0)
    return snprintf(err, errlen, "expected up to %d positive widths like 1024,1024", MAX_HIDDEN), -1;
  layers = h + 1;
  sizes[0] = EXAMPLE_PIXELS;
  sizes[layers] = EXAMPLE_CLASSES;
  return 1;
}

static size_t n_params(void) {
  size_t n = 0;
  for (int l = 0; l < layers; l++)
    n += (size_t)sizes[l] * sizes[l + 1] + sizes[l + 1];
  return n;
}

/* PyTorch's nn.Linear default per layer: U(-1/sqrt(fan_in), 1/sqrt(fan_in)) */
static void init(double *theta, uint64_t seed) {
  for (int l = 0; l < layers; l++) {
    size_t count = (size_t)sizes[l] * sizes[l + 1] + sizes[l + 1];
    example_init_uniform(theta, count, 1 / sqrt((double)sizes[l]), seed, (uint32_t)l);
    theta += count;
  }
}

static double loss(const double *theta, const double *x, const int *y, int n) {
  return mlp_loss(theta, x, y, n, sizes, layers);
}

static double loss_jvp(const double *theta, const double *v, const double *x, const int *y, int n, double *dfv) {
  return mlp_loss_jvp(theta, v, x, y, n, sizes, layers, dfv);
}

static double loss_grad(const double *theta, const double *x, const int *y, int n, double *grad) {
  return mlp_grad(theta, x, y, n, sizes, layers, grad);
}

static void logits(const double *theta, const double *x, int n, double *z) {
  mlp_logits(theta, x, n, sizes, layers, z);
}

const example_model EXAMPLE_MODEL = {
    .name = "mlp",
    .summary = "The paper's multilayer perceptron (784-1024-1024-10, ReLU, softmax cross-entropy) on MNIST.",
    .options_help = "  --hidden=W1,W2,...   hidden layer widths (default 1024,1024)\n",
    .option = option,
    .n_params = n_params,
    .init = init,
    .loss = loss,
    .loss_jvp = loss_jvp,
    .loss_grad = loss_grad,
    .logits = logits,
    .lr_forward = 1e-3,
    .lr_backprop = 0.05,
    .clip_forward = 1.5, /* lr 1e-3 without it diverged at step 2449 */
    .steps = 3000,
    .eval_every = 500,
};
