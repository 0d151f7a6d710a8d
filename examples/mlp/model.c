/*
 * The MLP example: the paper's 784-1024-1024-10 ReLU network on MNIST
 * (--hidden changes the hidden layers: the depth-scaling benchmarks use it),
 * trained with fgcc's mlp_loss_jvp or the hand-written backprop.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "example.h"

extern const example_fns_f64 mlp_fns_f64;
extern const example_fns_f32 mlp_fns_f32;

enum { MAX_HIDDEN = 64 };

/* mlp_sizes[0..mlp_layers]: 784, the hidden widths, 10 (read by fns.c) */
int mlp_sizes[MAX_HIDDEN + 2] = {EXAMPLE_PIXELS, 1024, 1024, EXAMPLE_CLASSES};
int mlp_layers = 3;

static int option(const char *key, const char *value, char *err, size_t errlen) {
  if (strcmp(key, "hidden") != 0)
    return 0;
  int h = example_parse_ints(value, mlp_sizes + 1, MAX_HIDDEN);
  if (h < 0)
    return snprintf(err, errlen, "expected up to %d positive widths like 1024,1024", MAX_HIDDEN), -1;
  mlp_layers = h + 1;
  mlp_sizes[0] = EXAMPLE_PIXELS;
  mlp_sizes[mlp_layers] = EXAMPLE_CLASSES;
  return 1;
}

static size_t n_params(void) {
  size_t n = 0;
  for (int l = 0; l < mlp_layers; l++)
    n += (size_t)mlp_sizes[l] * mlp_sizes[l + 1] + mlp_sizes[l + 1];
  return n;
}

/* PyTorch's nn.Linear default per layer: U(-1/sqrt(fan_in), 1/sqrt(fan_in)) */
static void init(double *theta, uint64_t seed) {
  for (int l = 0; l < mlp_layers; l++) {
    size_t count = (size_t)mlp_sizes[l] * mlp_sizes[l + 1] + mlp_sizes[l + 1];
    example_init_uniform(theta, count, 1 / sqrt((double)mlp_sizes[l]), seed, (uint32_t)l);
    theta += count;
  }
}

const example_model EXAMPLE_MODEL = {
    .name = "mlp",
    .summary = "The paper's multilayer perceptron (784-1024-1024-10, ReLU, softmax cross-entropy) on MNIST.",
    .options_help = "  --hidden=W1,W2,...   hidden layer widths (default 1024,1024)\n",
    .option = option,
    .n_params = n_params,
    .init = init,
    .f64 = &mlp_fns_f64,
    .f32 = &mlp_fns_f32,
    .lr_forward = 1e-3,
    .lr_backprop = 0.05,
    .clip_forward = 1.5, /* lr 1e-3 without it diverged at step 2449 */
    .steps = 3000,
    .eval_every = 500,
};
