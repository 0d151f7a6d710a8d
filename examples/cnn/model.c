/*
 * The CNN example: the paper's convolutional network on MNIST (--channels
 * and --hidden shrink it for quick runs and tests), trained with fgcc's
 * cnn_loss_jvp or the hand-written backprop.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "example.h"

double cnn_loss(const double *theta, const double *x, const int *y, int n, int c, int hidden);
double cnn_loss_jvp(const double *theta, const double *theta_dot, const double *x, const int *y, int n, int c,
                    int hidden, double *ret_dot);
double cnn_grad(const double *theta, const double *x, const int *y, int n, int c, int hidden, double *grad);
void cnn_logits(const double *theta, const double *x, int n, int c, int hidden, double *out);

static int channels = 64, hidden = 1024;

static int option(const char *key, const char *value, char *err, size_t errlen) {
  int *target = !strcmp(key, "channels") ? &channels : !strcmp(key, "hidden") ? &hidden : NULL;
  if (!target)
    return 0;
  if (example_parse_ints(value, target, 1) != 1)
    return snprintf(err, errlen, "expected one positive count"), -1;
  return 1;
}

/* parameter counts and fan-ins of the six layers */
static void layer_shapes(size_t count[6], int fan_in[6]) {
  size_t c = (size_t)channels, h = (size_t)hidden;
  const size_t counts[6] = {9 * c + c, 9 * c * c + c, 9 * c * c + c, 9 * c * c + c, 49 * c * h + h, 10 * h + 10};
  const int fans[6] = {9, 9 * channels, 9 * channels, 9 * channels, 49 * channels, hidden};
  memcpy(count, counts, sizeof counts);
  memcpy(fan_in, fans, sizeof fans);
}

static size_t n_params(void) {
  size_t count[6], n = 0;
  int fan[6];
  layer_shapes(count, fan);
  for (int l = 0; l < 6; l++)
    n += count[l];
  return n;
}

/* PyTorch's Conv2d and Linear defaults: U(-1/sqrt(fan_in), 1/sqrt(fan_in)) */
static void init(double *theta, uint64_t seed) {
  size_t count[6];
  int fan[6];
  layer_shapes(count, fan);
  for (int l = 0; l < 6; l++) {
    example_init_uniform(theta, count[l], 1 / sqrt((double)fan[l]), seed, (uint32_t)l);
    theta += count[l];
  }
}

static double loss(const double *theta, const double *x, const int *y, int n) {
  return cnn_loss(theta, x, y, n, channels, hidden);
}

static double loss_jvp(const double *theta, const double *v, const double *x, const int *y, int n, double *dfv) {
  return cnn_loss_jvp(theta, v, x, y, n, channels, hidden, dfv);
}

static double loss_grad(const double *theta, const double *x, const int *y, int n, double *grad) {
  return cnn_grad(theta, x, y, n, channels, hidden, grad);
}

static void logits(const double *theta, const double *x, int n, double *z) {
  cnn_logits(theta, x, n, channels, hidden, z);
}

const example_model EXAMPLE_MODEL = {
    .name = "cnn",
    .summary = "The paper's CNN (4 conv 3x3 x 64 with ReLU, 2 max-pools, fc 1024, fc 10) on MNIST.",
    .options_help = "  --channels=C         channels of every convolution (default 64)\n"
                    "  --hidden=H           units of the fully connected layer (default 1024)\n",
    .option = option,
    .n_params = n_params,
    .init = init,
    .loss = loss,
    .loss_jvp = loss_jvp,
    .loss_grad = loss_grad,
    .logits = logits,
    .lr_forward = 2e-2,
    .lr_backprop = 0.05,
    .clip_forward = 0.3, /* 8 channels: lr 1e-2 without it diverged at step 1352 */
    .steps = 200,
    .eval_every = 0,
    .test_limit = 500,
};
