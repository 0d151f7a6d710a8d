/* Hand-written tangent of mlp_loss (examples/mlp/loss.c), for the benchmarks. */
#include <stdlib.h>
#include <string.h>

#include "layers_jvp.h"

enum { PIXELS = 784, CLASSES = 10, MAX_HIDDEN = 64 };

static int sizes[MAX_HIDDEN + 2] = {PIXELS, 1024, 1024, CLASSES};
static int layers = 3;

/* --hidden=W1,W2,... as in examples/mlp/model.c */
int hand_option(const char *key, const char *value) {
  if (strcmp(key, "hidden") != 0)
    return 0;
  int h = 0;
  for (const char *s = value; *s && h < MAX_HIDDEN; h++) {
    char *end;
    sizes[1 + h] = (int)strtol(s, &end, 10);
    s = *end == ',' ? end + 1 : end;
  }
  layers = h + 1;
  sizes[layers] = CLASSES;
  return 1;
}

real hand_loss_jvp(const real *theta, const real *v, const real *x, const int *y, int n, real *dfv) {
  int widest = CLASSES;
  for (int l = 1; l < layers; l++)
    widest = sizes[l] > widest ? sizes[l] : widest;
  real *h = malloc(sizeof(real) * n * widest), *hd = malloc(sizeof(real) * n * widest);
  real *o = malloc(sizeof(real) * n * widest), *od = malloc(sizeof(real) * n * widest);
  const real *in = x, *ind = NULL;
  size_t off = 0;
  for (int l = 0; l < layers; l++) {
    size_t wsize = (size_t)sizes[l] * sizes[l + 1];
    dense_jvp(n, sizes[l], sizes[l + 1], in, ind, theta + off, v + off, theta + off + wsize, v + off + wsize, o, od);
    off += wsize + sizes[l + 1];
    if (l < layers - 1)
      relu_jvp(n * sizes[l + 1], o, od);
    real *t = h, *td = hd; /* o becomes the next layer's input */
    h = o, hd = od, o = t, od = td;
    in = h, ind = hd;
  }
  real d, loss = softmax_cross_entropy_jvp(n, CLASSES, h, hd, y, &d) / n;
  *dfv = d / n;
  free(h), free(hd), free(o), free(od);
  return loss;
}
