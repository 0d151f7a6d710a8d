/*
 * test_mpi.c -- distributed training on MPI (docs/distributed.md), run by
 * ctest as `mpirun -np P test_mpi all` for P = 1, 2 and 4, and as
 * `test_mpi kill|exit` by mpi_fault.sh.
 *
 * The model is least squares on a small synthetic data set, written here
 * in float64 and float32, with its exact ∇f·v. Checked on every rank, then
 * agreed (the test passes only if every rank's checks pass):
 *  - shared: the run equals the one-process run of the same seed, loss by
 *    loss at every step (to rounding) and in its final parameters;
 *  - per-rank: the first step is the hand-computed mean over the ranks'
 *    own directions (index r*K + k) on their shares; training learns; with
 *    one rank it is the one-process run bit for bit;
 *  - a rank's corrupted parameter stops every rank at the next hash check,
 *    naming the step and the rank;
 *  - a set-up failure on one rank (a missing checkpoint), a checkpoint that
 *    cannot be written on rank 0, options that differ on one rank: every
 *    rank returns an error naming the rank, none waits forever;
 *  - rank 0's request to stop and one rank's interrupt stop every rank
 *    after the same step; a NaN on one rank's share is a divergence at the
 *    same step on every rank;
 *  - a checkpoint of a run on P/2 ranks resumes on P ranks and ends where
 *    the one-process run ends;
 *  - the exact method (backprop) all-reduces the gradient as DDP does and
 *    follows the one-process run too;
 *  - the bytes per step are 8(K+3) shared, 8P(K+2) per rank, n values + 24
 *    for the exact method.
 * `kill` and `exit` make the last rank die mid-run (SIGKILL, exit 3): the
 * script checks that the job ends with an error naming that rank.
 */
#include <math.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fgrt.h"
#include "fgrt_mpi.h"

enum { D = 6, N = 96, BATCH = 32, STEPS = 60 };

static double X[N][D], Y[N];
static int rank, size, failures;

/* ---------------------------------------------------------------- the model */

/* y = w*·x + noise, x with a constant 1 (the bias) */
static void make_data(void) {
  fgrt_rng r;
  fgrt_rng_init(&r, 7);
  for (int i = 0; i < N; i++) {
    Y[i] = 0.1 * (2 * fgrt_uniform01(&r, 0, 2, (uint64_t)i) - 1);
    for (int j = 0; j < D; j++) {
      X[i][j] = j == D - 1 ? 1 : 2 * fgrt_uniform01(&r, 0, 1, (uint64_t)(i * D + j)) - 1;
      Y[i] += (0.5 + j) * X[i][j] * (j % 2 ? -1 : 1);
    }
  }
}

/* What a test wants from the callbacks: the data-set loss after each
 * evaluation, a corruption, an interrupt, a death. */
typedef struct {
  double curve[STEPS + 1];
  int evals;
  int stop_at;                 /* eval returns 1 after this step (0: never) */
  int corrupt_rank, corrupt_step;
  int interrupt_rank, interrupt_step;
  int die_rank, die_step, die_how; /* 1: SIGKILL, 2: exit(3) */
  int nan_rank, nan_step;      /* this rank's loss is NaN at this step (0: never) */
  double *theta;               /* the vector being trained (corruption) */
  float *theta_f;
  volatile sig_atomic_t interrupt;
  int width;                   /* the model has the width-2 callback */
} hooks;

static hooks H;

static void on_step(uint64_t step) {
  if (H.corrupt_step && (int)step == H.corrupt_step && rank == H.corrupt_rank) {
    if (H.theta)
      H.theta[0] += 1e-3;
    if (H.theta_f)
      H.theta_f[0] += 1e-3f;
  }
  if (H.interrupt_step && (int)step == H.interrupt_step && rank == H.interrupt_rank)
    H.interrupt = 1;
  if (H.die_how && (int)step == H.die_step && rank == H.die_rank) {
    if (H.die_how == 1)
      raise(SIGKILL);
    exit(3);
  }
}

static double jvp64(void *user, const double *t, const double *v, const fgrt_batch *b, double *dfv) {
  (void)user;
  double f = 0, d = 0;
  on_step(b->step);
  for (size_t k = 0; k < b->size; k++) {
    const double *x = X[b->index[k]];
    double e = -Y[b->index[k]], xv = 0;
    for (int j = 0; j < D; j++)
      e += t[j] * x[j], xv += v[j] * x[j];
    f += 0.5 * e * e;
    d += e * xv;
  }
  *dfv = d / (double)b->size;
  return H.nan_step && (int)b->step == H.nan_step && rank == H.nan_rank ? NAN : f / (double)b->size;
}

/* The same in float, as a float model computes it. */
static double jvp32(void *user, const float *t, const float *v, const fgrt_batch *b, double *dfv) {
  (void)user;
  float f = 0, d = 0;
  on_step(b->step);
  for (size_t k = 0; k < b->size; k++) {
    const double *x = X[b->index[k]];
    float e = (float)-Y[b->index[k]], xv = 0;
    for (int j = 0; j < D; j++)
      e += t[j] * (float)x[j], xv += v[j] * (float)x[j];
    f += 0.5f * e * e;
    d += e * xv;
  }
  *dfv = d / (float)b->size;
  return f / (float)b->size;
}

/* Two directions a call, interleaved (v[j*2 + l]), as fgcc --width 2
 * generates; the loss as jvp64 / jvp32 compute it. */
enum { W = 2 };
static double jvpw64(void *user, const double *t, const double *v, const fgrt_batch *b, double *dfv) {
  double f = 0;
  for (int l = 0; l < W; l++) {
    double lane[D];
    for (int j = 0; j < D; j++)
      lane[j] = v[j * W + l];
    f = jvp64(user, t, lane, b, &dfv[l]);
  }
  return f;
}

static double jvpw32(void *user, const float *t, const float *v, const fgrt_batch *b, double *dfv) {
  double f = 0;
  for (int l = 0; l < W; l++) {
    float lane[D];
    for (int j = 0; j < D; j++)
      lane[j] = v[j * W + l];
    f = jvp32(user, t, lane, b, &dfv[l]);
  }
  return f;
}

/* The exact gradient (the DDP baseline), in double and in float. */
static double grad64(void *user, const double *t, const fgrt_batch *b, double *g) {
  (void)user;
  double f = 0;
  memset(g, 0, D * sizeof *g);
  for (size_t k = 0; k < b->size; k++) {
    const double *x = X[b->index[k]];
    double e = -Y[b->index[k]];
    for (int j = 0; j < D; j++)
      e += t[j] * x[j];
    f += 0.5 * e * e;
    for (int j = 0; j < D; j++)
      g[j] += e * x[j] / (double)b->size;
  }
  return f / (double)b->size;
}

static double grad32(void *user, const float *t, const fgrt_batch *b, float *g) {
  (void)user;
  float f = 0;
  memset(g, 0, D * sizeof *g);
  for (size_t k = 0; k < b->size; k++) {
    const double *x = X[b->index[k]];
    float e = (float)-Y[b->index[k]];
    for (int j = 0; j < D; j++)
      e += t[j] * (float)x[j];
    f += 0.5f * e * e;
    for (int j = 0; j < D; j++)
      g[j] += e * (float)x[j] / (float)b->size;
  }
  return f / (float)b->size;
}

static double data_loss(const double *t) {
  double f = 0;
  for (int i = 0; i < N; i++) {
    double e = -Y[i];
    for (int j = 0; j < D; j++)
      e += t[j] * X[i][j];
    f += 0.5 * e * e;
  }
  return f / N;
}

static int record(uint64_t step, double loss, double *metrics) {
  metrics[0] = loss;
  if (step <= STEPS)
    H.curve[step] = loss;
  H.evals++;
  return H.stop_at && (int)step >= H.stop_at;
}

static int eval64(void *user, const double *t, uint64_t step, double *metrics) {
  (void)user;
  return record(step, data_loss(t), metrics);
}

static int eval32(void *user, const float *t, uint64_t step, double *metrics) {
  (void)user;
  double w[D];
  for (int j = 0; j < D; j++)
    w[j] = t[j];
  return record(step, data_loss(w), metrics);
}

static const char *const names[] = {"data_loss"};

static fgrt_model model(void) {
  fgrt_model m = {.n_params = D, .n_examples = N, .loss_jvp = jvp64, .loss_jvp_f = jvp32, .loss_grad = grad64,
                  .loss_grad_f = grad32, .eval = eval64,
                  .eval_f = eval32, .n_metrics = 1, .metric_names = names};
  return m;
}

static fgrt_train_opts options(fgrt_mpi_directions mode, const fgrt_comm *comm, unsigned k) {
  fgrt_train_opts o;
  fgrt_train_defaults(&o);
  o.steps = STEPS;
  o.batch_size = BATCH;
  o.lr = 0.02;
  o.directions = k;
  o.progress = 0;
  o.log_every = 1;
  o.eval_every = 1;
  o.mpi_directions = mode;
  o.mpi_comm = mode == FGRT_MPI_NONE ? NULL : comm;
  o.mpi_check_every = 5;
  return o;
}

/* ---------------------------------------------------------------- checks */

static void check(int ok, const char *fmt, ...) {
  if (ok)
    return;
  va_list ap;
  va_start(ap, fmt);
  fprintf(stderr, "test_mpi: rank %d of %d: FAIL: ", rank, size);
  vfprintf(stderr, fmt, ap);
  fputc('\n', stderr);
  va_end(ap);
  failures++;
}

/* Trains in one precision: theta starts at zero. f32 uses fgrt_train_f and
 * returns the float parameters widened. */
static int train(const fgrt_train_opts *o, int f32, double *theta, fgrt_train_result *res, char *err, size_t n) {
  fgrt_model m = model();
  if (H.width)
    m.width = W, m.loss_jvp_w = jvpw64, m.loss_jvp_w_f = jvpw32;
  memset(&H.curve, 0, sizeof H.curve);
  H.evals = 0;
  if (!f32) {
    memset(theta, 0, D * sizeof *theta);
    H.theta = theta;
    int rc = fgrt_train(&m, o, theta, res, err, n);
    H.theta = NULL;
    return rc;
  }
  float t[D] = {0};
  H.theta_f = t;
  int rc = fgrt_train_f(&m, o, t, res, err, n);
  H.theta_f = NULL;
  for (int j = 0; j < D; j++)
    theta[j] = t[j];
  return rc;
}

static double max_rel(const double *a, const double *b, int n) {
  double worst = 0;
  for (int i = 0; i < n; i++) {
    double d = fabs(a[i] - b[i]) / fmax(fabs(b[i]), 1e-12);
    worst = d > worst || isnan(d) ? d : worst;
  }
  return worst;
}

/* shared: the one-process run, step by step, to rounding. */
static void shared_equals_single(const fgrt_comm *comm, int f32, unsigned k, fgrt_optimizer opt) {
  double ref[D], got[D], ref_curve[STEPS + 1], tol = f32 ? 1e-4 : 1e-10;
  char err[1024];
  fgrt_train_result r1, rp;
  fgrt_train_opts o = options(FGRT_MPI_NONE, NULL, k);
  o.optimizer = opt;
  o.clip_norm = k == 1 ? 5 : 0;
  check(train(&o, f32, ref, &r1, err, sizeof err) == 0, "single run: %s", err);
  memcpy(ref_curve, H.curve, sizeof ref_curve);
  o.mpi_directions = FGRT_MPI_SHARED;
  o.mpi_comm = comm;
  check(train(&o, f32, got, &rp, err, sizeof err) == 0, "shared run: %s", err);
  check(max_rel(got, ref, D) < tol, "shared %s K=%u: parameters differ from one process by %g", f32 ? "f32" : "f64",
        k, max_rel(got, ref, D));
  if (rank == 0)
    check(max_rel(H.curve + 1, ref_curve + 1, STEPS) < tol, "shared %s K=%u: losses differ by %g", f32 ? "f32" : "f64",
          k, max_rel(H.curve + 1, ref_curve + 1, STEPS));
  check(rp.ranks == size && rp.comm_bytes_per_step == 8u * (k + 3), "shared: %d ranks, %llu bytes per step", rp.ranks,
        (unsigned long long)rp.comm_bytes_per_step);
  check(rp.evaluated && fabs(rp.metrics[0] - r1.metrics[0]) <= tol * fabs(r1.metrics[0]),
        "shared: final metric %g on this rank, one process %g", rp.metrics[0], r1.metrics[0]);
}

/* shared with the width callback (K = 3 in two calls of 2) and either
 * combination: the one-process run with K loss_jvp calls, to rounding;
 * per-rank with the width callback learns as with loss_jvp. */
static void shared_width_equals_single(const fgrt_comm *comm, int f32, fgrt_combine combine) {
  double ref[D], got[D], tol = f32 ? 1e-4 : 1e-10;
  char err[1024];
  fgrt_train_opts o = options(FGRT_MPI_NONE, NULL, 3);
  o.combine = combine;
  check(train(&o, f32, ref, NULL, err, sizeof err) == 0, "single run: %s", err);
  o.mpi_directions = FGRT_MPI_SHARED;
  o.mpi_comm = comm;
  H.width = 1;
  check(train(&o, f32, got, NULL, err, sizeof err) == 0, "shared width run: %s", err);
  check(max_rel(got, ref, D) < tol, "shared width %s combine %d: parameters differ from one process by %g",
        f32 ? "f32" : "f64", (int)combine, max_rel(got, ref, D));
  o.mpi_directions = FGRT_MPI_PER_RANK;
  o.combine = FGRT_COMBINE_MEAN;
  check(train(&o, f32, got, NULL, err, sizeof err) == 0, "per-rank width run: %s", err);
  H.width = 0;
  double again[D];
  check(train(&o, f32, again, NULL, err, sizeof err) == 0, "per-rank run: %s", err);
  check(max_rel(got, again, D) < tol, "per-rank width %s: differs from loss_jvp by %g", f32 ? "f32" : "f64",
        max_rel(got, again, D));
}

/* The exact method all-reduces the gradient (DDP): the one-process run to
 * rounding, n values of the precision (+ 3 scalars) a step. */
static void exact_equals_single(const fgrt_comm *comm, int f32) {
  double ref[D], got[D], tol = f32 ? 1e-4 : 1e-10;
  char err[1024];
  fgrt_train_result r1, rp;
  fgrt_train_opts o = options(FGRT_MPI_NONE, NULL, 1);
  o.method = FGRT_EXACT_GRADIENT;
  o.optimizer = FGRT_MOMENTUM;
  check(train(&o, f32, ref, &r1, err, sizeof err) == 0, "single exact run: %s", err);
  o.mpi_directions = FGRT_MPI_SHARED;
  o.mpi_comm = comm;
  check(train(&o, f32, got, &rp, err, sizeof err) == 0, "exact shared run: %s", err);
  check(max_rel(got, ref, D) < tol, "exact %s: parameters differ from one process by %g", f32 ? "f32" : "f64",
        max_rel(got, ref, D));
  check(rp.comm_bytes_per_step == (f32 ? 4u : 8u) * D + 24, "exact: %llu bytes per step",
        (unsigned long long)rp.comm_bytes_per_step);
}

/* per-rank, step 0 by hand: θ1 = -lr Σ_r Σ_k (w_r d_rk / K) v_rk from θ0 = 0. */
static void per_rank_first_step(const fgrt_comm *comm) {
  enum { K = 2 };
  double got[D], want[D] = {0}, zero[D] = {0}, v[D];
  char err[1024];
  fgrt_train_result res;
  fgrt_train_opts o = options(FGRT_MPI_PER_RANK, comm, K);
  o.steps = 1;
  o.shuffle = 0; /* batch 0 is examples 0..BATCH-1 */
  fgrt_rng rng;
  fgrt_rng_init(&rng, o.seed);
  uint32_t idx[BATCH];
  for (int i = 0; i < BATCH; i++)
    idx[i] = (uint32_t)i;
  for (int r = 0; r < size; r++) {
    size_t lo = (size_t)BATCH * r / size, hi = (size_t)BATCH * (r + 1) / size;
    fgrt_batch share = {idx + lo, hi - lo, 0, 0};
    for (int k = 0; k < K && hi > lo; k++) {
      double d;
      fgrt_fill_normal(&rng, 0, (uint32_t)(r * K + k), 0, v, D);
      jvp64(NULL, zero, v, &share, &d);
      double c = (double)(hi - lo) / BATCH * d / K;
      for (int j = 0; j < D; j++)
        want[j] -= o.lr * (c * v[j]);
    }
  }
  check(train(&o, 0, got, &res, err, sizeof err) == 0, "per-rank step: %s", err);
  check(max_rel(got, want, D) < 1e-12, "per-rank: step 0 differs from the hand computation by %g",
        max_rel(got, want, D));
  check(res.comm_bytes_per_step == 8u * size * (K + 2), "per-rank: %llu bytes per step",
        (unsigned long long)res.comm_bytes_per_step);
}

/* per-rank learns, in both precisions; one rank is the one-process run. */
static void per_rank_learns(const fgrt_comm *comm, int f32) {
  double got[D], ref[D], zero[D] = {0};
  char err[1024];
  fgrt_train_result res;
  fgrt_train_opts o = options(FGRT_MPI_PER_RANK, comm, 1);
  o.lr = 0.05;
  check(train(&o, f32, got, &res, err, sizeof err) == 0, "per-rank run: %s", err);
  check(data_loss(got) < 0.1 * data_loss(zero), "per-rank %s: loss %g from %g: did not learn", f32 ? "f32" : "f64",
        data_loss(got), data_loss(zero));
  if (size == 1) {
    o.mpi_directions = FGRT_MPI_NONE;
    o.mpi_comm = NULL;
    check(train(&o, f32, ref, &res, err, sizeof err) == 0, "single run: %s", err);
    check(memcmp(got, ref, sizeof got) == 0, "per-rank on one rank: not the one-process run bit for bit");
  }
}

/* An error every rank must return; `want` in the message on every rank,
 * `mine` too on the rank where it began. */
static void expect_error(const fgrt_train_opts *o, const char *what, const char *want, int origin, const char *mine) {
  double theta[D];
  char err[1024] = "";
  fgrt_train_result res;
  int rc = train(o, 0, theta, &res, err, sizeof err);
  check(rc == -1, "%s: fgrt_train returned %d", what, rc);
  check(strstr(err, want) != NULL, "%s: expected '%s' in: %s", what, want, err);
  check(rank != origin || (strstr(err, mine) && res.error_here), "%s: expected '%s' here in: %s", what, mine, err);
}

static void corruption_detected(const fgrt_comm *comm) {
  char want[64];
  fgrt_train_opts o = options(FGRT_MPI_SHARED, comm, 1);
  H.corrupt_rank = size - 1;
  H.corrupt_step = 7;
  snprintf(want, sizeof want, "on rank %d", size - 1);
  expect_error(&o, "corruption", "step 10: the parameters are no longer bit-identical", -1, "");
  expect_error(&o, "corruption", want, -1, "");
  H.corrupt_step = 0;
}

static void failures_named(const fgrt_comm *comm) {
  char want[64];
  fgrt_train_opts o = options(FGRT_MPI_PER_RANK, comm, 1);
  if (rank == size - 1)
    o.resume_path = "/nonexistent/fgrt/resume.ckpt";
  snprintf(want, sizeof want, "rank %d", size - 1);
  expect_error(&o, "missing checkpoint on one rank", want, size - 1, "/nonexistent/fgrt/resume.ckpt");
  o = options(FGRT_MPI_SHARED, comm, 2);
  o.checkpoint_path = "/nonexistent/fgrt/ckpt";
  o.checkpoint_every = 3;
  expect_error(&o, "unwritable checkpoint on rank 0", rank ? "another rank failed" : "rank 0",
               0, "/nonexistent/fgrt/ckpt");
  if (size > 1) {
    o = options(FGRT_MPI_SHARED, comm, 1);
    o.seed = rank == size - 1 ? 2 : 1;
    expect_error(&o, "different options", "differ from rank 0's", -1, "");
  }
}

/* A NaN on one rank's share: every rank diverges at the same step, with
 * the same message, keeping the same last finite parameters. */
static void divergence_agreed(const fgrt_comm *comm) {
  double theta[D];
  char err[1024] = "";
  fgrt_train_result res;
  H.nan_rank = size - 1;
  H.nan_step = 9;
  fgrt_train_opts o = options(FGRT_MPI_PER_RANK, comm, 2);
  int rc = train(&o, 0, theta, &res, err, sizeof err);
  check(rc == -1 && res.diverged && res.diverged_step == 9 && strstr(err, "step 9: the loss is nan"),
        "a NaN on rank %d: rc %d, diverged %d at %llu: %s", size - 1, rc, res.diverged,
        (unsigned long long)res.diverged_step, err);
  double *all = malloc((size_t)size * sizeof theta);
  MPI_Allgather(theta, D, MPI_DOUBLE, all, D, MPI_DOUBLE, MPI_COMM_WORLD);
  for (int r = 1; r < size; r++)
    check(memcmp(all, all + r * D, sizeof theta) == 0, "after the divergence rank %d's parameters differ", r);
  free(all);
  H.nan_step = 0;
}

static void stops_agree(const fgrt_comm *comm) {
  double theta[D];
  char err[1024];
  fgrt_train_result res;
  fgrt_train_opts o = options(FGRT_MPI_SHARED, comm, 1);
  H.stop_at = 5;
  check(train(&o, 0, theta, &res, err, sizeof err) == 0 && res.steps == 5 && res.stopped_early,
        "rank 0's stop request: %llu steps: %s", (unsigned long long)res.steps, err);
  H.stop_at = 0;
  H.interrupt = 0;
  H.interrupt_rank = size - 1;
  H.interrupt_step = 3;
  o = options(FGRT_MPI_PER_RANK, comm, 1);
  o.interrupt = &H.interrupt;
  check(train(&o, 1, theta, &res, err, sizeof err) == 0 && res.steps == 4 && res.interrupted,
        "an interrupt on rank %d: %llu steps (interrupted %d): %s", size - 1, (unsigned long long)res.steps,
        res.interrupted, err);
  H.interrupt_step = 0;
}

/* A checkpoint of a run on P/2 ranks resumes on P: the one-process run. */
static void resume_other_size(const fgrt_comm *comm, const char *path) {
  double ref[D], got[D];
  char err[1024];
  fgrt_train_result res;
  int half = size > 1 ? size / 2 : 1;
  MPI_Comm sub;
  MPI_Comm_split(MPI_COMM_WORLD, rank < half ? 0 : MPI_UNDEFINED, rank, &sub);
  fgrt_train_opts o = options(FGRT_MPI_NONE, NULL, 2);
  check(train(&o, 0, ref, &res, err, sizeof err) == 0, "single run: %s", err);
  if (sub != MPI_COMM_NULL) {
    fgrt_comm *c = fgrt_mpi_comm(sub, err, sizeof err);
    check(c != NULL, "%s", err);
    o = options(FGRT_MPI_SHARED, c, 2);
    o.steps = STEPS / 2;
    o.checkpoint_path = path;
    check(c && train(&o, 0, got, &res, err, sizeof err) == 0, "first half on %d ranks: %s", half, err);
    fgrt_mpi_comm_free(c);
    MPI_Comm_free(&sub);
  }
  MPI_Barrier(MPI_COMM_WORLD);
  o = options(FGRT_MPI_SHARED, comm, 2);
  o.resume_path = path;
  check(train(&o, 0, got, &res, err, sizeof err) == 0, "resumed on %d ranks: %s", size, err);
  check(res.steps == STEPS && max_rel(got, ref, D) < 1e-10, "resumed %d -> %d ranks: %llu steps, parameters off by %g",
        half, size, (unsigned long long)res.steps, max_rel(got, ref, D));
  MPI_Barrier(MPI_COMM_WORLD);
  if (rank == 0)
    remove(path);
}

/* ---------------------------------------------------------------- main */

static int fault(const fgrt_comm *comm, int how) {
  double theta[D];
  char err[1024];
  fgrt_train_result res;
  fgrt_train_opts o = options(FGRT_MPI_PER_RANK, comm, 1);
  o.steps = 100000; /* until the rank dies */
  H.die_rank = size - 1;
  H.die_step = 20;
  H.die_how = how;
  int rc = train(&o, 0, theta, &res, err, sizeof err);
  fprintf(stderr, "test_mpi: rank %d: fgrt_train returned %d: %s\n", rank, rc, rc ? err : "");
  return rc == 0 ? 0 : 1;
}

int main(int argc, char **argv) {
  MPI_Init(&argc, &argv);
  MPI_Comm_rank(MPI_COMM_WORLD, &rank);
  MPI_Comm_size(MPI_COMM_WORLD, &size);
  make_data();
  char err[1024], path[256];
  fgrt_comm *comm = fgrt_mpi_comm(MPI_COMM_WORLD, err, sizeof err);
  if (!comm) {
    fprintf(stderr, "test_mpi: %s\n", err);
    MPI_Abort(MPI_COMM_WORLD, 2);
  }
  const char *what = argc > 1 ? argv[1] : "all";
  if (!strcmp(what, "kill") || !strcmp(what, "exit"))
    return fault(comm, !strcmp(what, "kill") ? 1 : 2);
  snprintf(path, sizeof path, "%s/fgrt_test_mpi_%ld_%d.ckpt", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp",
           (long)getpid(), size);
  MPI_Bcast(path, sizeof path, MPI_CHAR, 0, MPI_COMM_WORLD); /* rank 0's name on every rank */
  shared_equals_single(comm, 0, 1, FGRT_SGD);
  shared_equals_single(comm, 0, 3, FGRT_MOMENTUM);
  shared_equals_single(comm, 1, 1, FGRT_SGD);
  shared_equals_single(comm, 1, 2, FGRT_ADAM);
  for (int f32 = 0; f32 < 2; f32++)
    for (int c = 0; c < 2; c++)
      shared_width_equals_single(comm, f32, (fgrt_combine)c);
  exact_equals_single(comm, 0);
  exact_equals_single(comm, 1);
  per_rank_first_step(comm);
  per_rank_learns(comm, 0);
  per_rank_learns(comm, 1);
  if (size > 1)
    corruption_detected(comm);
  failures_named(comm);
  stops_agree(comm);
  divergence_agreed(comm);
  resume_other_size(comm, path);
  int bad = failures, all_bad = 0;
  MPI_Allreduce(&bad, &all_bad, 1, MPI_INT, MPI_SUM, MPI_COMM_WORLD);
  if (rank == 0)
    printf("test_mpi: %d ranks: %s (%d failed checks)\n", size, all_bad ? "FAIL" : "ok", all_bad);
  fgrt_mpi_comm_free(comm);
  MPI_Finalize();
  return all_bad ? 1 : 0;
}
