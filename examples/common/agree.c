/*
 * agree.c -- does fgcc's directional derivative of a model's loss equal
 * the hand-written backprop gradient dotted with the direction?
 *
 * Random images and labels (no data files needed), parameters from the
 * model's initialisation plus a perturbation, normal and Rademacher
 * directions. Built once per precision (real.h).
 *
 * float64: three independent computations of ∇f·v must agree: fgcc's
 * loss_jvp, backprop's gradient · v (to 1e-10 relative to |∇f||v|), and a
 * Richardson-extrapolated central difference of the loss along v (to 1e-6;
 * it is an approximation, and ReLU and max-pool kinks make it the weakest).
 *
 * The width-8 derivative (fgcc --width 8) of 8 directions at once is held to
 * the same references, direction by direction.
 *
 * float32: differences are meaningless at float32's resolution, so the
 * float32 build is held to the float64 one at the same (float32-rounded)
 * parameters, images and directions, which the float64 check vouches for:
 * fgcc's float32 ∇f·v and loss, and every component of the float32
 * backprop gradient, within F32_TOL = 1e-5 of the float64 values (relative to
 * |∇f||v|, |f| and max|∇f|). float32 rounding gives ~1e-8 here; a wrong
 * term of a derivative is off by far more.
 */
#include <fgrt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "example.h"
#include "real.h"

#ifdef EXAMPLE_F32
#define FNS(m) ((m)->f32)
#define PRECISION "float32"
#else
#define FNS(m) ((m)->f64)
#define PRECISION "float64"
#endif

enum { BATCH = 7, DIRECTIONS = 4 };
#define F32_TOL 1e-5

static double dot(const double *a, const double *b, size_t n) {
  double s = 0;
  for (size_t i = 0; i < n; i++)
    s += a[i] * b[i];
  return s;
}

/* MNIST-like images (half the pixels 0) and labels, rounded to real */
static void random_batch(const fgrt_rng *r, real *x, int *y) {
  for (int i = 0; i < BATCH * EXAMPLE_PIXELS; i++) {
    double u = fgrt_uniform01(r, 1, 0, (uint64_t)i);
    x[i] = (real)(u < 0.5 ? 0 : u);
  }
  for (int i = 0; i < BATCH; i++)
    y[i] = (int)(fgrt_uniform01(r, 1, 1, (uint64_t)i) * EXAMPLE_CLASSES);
}

static void widen(const real *a, double *out, size_t n) {
  for (size_t i = 0; i < n; i++)
    out[i] = a[i];
}

#ifndef EXAMPLE_F32
/* Richardson extrapolation of central differences with steps h and h/2 (float64). */
static double richardson(const example_model *m, const double *theta, const double *v, size_t n, const double *x,
                         const int *y, double *scratch) {
  double h = 1e-7, d[2]; /* tiny: a step across a ReLU kink spoils the difference */
  for (int k = 0; k < 2; k++, h /= 2) {
    double f[2];
    for (int s = 0; s < 2; s++) {
      for (size_t i = 0; i < n; i++)
        scratch[i] = theta[i] + (s ? -h : h) * v[i];
      f[s] = m->f64->loss(scratch, x, y, BATCH);
    }
    d[k] = (f[0] - f[1]) / (2 * h);
  }
  return (4 * d[1] - d[0]) / 3;
}
#endif

/* The problem in both precisions: theta, v, x rounded to real, and the
 * same values in double for the float64 functions. */
typedef struct {
  size_t n;
  real *theta, *v, x[BATCH * EXAMPLE_PIXELS];
  double *theta64, *v64, *grad64, *scratch, x64[BATCH * EXAMPLE_PIXELS], loss64;
  int y[BATCH];
} problem;

static int check_direction(const example_model *m, problem *p, int k) {
  size_t n = p->n;
  real dfv, f = FNS(m)->loss_jvp(p->theta, p->v, p->x, p->y, BATCH, &dfv);
  widen(p->v, p->v64, n);
  double ref = dot(p->grad64, p->v64, n), scale = sqrt(dot(p->grad64, p->grad64, n) * dot(p->v64, p->v64, n));
  double e_bp = fabs(dfv - ref) / scale, e_f = fabs(f - p->loss64) / fabs(p->loss64);
#ifdef EXAMPLE_F32
  int ok = e_bp < F32_TOL && e_f < F32_TOL;
  printf("%s %s direction %d: fgcc %.9g  float64 backprop %.15g  rel.err %.1e, loss %.1e  %s\n", m->name, PRECISION,
         k, (double)dfv, ref, e_bp, e_f, ok ? "ok" : "MISMATCH");
#else
  double fd = richardson(m, p->theta64, p->v64, n, p->x64, p->y, p->scratch), e_fd = fabs(dfv - fd) / scale;
  int ok = e_bp < 1e-10 && e_fd < 1e-6 && e_f < 1e-12;
  printf("%s %s direction %d: fgcc %.15g  backprop %.15g  richardson %.15g  rel.err %.1e / %.1e  %s\n", m->name,
         PRECISION, k, dfv, ref, fd, e_bp, e_fd, ok ? "ok" : "MISMATCH");
#endif
  return ok ? 0 : 1;
}

static void fill_direction(const fgrt_rng *r, int k, real *v, size_t n) {
#ifdef EXAMPLE_F32
  if (k % 2)
    fgrt_fill_rademacher_f(r, 3, (uint32_t)k, 0, v, n);
  else
    fgrt_fill_normal_f(r, 3, (uint32_t)k, 0, v, n);
#else
  if (k % 2)
    fgrt_fill_rademacher(r, 3, (uint32_t)k, 0, v, n);
  else
    fgrt_fill_normal(r, 3, (uint32_t)k, 0, v, n);
#endif
}

/* loss_jvp_w on EXAMPLE_WIDTH directions at once (interleaved: element j of
 * direction k at V[j * W + k]): each d_k against backprop's gradient . v_k
 * (the float64 gradient in float32: the same tolerances as one direction),
 * and the loss. */
static int check_width(const example_model *m, problem *p, const fgrt_rng *r) {
  enum { W = EXAMPLE_WIDTH };
  size_t n = p->n;
  real *vw = malloc(n * W * sizeof *vw), d[W];
  if (!vw)
    return fprintf(stderr, "%s: out of memory\n", m->name), 1;
  for (int k = 0; k < W; k++) {
    fill_direction(r, k, p->v, n);
    for (size_t j = 0; j < n; j++)
      vw[j * W + k] = p->v[j];
  }
  real f = FNS(m)->loss_jvp_w(p->theta, vw, p->x, p->y, BATCH, d);
  double e_f = fabs(f - p->loss64) / fabs(p->loss64), worst = 0;
  for (int k = 0; k < W; k++) {
    for (size_t j = 0; j < n; j++)
      p->v64[j] = vw[j * W + k];
    double ref = dot(p->grad64, p->v64, n), scale = sqrt(dot(p->grad64, p->grad64, n) * dot(p->v64, p->v64, n));
    worst = fmax(worst, fabs(d[k] - ref) / scale);
  }
  free(vw);
#ifdef EXAMPLE_F32
  int ok = worst < F32_TOL && e_f < F32_TOL;
#else
  int ok = worst < 1e-10 && e_f < 1e-12;
#endif
  printf("%s %s width %d: %d directions in one pass, worst rel.err against backprop %.1e, loss %.1e  %s\n", m->name,
         PRECISION, W, W, worst, e_f, ok ? "ok" : "MISMATCH");
  return ok ? 0 : 1;
}

#ifdef EXAMPLE_F32
/* The float32 backprop gradient against the float64 one, component by component. */
static int check_gradient(const example_model *m, problem *p) {
  real *g = malloc(p->n * sizeof *g);
  double worst = 0, top = 0;
  real f = FNS(m)->loss_grad(p->theta, p->x, p->y, BATCH, g);
  for (size_t i = 0; i < p->n; i++) {
    worst = fmax(worst, fabs(g[i] - p->grad64[i]));
    top = fmax(top, fabs(p->grad64[i]));
  }
  free(g);
  double e_f = fabs(f - p->loss64) / fabs(p->loss64);
  int ok = worst <= F32_TOL * top && e_f < F32_TOL;
  printf("%s %s backprop: max |g - g_float64| = %.1e (max |g| %.1e), loss rel.err %.1e  %s\n", m->name, PRECISION,
         worst, top, e_f, ok ? "ok" : "MISMATCH");
  return ok ? 0 : 1;
}
#endif

/* Draws the problem: theta from the model's initialisation plus a
 * perturbation, away from its symmetries; the float64 reference gradient. */
static int setup(const example_model *m, const fgrt_rng *r, problem *p) {
  size_t n = p->n = m->n_params();
  p->theta = malloc(n * sizeof *p->theta), p->v = malloc(n * sizeof *p->v);
  p->theta64 = malloc(n * sizeof(double)), p->v64 = malloc(n * sizeof(double));
  p->grad64 = malloc(n * sizeof(double)), p->scratch = malloc(n * sizeof(double));
  if (!p->theta || !p->v || !p->theta64 || !p->v64 || !p->grad64 || !p->scratch)
    return -1;
  random_batch(r, p->x, p->y);
  widen(p->x, p->x64, BATCH * EXAMPLE_PIXELS);
  m->init(p->theta64, 7);
  for (size_t i = 0; i < n; i++)
    p->theta[i] = (real)(p->theta64[i] + 0.05 * (2 * fgrt_uniform01(r, 2, 0, i) - 1));
  widen(p->theta, p->theta64, n);
  p->loss64 = m->f64->loss_grad(p->theta64, p->x64, p->y, BATCH, p->grad64);
  return 0;
}

static void release(problem *p) {
  free(p->theta), free(p->v), free(p->theta64), free(p->v64), free(p->grad64), free(p->scratch);
}

int R(example_agree)(const example_model *m) {
  fgrt_rng r;
  fgrt_rng_init(&r, 2022);
  problem *p = calloc(1, sizeof *p);
  if (!p || setup(m, &r, p) != 0)
    return fprintf(stderr, "%s: out of memory\n", m->name), 2;
  printf("%s %s: %zu parameters, batch of %d random images, loss %.15g\n", m->name, PRECISION, p->n, BATCH,
         p->loss64);
  int bad = 0;
#ifdef EXAMPLE_F32
  bad |= check_gradient(m, p);
#endif
  for (int k = 0; k < DIRECTIONS; k++) {
    fill_direction(&r, k, p->v, p->n);
    bad |= check_direction(m, p, k);
  }
  bad |= check_width(m, p, &r);
  release(p);
  free(p);
  return bad;
}
