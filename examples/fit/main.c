/*
 * Fit y = a exp(-b t) + c to noisy points with forward gradients: fgcc
 * generated fit_loss_jvp from loss.c at build time; a dozen lines glue it
 * into libfgrt's driver. Exits 0 when the fit recovers the true parameters.
 */
#include <fgrt.h>
#include <math.h>
#include <stdio.h>

double fit_loss_jvp(const double *p, const double *p_dot, const double *t, const double *y, int n, double *ret_dot);

enum { N = 200 };
typedef struct {
  double t[N], y[N];
} points;

/* The glue: f and ∇f·v at theta along v, here on the whole data set. */
static double loss_jvp(void *user, const double *theta, const double *v, const fgrt_batch *batch, double *dfv) {
  points *d = user;
  (void)batch;
  return fit_loss_jvp(theta, v, d->t, d->y, N, dfv);
}

int main(void) {
  const double truth[3] = {2.0, 1.5, 0.5};
  points d;
  fgrt_rng rng;
  fgrt_rng_init(&rng, 11);
  for (int i = 0; i < N; i++) { /* noise: uniform in ±0.01 */
    d.t[i] = 4.0 * i / N;
    d.y[i] = truth[0] * exp(-truth[1] * d.t[i]) + truth[2] + 0.02 * (fgrt_uniform01(&rng, 0, 0, i) - 0.5);
  }

  double theta[3] = {1, 1, 0};
  fgrt_model model = {.n_params = 3, .user = &d, .loss_jvp = loss_jvp};
  fgrt_train_opts opts;
  fgrt_train_defaults(&opts); /* forward gradient, one normal direction per step, SGD */
  opts.steps = 20000;
  opts.lr = 0.05;
  opts.progress = 0;
  fgrt_train_result result;
  char err[256];
  if (fgrt_train(&model, &opts, theta, &result, err, sizeof err) != 0) {
    fprintf(stderr, "fit: %s\n", err);
    return 1;
  }

  int ok = 1;
  for (int k = 0; k < 3; k++)
    ok &= fabs(theta[k] - truth[k]) < 0.02;
  printf("fit: a = %.4f, b = %.4f, c = %.4f (true 2, 1.5, 0.5) after %llu steps, loss %.3g: %s\n", theta[0],
         theta[1], theta[2], (unsigned long long)result.steps, result.loss, ok ? "ok" : "FAILED");
  return ok ? 0 : 1;
}
