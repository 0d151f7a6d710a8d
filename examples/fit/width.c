/*
 * The fit of main.c with K = 6 directions a step, three ways: six calls of
 * fit_loss_jvp (fgcc), two calls of fit_loss_jvp4 (fgcc --width 4: four
 * directions a call, the second call's last two lanes zero), and the
 * projection of the gradient onto the six directions' span through the
 * width callback. The width runs must give the K-call run's parameters to
 * rounding (on this machine they agree bit for bit), and every run must
 * recover the true parameters.
 * Exits 0 when they do.
 */
#include <fgrt.h>
#include <math.h>
#include <stdio.h>

double fit_loss_jvp(const double *p, const double *p_dot, const double *t, const double *y, int n, double *ret_dot);
double fit_loss_jvp4(const double *p, const double *p_dot, const double *t, const double *y, int n, double *ret_dot);

enum { N = 200, K = 6 };
typedef struct {
  double t[N], y[N];
  unsigned calls;
} points;

static double loss_jvp(void *user, const double *theta, const double *v, const fgrt_batch *batch, double *dfv) {
  points *d = user;
  (void)batch;
  d->calls++;
  return fit_loss_jvp(theta, v, d->t, d->y, N, dfv);
}

/* v: four directions interleaved, v[j*4 + k], as fit_loss_jvp4 takes them */
static double loss_jvp4(void *user, const double *theta, const double *v, const fgrt_batch *batch, double *dfv) {
  points *d = user;
  (void)batch;
  d->calls++;
  return fit_loss_jvp4(theta, v, d->t, d->y, N, dfv);
}

static int train(points *d, int width, fgrt_combine combine, double *theta) {
  fgrt_model model = {.n_params = 3, .user = d, .loss_jvp = loss_jvp};
  if (width)
    model.loss_jvp = NULL, model.width = 4, model.loss_jvp_w = loss_jvp4;
  fgrt_train_opts opts;
  fgrt_train_defaults(&opts);
  opts.steps = 5000;
  opts.lr = combine == FGRT_COMBINE_PROJECT ? 0.1 : 0.05;
  opts.directions = K;
  opts.direction = FGRT_RADEMACHER; /* K > n: the mean is fine, and the projection refused */
  opts.combine = combine;
  opts.progress = 0;
  if (combine == FGRT_COMBINE_PROJECT)
    opts.directions = 3, opts.direction = FGRT_NORMAL; /* at most n = 3 directions to project */
  char err[256];
  theta[0] = 1, theta[1] = 1, theta[2] = 0;
  d->calls = 0;
  if (fgrt_train(&model, &opts, theta, NULL, err, sizeof err) != 0) {
    fprintf(stderr, "fit_width: %s\n", err);
    return -1;
  }
  return 0;
}

static double max_rel(const double *a, const double *b) {
  double m = 0;
  for (int k = 0; k < 3; k++)
    m = fmax(m, fabs(a[k] - b[k]) / fabs(b[k]));
  return m;
}

int main(void) {
  const double truth[3] = {2.0, 1.5, 0.5};
  points d;
  fgrt_rng rng;
  fgrt_rng_init(&rng, 11);
  for (int i = 0; i < N; i++) {
    d.t[i] = 4.0 * i / N;
    d.y[i] = truth[0] * exp(-truth[1] * d.t[i]) + truth[2] + 0.02 * (fgrt_uniform01(&rng, 0, 0, i) - 0.5);
  }
  int ok = 1;
  for (int c = 0; c < 2; c++) {
    fgrt_combine combine = c ? FGRT_COMBINE_PROJECT : FGRT_COMBINE_MEAN;
    double calls[3], width[3];
    if (train(&d, 0, combine, calls) != 0)
      return 1;
    unsigned n_calls = d.calls;
    if (train(&d, 1, combine, width) != 0)
      return 1;
    double diff = max_rel(width, calls), off = fmax(max_rel(calls, truth), max_rel(width, truth));
    int good = diff < 1e-9 && off < 0.02;
    printf("fit_width: %s, K = %d: a = %.4f, b = %.4f, c = %.4f; %u fit_loss_jvp calls, %u fit_loss_jvp4 calls; "
           "relative difference %.2g: %s\n",
           c ? "projection" : "mean", c ? 3 : K, width[0], width[1], width[2], n_calls, d.calls, diff,
           good ? "ok" : "FAILED");
    ok &= good;
  }
  return ok ? 0 : 1;
}
