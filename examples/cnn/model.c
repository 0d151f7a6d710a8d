/*
 * The CNN example: the paper's convolutional network on MNIST (--channels
 * and --hidden shrink it for quick runs and tests), trained with fgcc's
 * cnn_loss_jvp or the hand-written backprop.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "example.h"

extern const example_fns_f64 cnn_fns_f64;
extern const example_fns_f32 cnn_fns_f32;

/* the network's shape (read by fns.c) */
int cnn_channels = 64, cnn_hidden = 1024;

static int option(const char *key, const char *value, char *err, size_t errlen) {
  int *target = !strcmp(key, "channels") ? &cnn_channels : !strcmp(key, "hidden") ? &cnn_hidden : NULL;
  if (!target)
    return 0;
  if (example_parse_ints(value, target, 1) != 1)
    return snprintf(err, errlen, "expected one positive count"), -1;
  return 1;
}

/* parameter counts and fan-ins of the six layers */
static void layer_shapes(size_t count[6], int fan_in[6]) {
  size_t c = (size_t)cnn_channels, h = (size_t)cnn_hidden;
  const size_t counts[6] = {9 * c + c, 9 * c * c + c, 9 * c * c + c, 9 * c * c + c, 49 * c * h + h, 10 * h + 10};
  const int fans[6] = {9, 9 * cnn_channels, 9 * cnn_channels, 9 * cnn_channels, 49 * cnn_channels, cnn_hidden};
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

const example_model EXAMPLE_MODEL = {
    .name = "cnn",
    .summary = "The paper's CNN (4 conv 3x3 x 64 with ReLU, 2 max-pools, fc 1024, fc 10) on MNIST.",
    .options_help = "  --channels=C         channels of every convolution (default 64)\n"
                    "  --hidden=H           units of the fully connected layer (default 1024)\n",
    .option = option,
    .n_params = n_params,
    .init = init,
    .f64 = &cnn_fns_f64,
    .f32 = &cnn_fns_f32,
    .lr_forward = 2e-2,
    .lr_backprop = 0.05,
    .clip_forward = 0.3, /* 8 channels: lr 1e-2 without it diverged at step 1352 */
    .steps = 200,
    .eval_every = 0,
    .test_limit = 500,
};
