/*
 * bench_width -- vector mode against one direction at a time: one call of
 * NAME_jvp8 (fgcc --width 8) against eight calls of NAME_jvp, on
 * scalar-heavy code (residuals.c). Both compute the same 8 directional
 * derivatives (checked before timing); prints one JSON line per function:
 * the median seconds of each and their ratio (target: <= 0.5).
 *
 *   bench_width [SECONDS]      time per figure and round (default 0.2; 5 rounds)
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

enum { K = 8, ROUNDS = 5 };

void broyden_banded(const double *x, double *r, int n);
void broyden_banded_jvp(const double *x, const double *x_dot, double *r, double *r_dot, int n);
void broyden_banded_jvp8(const double *x, const double *x_dot, double *r, double *r_dot, int n);
void kinetics(const double *c, double T, double *r, int n);
void kinetics_jvp(const double *c, const double *c_dot, double T, double T_dot, double *r, double *r_dot, int n);
void kinetics_jvp8(const double *c, const double *c_dot, double T, const double *T_dot, double *r, double *r_dot,
                   int n);
double logreg_loops_jvp(const double *W, const double *W_dot, const double *b, const double *b_dot, const double *x,
                        const int *y, int n, int d, int k, double *ret_dot);
double logreg_loops_jvp8(const double *W, const double *W_dot, const double *b, const double *b_dot,
                         const double *x, const int *y, int n, int d, int k, double *ret_dot);

static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec + 1e-9 * (double)t.tv_nsec;
}

static double uniform(unsigned long long *s) {
  *s = *s * 6364136223846793005ULL + 1442695040888963407ULL;
  return (double)(*s >> 11) * 0x1.0p-53 * 2 - 1;
}

/* One function's data: primal inputs, K interleaved directions and the
 * same split into K single directions, outputs of both ways. */
typedef struct {
  const char *name;
  int n, m;        /* inputs (with tangents), outputs (with tangents) */
  double *x, *xd8, *xd1[K], *r, *rd8, *rd1[K];
  double t8, t1;   /* seconds per call of jvp8, per K calls of jvp */
} Case;

static int n_res = 256, n_kin = 256, n_img = 16, n_pix = 784, n_cls = 10;
static double *images;
static int *labels;

static void run8(const Case *c) {
  if (!strcmp(c->name, "broyden_banded"))
    broyden_banded_jvp8(c->x, c->xd8, c->r, c->rd8, c->n);
  else if (!strcmp(c->name, "kinetics"))
    kinetics_jvp8(c->x, c->xd8, c->x[c->n], c->xd8 + (size_t)c->n * K, c->r, c->rd8, c->n);
  else
    c->r[0] = logreg_loops_jvp8(c->x, c->xd8, c->x + n_pix * n_cls, c->xd8 + (size_t)n_pix * n_cls * K, images,
                                labels, n_img, n_pix, n_cls, c->rd8);
}

static void run1(const Case *c, int k) {
  if (!strcmp(c->name, "broyden_banded"))
    broyden_banded_jvp(c->x, c->xd1[k], c->r, c->rd1[k], c->n);
  else if (!strcmp(c->name, "kinetics"))
    kinetics_jvp(c->x, c->xd1[k], c->x[c->n], c->xd1[k][c->n], c->r, c->rd1[k], c->n);
  else
    c->r[0] = logreg_loops_jvp(c->x, c->xd1[k], c->x + n_pix * n_cls, c->xd1[k] + n_pix * n_cls, images, labels,
                               n_img, n_pix, n_cls, c->rd1[k]);
}

static Case make(const char *name, int n_in, int n_param, int m, unsigned long long *seed) {
  Case c = {.name = name, .n = n_param, .m = m};
  c.x = malloc(sizeof(double) * (size_t)n_in);
  c.xd8 = malloc(sizeof(double) * (size_t)n_in * K);
  c.r = malloc(sizeof(double) * (size_t)m);
  c.rd8 = malloc(sizeof(double) * (size_t)m * K);
  for (int i = 0; i < n_in; i++)
    c.x[i] = 0.5 * uniform(seed);
  for (int k = 0; k < K; k++) {
    c.xd1[k] = malloc(sizeof(double) * (size_t)n_in);
    c.rd1[k] = malloc(sizeof(double) * (size_t)m);
    for (int i = 0; i < n_in; i++)
      c.xd1[k][i] = c.xd8[(size_t)i * K + k] = uniform(seed);
  }
  return c;
}

/* Both ways give the same K derivatives (to rounding: the vector code may
 * contract differently), or the timing means nothing. */
static void release(Case *c) {
  free(c->x);
  free(c->xd8);
  free(c->r);
  free(c->rd8);
  for (int k = 0; k < K; k++) {
    free(c->xd1[k]);
    free(c->rd1[k]);
  }
}

static int check(Case *c) {
  run8(c);
  for (int k = 0; k < K; k++)
    run1(c, k);
  for (int k = 0; k < K; k++)
    for (int i = 0; i < c->m; i++) {
      double a = c->rd8[(size_t)i * K + k], b = c->rd1[k][i];
      if (!(fabs(a - b) <= 1e-12 * (1 + fabs(b)))) {
        fprintf(stderr, "bench_width: %s: direction %d, output %d: jvp8 %.17g, jvp %.17g\n", c->name, k, i, a, b);
        return -1;
      }
    }
  return 0;
}

static int cmp(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

/* Seconds per call of `what` (0: jvp8 once, 1: jvp K times), the median of
 * ROUNDS rounds of at least `seconds` each. */
static double time_it(Case *c, int what, double seconds) {
  double t[ROUNDS];
  for (int round = 0; round < ROUNDS; round++) {
    long calls = 0;
    double t0 = now(), t1;
    do {
      if (what == 0)
        run8(c);
      else
        for (int k = 0; k < K; k++)
          run1(c, k);
      calls++;
    } while ((t1 = now()) - t0 < seconds);
    t[round] = (t1 - t0) / (double)calls;
  }
  qsort(t, ROUNDS, sizeof t[0], cmp);
  return t[ROUNDS / 2];
}

int main(int argc, char **argv) {
  double seconds = argc > 1 ? atof(argv[1]) : 0.2;
  if (!(seconds > 0)) {
    fprintf(stderr, "usage: bench_width [SECONDS > 0]\n");
    return 2;
  }
  unsigned long long seed = 1;
  images = malloc(sizeof(double) * (size_t)n_img * n_pix);
  labels = malloc(sizeof(int) * (size_t)n_img);
  for (int i = 0; i < n_img * n_pix; i++)
    images[i] = 0.5 + 0.5 * uniform(&seed);
  for (int i = 0; i < n_img; i++)
    labels[i] = i % n_cls;
  Case cases[3] = {make("broyden_banded", n_res, n_res, n_res, &seed),
                   make("kinetics", n_kin + 1, n_kin, n_kin, &seed),
                   make("logreg_loops", n_pix * n_cls + n_cls, n_pix * n_cls, 1, &seed)};
  cases[1].x[n_kin] += 600; /* kinetics: the temperature, about 600 */
  int rc = 0;
  for (int i = 0; i < 3 && rc == 0; i++) {
    Case *c = &cases[i];
    if (check(c) != 0) {
      rc = 1;
      break;
    }
    c->t8 = time_it(c, 0, seconds);
    c->t1 = time_it(c, 1, seconds);
    printf("{\"function\":\"%s\",\"K\":%d,\"inputs\":%d,\"jvp8_s\":%.9g,\"jvp_x8_s\":%.9g,\"ratio\":%.4f}\n", c->name,
           K, c->n, c->t8, c->t1, c->t8 / c->t1);
  }
  for (int i = 0; i < 3; i++)
    release(&cases[i]);
  free(images);
  free(labels);
  return rc;
}
