/*
 * The paper's first experiment (Baydin et al. 2022, §5.1): forward gradient
 * descent and gradient descent from the same start on Beale's and
 * Rosenbrock's functions. Forward gradient: g = (∇f·v) v, v ~ N(0, I) from
 * libfgrt (fgrt_forward_gradient over fgcc's <function>_jvp). Gradient
 * descent: the exact gradient, here from two forward passes along the unit
 * vectors (the same generated function; no hand-written derivative).
 *
 *   rosenbrock [--function=rosenbrock|beale] [--steps=N] [--lr=X] [--seed=N]
 *              [--trace=FILE.csv]
 *
 * Both methods take the same learning rate (the function's default: the
 * largest power-of-two-ish step at which forward gradients do not diverge,
 * 5e-4 for Rosenbrock, 5e-3 for Beale; at twice that they do).
 * --trace writes method,step,x,y,f for every step of both runs (what
 * plot.sh draws). Before optimising, the program checks fgcc's derivative
 * against the hand-derived gradient at a few points; it exits 1 if they
 * differ, or if either method ends farther from the minimum than it
 * started.
 */
#include <fgrt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

double rosenbrock(const double *p);
double rosenbrock_jvp(const double *p, const double *p_dot, double *ret_dot);
double beale(const double *p);
double beale_jvp(const double *p, const double *p_dot, double *ret_dot);

typedef struct {
  const char *name;
  double (*f)(const double *p);
  double (*f_jvp)(const double *p, const double *p_dot, double *ret_dot);
  void (*grad)(const double *p, double *g); /* hand-derived, for the check */
  double start[2], minimum[2];
  double lr; /* default, both methods */
  int steps;
} problem;

/* ∇ of (1-x)² + 100(y-x²)²: (-2(1-x) - 400x(y-x²), 200(y-x²)) */
static void rosenbrock_grad(const double *p, double *g) {
  double x = p[0], y = p[1];
  g[0] = -2 * (1 - x) - 400 * x * (y - x * x);
  g[1] = 200 * (y - x * x);
}

/* ∇ of Σ_k (c_k - x + x y^k)², k = 1, 2, 3 */
static void beale_grad(const double *p, double *g) {
  double x = p[0], y = p[1], c[3] = {1.5, 2.25, 2.625};
  g[0] = g[1] = 0;
  for (int k = 1; k <= 3; k++) {
    double r = c[k - 1] - x + x * pow(y, k);
    g[0] += 2 * r * (pow(y, k) - 1);
    g[1] += 2 * r * x * k * pow(y, k - 1);
  }
}

static const problem PROBLEMS[] = {
    {"rosenbrock", rosenbrock, rosenbrock_jvp, rosenbrock_grad, {-1.2, 1.0}, {1, 1}, 5e-4, 20000},
    {"beale", beale, beale_jvp, beale_grad, {1.0, 1.5}, {3, 0.5}, 5e-3, 5000},
};

/* ------------------------------------------------------------ the check */

/* fgcc's ∇f·v against the hand-derived gradient, at points around the start. */
static int check_derivative(const problem *pb) {
  double worst = 0;
  for (int i = 0; i < 25; i++) {
    double p[2] = {pb->start[0] + 0.37 * (i % 5) - 0.7, pb->start[1] + 0.29 * (i / 5) - 0.6}, g[2];
    pb->grad(p, g);
    for (int k = 0; k < 2; k++) {
      double e[2] = {k == 0, k == 1}, d;
      pb->f_jvp(p, e, &d);
      worst = fmax(worst, fabs(d - g[k]) / fmax(1, fabs(g[k])));
    }
  }
  printf("%s: fgcc's derivative against the hand-derived gradient at 25 points: max rel. error %.1e %s\n",
         pb->name, worst, worst < 1e-12 ? "ok" : "MISMATCH");
  return worst < 1e-12 ? 0 : 1;
}

/* ------------------------------------------------------------ the two methods */

static double loss_jvp(void *user, const double *theta, const double *v, const fgrt_batch *batch, double *dfv) {
  (void)batch;
  return ((const problem *)user)->f_jvp(theta, v, dfv);
}

/* The exact gradient: one forward pass per unit vector. */
static void exact_gradient(const problem *pb, const double *p, double *g) {
  for (int k = 0; k < 2; k++) {
    double e[2] = {k == 0, k == 1};
    pb->f_jvp(p, e, &g[k]);
  }
}

static void trace(FILE *out, const char *method, int step, const double *p, double f) {
  if (out)
    fprintf(out, "%s,%d,%.17g,%.17g,%.17g\n", method, step, p[0], p[1], f);
}

/* steps of theta -= lr g from the start; returns the final f (NaN if it diverged) */
static double descend(const problem *pb, int forward, int steps, double lr, uint64_t seed, FILE *out, double *p) {
  fgrt_model model = {.n_params = 2, .user = (void *)pb, .loss_jvp = loss_jvp};
  fgrt_rng rng;
  fgrt_rng_init(&rng, seed);
  const char *method = forward ? "fg" : "gd";
  memcpy(p, pb->start, sizeof pb->start);
  trace(out, method, 0, p, pb->f(p));
  for (int s = 0; s < steps && isfinite(p[0]) && isfinite(p[1]); s++) {
    double g[2], v[2];
    fgrt_batch batch = {.step = (uint64_t)s};
    if (forward)
      fgrt_forward_gradient(&model, &rng, FGRT_NORMAL, 1, p, &batch, g, v);
    else
      exact_gradient(pb, p, g);
    p[0] -= lr * g[0];
    p[1] -= lr * g[1];
    trace(out, method, s + 1, p, pb->f(p));
  }
  return pb->f(p);
}

/* ------------------------------------------------------------ main */

static int option(const char *a, const char *key, const char **value) {
  size_t n = strlen(key);
  return !strncmp(a, key, n) && a[n] == '=' ? (*value = a + n + 1, 1) : 0;
}

int main(int argc, char **argv) {
  const problem *pb = &PROBLEMS[0];
  const char *v, *trace_path = NULL;
  double lr = -1;
  int steps = -1;
  uint64_t seed = 1;
  for (int i = 1; i < argc; i++) {
    char *end = NULL;
    if (option(argv[i], "--function", &v)) {
      pb = !strcmp(v, "beale") ? &PROBLEMS[1] : !strcmp(v, "rosenbrock") ? &PROBLEMS[0] : NULL;
      end = pb ? "" : NULL;
    } else if (option(argv[i], "--steps", &v)) {
      steps = (int)strtol(v, &end, 10);
      end = steps >= 1 ? end : NULL;
    } else if (option(argv[i], "--lr", &v)) {
      lr = strtod(v, &end);
      end = lr > 0 && isfinite(lr) ? end : NULL;
    } else if (option(argv[i], "--seed", &v)) {
      seed = strtoull(v, &end, 10);
    } else if (option(argv[i], "--trace", &v)) {
      trace_path = v, end = *v ? "" : NULL;
    }
    if (!end || *end) {
      fprintf(stderr, "rosenbrock: bad argument '%s' (usage: rosenbrock [--function=rosenbrock|beale] "
                      "[--steps=N>=1] [--lr=X>0] [--seed=N] [--trace=FILE.csv])\n", argv[i]);
      return 2;
    }
  }
  steps = steps > 0 ? steps : pb->steps;
  lr = lr > 0 ? lr : pb->lr;
  if (check_derivative(pb) != 0)
    return 1;
  FILE *out = trace_path ? fopen(trace_path, "w") : NULL;
  if (trace_path && !out)
    return fprintf(stderr, "rosenbrock: cannot write %s\n", trace_path), 1;
  if (out)
    fprintf(out, "method,step,x,y,f\n");
  double start = pb->f(pb->start), fg[2], gd[2];
  double f_fg = descend(pb, 1, steps, lr, seed, out, fg), f_gd = descend(pb, 0, steps, lr, seed, out, gd);
  if (out && fclose(out) != 0)
    return fprintf(stderr, "rosenbrock: cannot write %s\n", trace_path), 1;
  printf("%s from (%g, %g), f = %.4g; minimum at (%g, %g)\n", pb->name, pb->start[0], pb->start[1], start,
         pb->minimum[0], pb->minimum[1]);
  printf("  forward gradient, lr %g: %d steps to (%.4f, %.4f), f = %.3g\n", lr, steps, fg[0], fg[1], f_fg);
  printf("  gradient descent, lr %g: %d steps to (%.4f, %.4f), f = %.3g\n", lr, steps, gd[0], gd[1], f_gd);
  return f_fg < start && f_gd < start ? 0 : 1;
}
