/*
 * agree.c -- does fgcc's directional derivative of a model's loss equal
 * the hand-written backprop gradient dotted with the direction?
 *
 * Random images and labels (no data files needed), parameters from the
 * model's initialisation plus a perturbation, normal and Rademacher
 * directions. Three independent computations of ∇f·v must agree: fgcc's
 * loss_jvp, backprop's gradient · v (to 1e-10 relative to |∇f||v|), and a
 * Richardson-extrapolated central difference of the loss along v (to 1e-6;
 * it is an approximation, and ReLU and max-pool kinks make it the weakest).
 */
#include "example.h"

#include <fgrt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { BATCH = 7, DIRECTIONS = 4 };

static double dot(const double *a, const double *b, size_t n) {
  double s = 0;
  for (size_t i = 0; i < n; i++)
    s += a[i] * b[i];
  return s;
}

static void random_batch(const fgrt_rng *r, double *x, int *y) {
  for (int i = 0; i < BATCH * EXAMPLE_PIXELS; i++) {
    double u = fgrt_uniform01(r, 1, 0, (uint64_t)i);
    x[i] = u < 0.5 ? 0 : u; /* MNIST-like: half the pixels are 0 */
  }
  for (int i = 0; i < BATCH; i++)
    y[i] = (int)(fgrt_uniform01(r, 1, 1, (uint64_t)i) * EXAMPLE_CLASSES);
}

/* Richardson extrapolation of central differences with steps h and h/2. */
static double richardson(const example_model *m, const double *theta, const double *v, size_t n, const double *x,
                         const int *y, double *scratch) {
  double h = 1e-7, d[2]; /* tiny: a step across a ReLU kink spoils the difference */
  for (int k = 0; k < 2; k++, h /= 2) {
    double f[2];
    for (int s = 0; s < 2; s++) {
      for (size_t i = 0; i < n; i++)
        scratch[i] = theta[i] + (s ? -h : h) * v[i];
      f[s] = m->loss(scratch, x, y, BATCH);
    }
    d[k] = (f[0] - f[1]) / (2 * h);
  }
  return (4 * d[1] - d[0]) / 3;
}

static int check_direction(const example_model *m, const double *theta, const double *grad, double loss,
                           const double *v, size_t n, const double *x, const int *y, double *scratch, int k) {
  double dfv, f = m->loss_jvp(theta, v, x, y, BATCH, &dfv);
  double ref = dot(grad, v, n), scale = sqrt(dot(grad, grad, n) * dot(v, v, n));
  double fd = richardson(m, theta, v, n, x, y, scratch);
  double e_bp = fabs(dfv - ref) / scale, e_fd = fabs(dfv - fd) / scale, e_f = fabs(f - loss) / fabs(loss);
  int ok = e_bp < 1e-10 && e_fd < 1e-6 && e_f < 1e-12;
  printf("%s direction %d: fgcc %.15g  backprop %.15g  richardson %.15g  rel.err %.1e / %.1e  %s\n", m->name, k,
         dfv, ref, fd, e_bp, e_fd, ok ? "ok" : "MISMATCH");
  return ok ? 0 : 1;
}

int example_agree(const example_model *m, int argc, char **argv) {
  if (example_model_options(m, argc, argv) != 0)
    return 2;
  size_t n = m->n_params();
  double *theta = malloc(n * sizeof *theta), *grad = malloc(n * sizeof *grad), *v = malloc(n * sizeof *v),
         *scratch = malloc(n * sizeof *scratch), x[BATCH * EXAMPLE_PIXELS];
  int y[BATCH], bad = 0;
  if (!theta || !grad || !v || !scratch)
    return fprintf(stderr, "%s: out of memory\n", m->name), 2;
  fgrt_rng r;
  fgrt_rng_init(&r, 2022);
  random_batch(&r, x, y);
  m->init(theta, 7);
  for (size_t i = 0; i < n; i++) /* away from the initialisation's symmetries */
    theta[i] += 0.05 * (2 * fgrt_uniform01(&r, 2, 0, i) - 1);
  double loss = m->loss_grad(theta, x, y, BATCH, grad);
  printf("%s: %zu parameters, batch of %d random images, loss %.15g\n", m->name, n, BATCH, loss);
  for (int k = 0; k < DIRECTIONS; k++) {
    if (k % 2)
      fgrt_fill_rademacher(&r, 3, (uint32_t)k, 0, v, n);
    else
      fgrt_fill_normal(&r, 3, (uint32_t)k, 0, v, n);
    bad |= check_direction(m, theta, grad, loss, v, n, x, y, scratch, k);
  }
  free(theta);
  free(grad);
  free(v);
  free(scratch);
  return bad;
}
