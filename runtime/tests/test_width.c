/*
 * test_width.c -- the width-K model callback and the projection of the K
 * directional derivatives onto the directions' span (fgrt_train's
 * combine = FGRT_COMBINE_PROJECT, fgrt_project).
 *
 * The model is the quadratic f(θ) = ½ Σ a_i (θ_i - c_i)² of test_train.c,
 * whose gradient is known. Its width callback computes each ∇f·v_k with
 * the same operations in the same order as its one-direction callback, so
 * a run through the width callback must equal the K-call run bit for bit:
 * a lane taken from the wrong direction, a missing or extra call, or a
 * padding lane counted shows as a difference. The projection is checked
 * against Gram–Schmidt written here, against ∇f itself when the
 * directions span the parameters, and on dependent directions.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fgrt.h"
#include "../src/dist.h" /* a one-rank communicator without MPI */

enum { D = 10, EXAMPLES = 12, MAXW = 16 };

typedef struct {
  double a[D], c[D];
  unsigned jvp_calls, width_calls;
  unsigned lanes_used;    /* nonzero lanes seen by the width callback */
  unsigned bad_padding;   /* a lane neither a direction nor all zeros */
} quad;

static void quad_init(quad *q) {
  memset(q, 0, sizeof *q);
  for (int i = 0; i < D; i++) {
    q->a[i] = 0.5 + 0.25 * i;
    q->c[i] = cos(1.0 + i);
  }
}

/* f on the batch: each example e shifts c by 0.01 e (no data: e = 0). */
static double quad_f(const quad *q, const double *t, const fgrt_batch *b, double *grad) {
  double shift = 0;
  for (size_t e = 0; b && b->index && e < b->size; e++)
    shift += 0.01 * b->index[e] / (double)b->size;
  double f = 0;
  for (int i = 0; i < D; i++) {
    double r = t[i] - q->c[i] - shift;
    f += 0.5 * q->a[i] * r * r;
    if (grad)
      grad[i] = q->a[i] * r;
  }
  return f;
}

static double quad_jvp(void *user, const double *t, const double *v, const fgrt_batch *b, double *dfv) {
  quad *q = user;
  double g[D];
  q->jvp_calls++;
  double f = quad_f(q, t, b, g);
  *dfv = 0;
  for (int i = 0; i < D; i++)
    *dfv += g[i] * v[i];
  return f;
}

/* The width callback, as fgcc --width W would: lanes interleaved,
 * v[j*W + k]; each lane's sum in the one-direction order. */
static double quad_jvp_w(void *user, const double *t, const double *v, const fgrt_batch *b, double *dfv,
                         unsigned W) {
  quad *q = user;
  double g[D];
  q->width_calls++;
  double f = quad_f(q, t, b, g);
  for (unsigned k = 0; k < W; k++) {
    int zero = 1;
    dfv[k] = 0;
    for (int i = 0; i < D; i++) {
      dfv[k] += g[i] * v[i * W + k];
      zero &= v[i * W + k] == 0;
    }
    q->lanes_used += !zero;
  }
  return f;
}

static double quad_ff(const quad *q, const float *tf, const fgrt_batch *b, double *grad) {
  double t[D];
  for (int i = 0; i < D; i++)
    t[i] = tf[i];
  return quad_f(q, t, b, grad);
}

static double quad_jvp_f(void *user, const float *t, const float *v, const fgrt_batch *b, double *dfv) {
  quad *q = user;
  double g[D];
  q->jvp_calls++;
  double f = quad_ff(q, t, b, g);
  *dfv = 0;
  for (int i = 0; i < D; i++)
    *dfv += g[i] * v[i];
  return f;
}

static double quad_jvp_w_f(void *user, const float *t, const float *v, const fgrt_batch *b, double *dfv,
                           unsigned W) {
  quad *q = user;
  double g[D];
  q->width_calls++;
  double f = quad_ff(q, t, b, g);
  for (unsigned k = 0; k < W; k++) {
    int zero = 1;
    dfv[k] = 0;
    for (int i = 0; i < D; i++) {
      dfv[k] += g[i] * v[i * W + k];
      zero &= v[i * W + k] == 0;
    }
    q->lanes_used += !zero;
  }
  return f;
}

/* One width callback per width: the model's width is a field, the
 * generated code's a constant. */
#define WIDTH_CALLBACKS(W)                                                                                          \
  static double jvp_w##W(void *u, const double *t, const double *v, const fgrt_batch *b, double *dfv) {            \
    return quad_jvp_w(u, t, v, b, dfv, W);                                                                          \
  }                                                                                                                 \
  static double jvp_w##W##_f(void *u, const float *t, const float *v, const fgrt_batch *b, double *dfv) {          \
    return quad_jvp_w_f(u, t, v, b, dfv, W);                                                                        \
  }
WIDTH_CALLBACKS(1)
WIDTH_CALLBACKS(3)
WIDTH_CALLBACKS(4)
WIDTH_CALLBACKS(8)
WIDTH_CALLBACKS(16)

static const unsigned WIDTHS[] = {1, 3, 4, 8, 16};
static double (*const W_F64[])(void *, const double *, const double *, const fgrt_batch *, double *) = {
    jvp_w1, jvp_w3, jvp_w4, jvp_w8, jvp_w16};
static double (*const W_F32[])(void *, const float *, const float *, const fgrt_batch *, double *) = {
    jvp_w1_f, jvp_w3_f, jvp_w4_f, jvp_w8_f, jvp_w16_f};

/* The one-direction model (width callbacks NULL), or the width-only one
 * (loss_jvp NULL: the driver must call the width callback). */
static fgrt_model model_of(quad *q, int data) {
  fgrt_model m = {0};
  m.n_params = D;
  m.n_examples = data ? EXAMPLES : 0;
  m.user = q;
  m.loss_jvp = quad_jvp;
  m.loss_jvp_f = quad_jvp_f;
  return m;
}

static fgrt_model width_model_of(quad *q, int data, int wi) {
  fgrt_model m = model_of(q, data);
  m.loss_jvp = NULL, m.loss_jvp_f = NULL;
  m.width = WIDTHS[wi];
  m.loss_jvp_w = W_F64[wi];
  m.loss_jvp_w_f = W_F32[wi];
  return m;
}

static int train_in(int f32, const fgrt_model *m, const fgrt_train_opts *o, double *t, fgrt_train_result *r,
                    char *err, size_t errlen) {
  if (!f32)
    return fgrt_train(m, o, t, r, err, errlen);
  float tf[D];
  for (int i = 0; i < D; i++)
    tf[i] = (float)t[i];
  int rc = fgrt_train_f(m, o, tf, r, err, errlen);
  for (int i = 0; i < D; i++)
    t[i] = tf[i];
  return rc;
}

static fgrt_train_opts quiet_opts(void) {
  fgrt_train_opts o;
  fgrt_train_defaults(&o);
  o.progress = 0;
  return o;
}

/* ---------------------------------------------------------------- the width callback */

static void expect_width_equals_calls(int f32, int wi, unsigned K, fgrt_combine combine, const fgrt_comm *comm) {
  quad q1, q2;
  quad_init(&q1);
  quad_init(&q2);
  fgrt_model m1 = model_of(&q1, 1), m2 = width_model_of(&q2, 1, wi);
  fgrt_train_opts o = quiet_opts();
  o.steps = 20, o.batch_size = 4, o.lr = 0.02, o.directions = K, o.optimizer = FGRT_ADAM, o.combine = combine;
  o.direction = K % 2 ? FGRT_NORMAL : FGRT_RADEMACHER;
  o.clip_norm = K > 1 ? 3 : 0, o.seed = 5; /* K = 1: ‖g‖ is |d|‖v‖ on one path, ‖d v‖ on the other */
  double ref[D] = {0}, got[D] = {0};
  fgrt_train_result r1, r2;
  char err[256] = "";
  if (train_in(f32, &m1, &o, ref, &r1, err, sizeof err) != 0)
    fail_msg("K calls: %s", err);
  if (comm)
    o.mpi_directions = FGRT_MPI_SHARED, o.mpi_comm = comm;
  if (train_in(f32, &m2, &o, got, &r2, err, sizeof err) != 0)
    fail_msg("width %u: %s", WIDTHS[wi], err);
  unsigned W = WIDTHS[wi], calls = (K + W - 1) / W;
  if (memcmp(ref, got, sizeof ref) != 0 || !(fabs(r1.loss - r2.loss) <= 1e-15 * r1.loss)) /* loss: a mean over K or over the calls */
    fail_msg("f32 %d width %u K %u combine %d mpi %d: theta[0] %.17g, K calls %.17g", f32, W, K, (int)combine,
             comm != NULL, got[0], ref[0]);
  assert_int_equal(q1.jvp_calls, 20 * K);
  assert_int_equal(q2.jvp_calls, 0);
  assert_int_equal(q2.width_calls, 20 * calls);
  assert_int_equal(q2.lanes_used, 20 * K); /* the padding lanes are zeros */
  assert_int_equal(r1.dependent_directions, r2.dependent_directions);
}

/* K directions through the width callback (chunks of W, the last padded)
 * are the K-call run bit for bit: the same directions, the same
 * derivatives, the same estimate, for the mean and the projection, in
 * both precisions, with K below, equal to and above W and not a
 * multiple of it. */
static void width_callback_equals_k_calls(void **state) {
  (void)state;
  const unsigned ks[] = {1, 3, 4, 7, 8, 10};
  for (int f32 = 0; f32 < 2; f32++)
    for (int wi = 0; wi < 5; wi++)
      for (int ki = 0; ki < 6; ki++)
        for (int c = 0; c < 2; c++)
          expect_width_equals_calls(f32, wi, ks[ki], (fgrt_combine)c, NULL);
}

/* fgrt_forward_gradient_w (the custom-loop estimate through the width
 * callback) equals fgrt_forward_gradient's K calls bit for bit, in both
 * precisions, for K below, equal to and above W; the calls and lanes are
 * counted; without a width callback it is the K calls. */
static void forward_gradient_w_equals_k_calls(void **state) {
  (void)state;
  const unsigned ks[] = {1, 3, 8, 10};
  uint32_t idx[4] = {1, 5, 2, 9};
  fgrt_batch b = {idx, 4, 7, 0};
  fgrt_rng rng;
  fgrt_rng_init(&rng, 11);
  double t[D], g1[D], gw[D], work[D * (MAXW + 1)];
  float tf[D], g1f[D], gwf[D], workf[D * (MAXW + 1)];
  for (int i = 0; i < D; i++)
    t[i] = 0.3 * i - 1, tf[i] = (float)t[i];
  for (int wi = 0; wi < 5; wi++)
    for (int ki = 0; ki < 4; ki++) {
      unsigned K = ks[ki], W = WIDTHS[wi];
      fgrt_direction dist = K % 2 ? FGRT_NORMAL : FGRT_RADEMACHER;
      quad q1, q2;
      quad_init(&q1), quad_init(&q2);
      fgrt_model m1 = model_of(&q1, 1), m2 = width_model_of(&q2, 1, wi);
      double l1 = fgrt_forward_gradient(&m1, &rng, dist, K, t, &b, g1, work);
      double lw = fgrt_forward_gradient_w(&m2, &rng, dist, K, t, &b, gw, work);
      double l1f = fgrt_forward_gradient_f(&m1, &rng, dist, K, tf, &b, g1f, workf);
      double lwf = fgrt_forward_gradient_w_f(&m2, &rng, dist, K, tf, &b, gwf, workf);
      if (memcmp(g1, gw, sizeof g1) || memcmp(g1f, gwf, sizeof g1f))
        fail_msg("width %u K %u: g[0] %.17g / %.9g, K calls %.17g / %.9g", W, K, gw[0], (double)gwf[0], g1[0],
                 (double)g1f[0]);
      assert_true(fabs(l1 - lw) <= 1e-15 * fabs(l1) && fabs(l1f - lwf) <= 1e-6 * fabs(l1f));
      assert_int_equal(q2.width_calls, 2 * ((K + W - 1) / W));
      assert_int_equal(q2.lanes_used, 2 * K);
      assert_int_equal(q2.jvp_calls, 0);
      assert_true(g1[0] != 0); /* the estimate is not trivially equal */
    }
  quad q;
  quad_init(&q);
  fgrt_model m = model_of(&q, 1);
  fgrt_forward_gradient(&m, &rng, FGRT_NORMAL, 3, t, &b, g1, work);
  fgrt_forward_gradient_w(&m, &rng, FGRT_NORMAL, 3, t, &b, gw, work); /* no width callback: the K calls */
  assert_memory_equal(g1, gw, sizeof g1);
  assert_int_equal(q.jvp_calls, 6);
}

/* The collectives of a single rank. */
static int one_sum(const fgrt_comm *c, double *x, int n, char *err, size_t errlen) {
  (void)c, (void)x, (void)n, (void)err, (void)errlen;
  return 0;
}

static int one_sum_f(const fgrt_comm *c, float *x, int n, char *err, size_t errlen) {
  (void)c, (void)x, (void)n, (void)err, (void)errlen;
  return 0;
}

static int one_gather(const fgrt_comm *c, const void *mine, int bytes, void *all, char *err, size_t errlen) {
  (void)c, (void)err, (void)errlen;
  memcpy(all, mine, (size_t)bytes);
  return 0;
}

static const fgrt_comm ONE = {0, 1, one_sum, one_gather, one_sum_f};

/* Distributed (SHARED, one rank), the width callback and the projection
 * give the one-process K-call run bit for bit; so does PER_RANK with the
 * mean. */
static void width_callback_distributed(void **state) {
  (void)state;
  for (int f32 = 0; f32 < 2; f32++)
    for (int c = 0; c < 2; c++) {
      expect_width_equals_calls(f32, 2, 7, (fgrt_combine)c, &ONE);
      expect_width_equals_calls(f32, 0, 3, (fgrt_combine)c, &ONE);
    }
  for (int f32 = 0; f32 < 2; f32++) {
    quad q1, q2;
    quad_init(&q1);
    quad_init(&q2);
    fgrt_model m1 = model_of(&q1, 0), m2 = width_model_of(&q2, 0, 1);
    fgrt_train_opts o = quiet_opts();
    o.steps = 15, o.lr = 0.05, o.directions = 5;
    double ref[D] = {0}, got[D] = {0};
    assert_int_equal(train_in(f32, &m1, &o, ref, NULL, NULL, 0), 0);
    o.mpi_directions = FGRT_MPI_PER_RANK, o.mpi_comm = &ONE;
    assert_int_equal(train_in(f32, &m2, &o, got, NULL, NULL, 0), 0);
    assert_memory_equal(ref, got, sizeof ref);
    assert_int_equal(q2.width_calls, 15 * 2);
  }
}

/* A model with both callbacks trains through the width one. */
static void width_callback_preferred(void **state) {
  (void)state;
  quad q;
  quad_init(&q);
  fgrt_model m = width_model_of(&q, 0, 3);
  m.loss_jvp = quad_jvp;
  fgrt_train_opts o = quiet_opts();
  o.steps = 4, o.directions = 8;
  double t[D] = {0};
  assert_int_equal(fgrt_train(&m, &o, t, NULL, NULL, 0), 0);
  assert_int_equal(q.jvp_calls, 0);
  assert_int_equal(q.width_calls, 4);
}

/* ---------------------------------------------------------------- the projection by hand */

/* The projection of x onto span(V's K columns) by modified Gram–Schmidt,
 * skipping columns whose remainder is below 1e-9 of their norm. */
static void project_by_gram_schmidt(const double *V, size_t n, unsigned K, const double *x, double *out) {
  double q[D * D];
  unsigned r = 0;
  for (unsigned k = 0; k < K; k++) {
    double *u = q + (size_t)r * n, norm0 = 0, norm = 0;
    for (size_t i = 0; i < n; i++)
      u[i] = V[k * n + i], norm0 += u[i] * u[i];
    for (unsigned p = 0; p < r; p++) {
      double dot = 0;
      for (size_t i = 0; i < n; i++)
        dot += q[p * n + i] * u[i];
      for (size_t i = 0; i < n; i++)
        u[i] -= dot * q[p * n + i];
    }
    for (size_t i = 0; i < n; i++)
      norm += u[i] * u[i];
    if (norm <= 1e-18 * norm0 || norm0 == 0)
      continue;
    for (size_t i = 0; i < n; i++)
      u[i] /= sqrt(norm);
    r++;
  }
  for (size_t i = 0; i < n; i++)
    out[i] = 0;
  for (unsigned p = 0; p < r; p++) {
    double dot = 0;
    for (size_t i = 0; i < n; i++)
      dot += q[p * n + i] * x[i];
    for (size_t i = 0; i < n; i++)
      out[i] += dot * q[p * n + i];
  }
}

static void dots(const double *V, size_t n, unsigned K, const double *x, double *d) {
  for (unsigned k = 0; k < K; k++) {
    d[k] = 0;
    for (size_t i = 0; i < n; i++)
      d[k] += V[k * n + i] * x[i];
  }
}

static double max_abs_diff(const double *a, const double *b, size_t n) {
  double m = 0;
  for (size_t i = 0; i < n; i++)
    m = fmax(m, fabs(a[i] - b[i]));
  return m;
}

/* K normal directions and a vector x: fgrt_project(V, Vᵀx) is the
 * Gram–Schmidt projection of x for every K <= n (to 1e-12), x itself for
 * K = n, and its remainder x - g is orthogonal to every direction. */
static void projection_is_least_squares(void **state) {
  (void)state;
  fgrt_rng rng;
  fgrt_rng_init(&rng, 3);
  double V[D * D], x[D], d[D], g[D], want[D], work[D * D + D];
  fgrt_fill_normal(&rng, 99, 999, 0, x, D);
  for (unsigned K = 1; K <= D; K++) {
    for (unsigned k = 0; k < K; k++)
      fgrt_fill_normal(&rng, 7, k, 0, V + k * D, D);
    dots(V, D, K, x, d);
    assert_int_equal(fgrt_project(V, D, K, d, g, work), K);
    project_by_gram_schmidt(V, D, K, x, want);
    if (!(max_abs_diff(g, want, D) < 1e-12))
      fail_msg("K %u: off the Gram-Schmidt projection by %g", K, max_abs_diff(g, want, D));
    double rem[D], rd[D];
    for (int i = 0; i < D; i++)
      rem[i] = x[i] - g[i];
    dots(V, D, K, rem, rd);
    for (unsigned k = 0; k < K; k++)
      assert_true(fabs(rd[k]) < 1e-12);
    if (K == D)
      assert_true(max_abs_diff(g, x, D) < 1e-12);
  }
  /* K = 1: (v·x / v·v) v exactly as by hand */
  double v1 = 0, vx = 0;
  for (int i = 0; i < D; i++)
    v1 += V[i] * V[i], vx += V[i] * x[i];
  dots(V, D, 1, x, d);
  fgrt_project(V, D, 1, d, g, work);
  for (int i = 0; i < D; i++)
    assert_true(fabs(g[i] - vx / v1 * V[i]) < 1e-15);
}

/* In float: the directions are floats, the solve in double, g summed in
 * float; within float rounding of the double projection of the same
 * values. */
static void projection_f_within_float_rounding(void **state) {
  (void)state;
  fgrt_rng rng;
  fgrt_rng_init(&rng, 4);
  float V[D * D], g[D];
  double Vd[D * D], x[D], d[D], want[D], work[D * D + D];
  fgrt_fill_normal(&rng, 1, 0, 0, x, D);
  for (unsigned K = 1; K <= D; K += 3) {
    for (unsigned k = 0; k < K; k++)
      fgrt_fill_normal_f(&rng, 2, k, 0, V + k * D, D);
    for (unsigned i = 0; i < K * D; i++)
      Vd[i] = V[i];
    dots(Vd, D, K, x, d);
    assert_int_equal(fgrt_project_f(V, D, K, d, g, work), K);
    project_by_gram_schmidt(Vd, D, K, x, want);
    double scale = 0;
    for (int i = 0; i < D; i++)
      scale = fmax(scale, fabs(x[i]));
    for (int i = 0; i < D; i++)
      if (!(fabs(g[i] - want[i]) < 1e-5 * scale * K))
        fail_msg("K %u: g[%d] = %.9g, projection %.9g", K, i, g[i], want[i]);
  }
}

/* Dependent directions are dropped and g is still the projection onto
 * their span: a repeated direction, a combination of two earlier ones, a
 * zero direction, and all of them zero. */
static void projection_drops_dependent_directions(void **state) {
  (void)state;
  fgrt_rng rng;
  fgrt_rng_init(&rng, 5);
  double V[6 * D], x[D], d[6], g[D], want[D], work[6 * 6 + 6];
  fgrt_fill_normal(&rng, 0, 100, 0, x, D);
  fgrt_fill_normal(&rng, 0, 0, 0, V, D);
  fgrt_fill_normal(&rng, 0, 1, 0, V + D, D);
  for (int i = 0; i < D; i++) {
    V[2 * D + i] = V[i];                     /* v2 = v0 */
    V[3 * D + i] = 2 * V[D + i] - 0.5 * V[i]; /* v3 in span(v0, v1) */
    V[4 * D + i] = 0;                        /* v4 = 0 */
  }
  fgrt_fill_normal(&rng, 0, 5, 0, V + 5 * D, D);
  dots(V, D, 6, x, d);
  assert_int_equal(fgrt_project(V, D, 6, d, g, work), 3);
  project_by_gram_schmidt(V, D, 6, x, want);
  if (!(max_abs_diff(g, want, D) < 1e-12))
    fail_msg("off the projection onto span(v0, v1, v5) by %g", max_abs_diff(g, want, D));
  for (int i = 0; i < 3 * D; i++)
    V[i] = 0;
  dots(V, D, 3, x, d);
  assert_int_equal(fgrt_project(V, D, 3, d, g, work), 0);
  for (int i = 0; i < D; i++)
    assert_true(g[i] == 0);
}

/* ---------------------------------------------------------------- the projection in the driver */

/* With K = n directions the projection is ∇f: one SGD step from θ0 is
 * θ0 - lr ∇f(θ0) to rounding, with normal and with Rademacher directions
 * (when independent), in float64 and float32. The mean is not. */
static void projection_step_with_n_directions_is_gradient_step(void **state) {
  (void)state;
  for (int f32 = 0; f32 < 2; f32++)
    for (int dist = 0; dist < 2; dist++) {
      quad q;
      quad_init(&q);
      fgrt_model m = model_of(&q, 0);
      fgrt_train_opts o = quiet_opts();
      o.steps = 1, o.lr = 0.1, o.directions = D, o.combine = FGRT_COMBINE_PROJECT;
      o.direction = dist ? FGRT_RADEMACHER : FGRT_NORMAL;
      double t[D], want[D], grad[D];
      for (int i = 0; i < D; i++)
        t[i] = 0.25 * i - 1;
      quad_f(&q, t, NULL, grad);
      for (int i = 0; i < D; i++)
        want[i] = t[i] - 0.1 * grad[i];
      fgrt_train_result r;
      char err[256];
      for (o.seed = 1; o.seed < 50; o.seed++) { /* Rademacher: a seed whose 10 directions are independent */
        double t1[D];
        memcpy(t1, t, sizeof t);
        assert_int_equal(train_in(f32, &m, &o, t1, &r, err, sizeof err), 0);
        if (r.dependent_directions)
          continue;
        double tol = f32 ? 1e-5 : 1e-13;
        if (!(max_abs_diff(t1, want, D) < tol))
          fail_msg("f32 %d dist %d: off the gradient step by %g", f32, dist, max_abs_diff(t1, want, D));
        break;
      }
      assert_int_equal(r.dependent_directions, 0);
      o.combine = FGRT_COMBINE_MEAN; /* the mean of 10 directions is far from ∇f */
      double t2[D];
      memcpy(t2, t, sizeof t);
      assert_int_equal(train_in(f32, &m, &o, t2, NULL, NULL, 0), 0);
      assert_true(max_abs_diff(t2, want, D) > 1e-3);
    }
}

/* Three SGD steps with K < n: each the projection by hand, with the
 * directions of (seed, step, k) and the derivatives of ∇f at that step's
 * θ, bit for bit. */
static void projection_steps_by_hand(void **state) {
  (void)state;
  quad q;
  quad_init(&q);
  fgrt_model m = model_of(&q, 0);
  fgrt_train_opts o = quiet_opts();
  o.steps = 3, o.lr = 0.07, o.directions = 4, o.combine = FGRT_COMBINE_PROJECT, o.seed = 9;
  double t[D], want[D];
  for (int i = 0; i < D; i++)
    t[i] = want[i] = 0.1 * i;
  fgrt_train_result r;
  assert_int_equal(fgrt_train(&m, &o, t, &r, NULL, 0), 0);
  fgrt_rng rng;
  fgrt_rng_init(&rng, 9);
  for (uint64_t step = 0; step < 3; step++) {
    double V[4 * D], grad[D], d[4], g[D], work[4 * 4 + 4];
    quad_f(&q, want, NULL, grad);
    for (unsigned k = 0; k < 4; k++)
      fgrt_fill_normal(&rng, step, k, 0, V + k * D, D);
    for (unsigned k = 0; k < 4; k++) { /* as quad_jvp sums */
      d[k] = 0;
      for (int i = 0; i < D; i++)
        d[k] += grad[i] * V[k * D + i];
    }
    fgrt_project(V, D, 4, d, g, work);
    for (int i = 0; i < D; i++)
      want[i] -= 0.07 * (1.0 * g[i] + 0.0 * want[i]);
  }
  assert_memory_equal(t, want, sizeof t);
}

/* Rademacher directions in 10 dimensions are often dependent: the run
 * counts the dropped ones, stays finite and converges; normal directions
 * never are. */
static void projection_counts_dependent_rademacher_directions(void **state) {
  (void)state;
  for (int dist = 0; dist < 2; dist++) {
    quad q;
    quad_init(&q);
    fgrt_model m = model_of(&q, 0);
    fgrt_train_opts o = quiet_opts();
    o.steps = 300, o.lr = 0.2, o.directions = D, o.combine = FGRT_COMBINE_PROJECT;
    o.direction = dist ? FGRT_RADEMACHER : FGRT_NORMAL;
    double t[D] = {0};
    fgrt_train_result r;
    assert_int_equal(fgrt_train(&m, &o, t, &r, NULL, 0), 0);
    if (dist)
      assert_true(r.dependent_directions > 0);
    else
      assert_int_equal(r.dependent_directions, 0);
    double dist2 = 0;
    for (int i = 0; i < D; i++)
      dist2 += (t[i] - q.c[i]) * (t[i] - q.c[i]);
    assert_true(sqrt(dist2) < 1e-6);
  }
}

/* The projection keeps no state across steps: 15 steps, a checkpoint,
 * resumed to 30 (through the width callback) equal 30 steps straight, bit
 * for bit, with Adam and minibatches, in both precisions. */
static void projection_resume_is_exact(void **state) {
  (void)state;
  char ck[] = "/tmp/fgrt_test_width_XXXXXX";
  int fd = mkstemp(ck);
  assert_true(fd >= 0);
  close(fd);
  for (int f32 = 0; f32 < 2; f32++) {
    quad q;
    quad_init(&q);
    fgrt_model m = width_model_of(&q, 1, 1);
    fgrt_train_opts o = quiet_opts();
    o.steps = 30, o.batch_size = 4, o.lr = 0.05, o.directions = 5, o.optimizer = FGRT_ADAM;
    o.combine = FGRT_COMBINE_PROJECT;
    double straight[D] = {0}, resumed[D] = {0}, garbage[D];
    assert_int_equal(train_in(f32, &m, &o, straight, NULL, NULL, 0), 0);
    o.steps = 15, o.checkpoint_path = ck;
    assert_int_equal(train_in(f32, &m, &o, resumed, NULL, NULL, 0), 0);
    for (int i = 0; i < D; i++)
      garbage[i] = 100.0 * i;
    o.steps = 30, o.checkpoint_path = NULL, o.resume_path = ck;
    fgrt_train_result r;
    char err[256] = "";
    if (train_in(f32, &m, &o, garbage, &r, err, sizeof err) != 0)
      fail_msg("resume: %s", err);
    assert_int_equal(r.steps, 30);
    assert_memory_equal(garbage, straight, sizeof straight);
  }
  unlink(ck);
}

/* ---------------------------------------------------------------- refusals */

/* A distributed run's message names the rank it began on. */
static void expect_refused(int f32, const fgrt_model *m, const fgrt_train_opts *o, const char *message) {
  double t[D] = {0};
  char err[300] = "", want[300];
  snprintf(want, sizeof want, "%s%s%s", o->mpi_comm ? "rank 0: " : "", f32 ? "fgrt_train_f" : "fgrt_train",
           message + strlen("fgrt_train"));
  quad *q = m->user;
  if (train_in(f32, m, o, t, NULL, err, sizeof err) != -1 || strcmp(err, want) != 0)
    fail_msg("got '%s', expected '%s'", err, want);
  assert_int_equal(q->jvp_calls + q->width_calls, 0);
}

/* An unknown combination, more directions than parameters to project,
 * the projection with per-rank directions and a width callback of width
 * 0 are refused before any callback, with their messages; the exact
 * method ignores combine, as plain SGD ignores Adam's constants. */
static void refuses_bad_width_and_combine(void **state) {
  (void)state;
  for (int f32 = 0; f32 < 2; f32++) {
    quad q;
    quad_init(&q);
    fgrt_model m = model_of(&q, 0);
    fgrt_train_opts o = quiet_opts();
    o.combine = (fgrt_combine)2;
    expect_refused(f32, &m, &o, "fgrt_train: combine is 2; expected FGRT_COMBINE_MEAN or FGRT_COMBINE_PROJECT");
    o = quiet_opts();
    o.combine = FGRT_COMBINE_PROJECT, o.directions = D + 1;
    expect_refused(f32, &m, &o,
                   "fgrt_train: directions is 11; expected at most n_params (10) with FGRT_COMBINE_PROJECT (the Gram "
                   "matrix of more directions than parameters is singular)");
    o.directions = 2, o.mpi_directions = FGRT_MPI_PER_RANK, o.mpi_comm = &ONE;
    expect_refused(f32, &m, &o,
                   "fgrt_train: FGRT_COMBINE_PROJECT needs FGRT_MPI_SHARED (with FGRT_MPI_PER_RANK each rank's "
                   "derivatives are of its own share of the batch)");
    fgrt_model w = width_model_of(&q, 0, 2);
    w.width = 0;
    o = quiet_opts();
    expect_refused(f32, &w, &o,
                   f32 ? "fgrt_train: the model has a loss_jvp_w_f callback but width is 0; expected the directions "
                         "per call, >= 1"
                       : "fgrt_train: the model has a loss_jvp_w callback but width is 0; expected the directions "
                         "per call, >= 1");
    w = width_model_of(&q, 0, 2);
    if (f32)
      w.loss_jvp_w_f = NULL;
    else
      w.loss_jvp_w = NULL;
    expect_refused(f32, &w, &o,
                   f32 ? "fgrt_train: the model has no loss_jvp_f callback for this method"
                       : "fgrt_train: the model has no loss_jvp callback for this method");
  }
  quad q;
  quad_init(&q);
  fgrt_model m = model_of(&q, 0);
  fgrt_train_opts o = quiet_opts();
  o.method = FGRT_EXACT_GRADIENT, o.combine = FGRT_COMBINE_PROJECT, o.directions = D + 1;
  char err[300] = "";
  assert_int_equal(fgrt_train(&m, &o, (double[D]){0}, NULL, err, sizeof err), -1);
  assert_non_null(strstr(err, "no loss_grad callback")); /* not the projection's refusal */
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(width_callback_equals_k_calls),
      cmocka_unit_test(width_callback_distributed),
      cmocka_unit_test(forward_gradient_w_equals_k_calls),
      cmocka_unit_test(width_callback_preferred),
      cmocka_unit_test(projection_is_least_squares),
      cmocka_unit_test(projection_f_within_float_rounding),
      cmocka_unit_test(projection_drops_dependent_directions),
      cmocka_unit_test(projection_step_with_n_directions_is_gradient_step),
      cmocka_unit_test(projection_steps_by_hand),
      cmocka_unit_test(projection_counts_dependent_rademacher_directions),
      cmocka_unit_test(projection_resume_is_exact),
      cmocka_unit_test(refuses_bad_width_and_combine),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
