/*
 * train.c -- the forward-gradient (and exact-gradient) training driver.
 *
 * One step: take the next minibatch, estimate the gradient g (forward
 * gradient: g = (1/K) Σ (∇f·v_k) v_k; exact: the gradient callback), check
 * it is finite, clip it, and let the optimizer move theta. Around the steps:
 * the learning-rate schedule, the epoch permutations, the log, evaluation,
 * checkpoints and divergence detection.
 *
 * Everything random is a pure function of (seed, step): a run resumed from
 * a checkpoint continues exactly as the uninterrupted run would.
 *
 * Distributed (opts->mpi_comm, dist.c): each rank evaluates its directions
 * on its share of the batch, the scalars ∇f·v are exchanged, and every rank
 * forms the same update from them; rank 0 alone writes logs and
 * checkpoints, shows progress and evaluates.
 *
 * One driver for both precisions: the vector arithmetic of a step (the
 * directions, the estimate, the optimizer) is train_impl.h, compiled once
 * for double and once for float; the run reaches it through a table of
 * those functions (real_ops) and holds its vectors as void pointers.
 */
#include "dist.h"
#include "fgrt_int.h"
#include "fgrt.h"
#include "trainlog.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* The permutation stream: a key of its own, so it never meets a direction. */
#define SHUFFLE_KEY 0x9e3779b97f4a7c15ULL

void fgrt_train_defaults(fgrt_train_opts *o) {
  memset(o, 0, sizeof *o);
  o->method = FGRT_FORWARD_GRADIENT;
  o->steps = 1000;
  o->batch_size = 64;
  o->lr = 1e-3;
  o->schedule = FGRT_LR_CONSTANT;
  o->step_every = 1000;
  o->directions = 1;
  o->direction = FGRT_NORMAL;
  o->optimizer = FGRT_SGD;
  o->momentum = 0.9;
  o->beta1 = 0.9;
  o->beta2 = 0.999;
  o->eps = 1e-8;
  o->seed = 1;
  o->shuffle = 1;
  o->log_every = 100;
  o->progress = -1;
  o->stop_loss = -INFINITY;
  o->mpi_check_every = 100;
}

double fgrt_learning_rate(const fgrt_train_opts *o, uint64_t i) {
  double t = (double)i;
  switch (o->schedule) {
  case FGRT_LR_EXP:
    return o->lr * exp(-o->decay * t);
  case FGRT_LR_STEP:
    return o->lr * pow(o->decay, (double)(i / (o->step_every ? o->step_every : 1)));
  case FGRT_LR_INV_SQRT:
    return o->lr / sqrt(1 + o->decay * t);
  case FGRT_LR_COSINE:
    return o->lr * 0.5 * (1 + cos(3.14159265358979323846 * fmin(t / (double)(o->steps ? o->steps : 1), 1.0)));
  case FGRT_LR_CONSTANT:
    break;
  }
  return o->lr;
}

/* ---------------------------------------------------------------- minibatches */

typedef struct {
  uint32_t *perm;
  uint64_t epoch;         /* the epoch perm holds, or UINT64_MAX */
  uint64_t per_epoch;     /* full batches per epoch (a partial last batch is dropped) */
  fgrt_rng rng;
} batcher;

/* perm = the permutation of epoch e: Fisher-Yates on a stream of e. */
static void permute(batcher *b, size_t n, uint64_t e, int shuffle) {
  for (size_t i = 0; i < n; i++)
    b->perm[i] = (uint32_t)i;
  for (size_t i = n - 1; shuffle && i > 0; i--) {
    size_t j = (size_t)(fgrt_uniform01(&b->rng, e, 0, i) * (double)(i + 1));
    uint32_t t = b->perm[i];
    b->perm[i] = b->perm[j];
    b->perm[j] = t;
  }
  b->epoch = e;
}

static fgrt_batch next_batch(batcher *b, const fgrt_model *m, const fgrt_train_opts *o, uint64_t step) {
  fgrt_batch batch = {NULL, o->batch_size, step, 0};
  if (m->n_examples == 0)
    return batch;
  batch.epoch = step / b->per_epoch;
  if (b->epoch != batch.epoch)
    permute(b, m->n_examples, batch.epoch, o->shuffle);
  batch.index = b->perm + (step % b->per_epoch) * o->batch_size;
  return batch;
}

/* ---------------------------------------------------------------- the run */

typedef struct {
  void *m;        /* momentum / Adam first moment */
  void *s;        /* Adam second moment */
  unsigned count; /* state vectors: 0, 1 or 2 */
} optim_state;

static unsigned state_vectors(fgrt_optimizer o) { return o == FGRT_ADAM ? 2 : o == FGRT_MOMENTUM ? 1 : 0; }

typedef struct real_ops real_ops;

typedef struct {
  const real_ops *ops;     /* the arithmetic of this precision */
  const fgrt_model *m;
  const fgrt_train_opts *o;
  void *theta;             /* n_params REALs, as are g, v and the optimizer state */
  fgrt_train_result *res;
  char *err;
  size_t errlen;
  fgrt_rng rng;
  void *g, *v;
  optim_state st;
  batcher bat;
  fgrt_trainlog log;
  double start_wall;       /* fgrt_seconds() at the start */
  double window_loss;      /* sum of losses since the last log row */
  uint64_t window_steps;
  double metrics[FGRT_MAX_METRICS];
  dist_run dist;           /* distributed runs: dist.comm != NULL */
  int64_t v_dir;           /* the direction index v holds, or -1 */
  void *vw;                /* the width callback: n x width REALs, directions interleaved */
  double *dw;              /* its width derivatives */
  double *d;               /* the step's K derivatives (width callback, projection, distributed) */
  void *cols;              /* projection: the step's K directions, n REALs each */
  double *work;            /* projection: the Gram matrix and its solve, K*K + K doubles */
  fgrt_train_opts quiet;   /* the options of a rank other than 0: no output */
} run;

/* The type-dependent operations (train_impl.h) of one precision. */
struct real_ops {
  fgrt_precision precision;
  size_t size;             /* sizeof(REAL) */
  const char *fn;          /* the entry point, for messages */
  double (*estimate)(run *r, const fgrt_batch *batch, const void **dir, double *scale, double *norm);
  double (*update)(run *r, const void *dir, double scale, double lr, uint64_t t);
  int (*evaluate)(run *r, uint64_t step, double *metrics);
  void (*local_scalars)(run *r, const fgrt_batch *batch, double *mine);
  void (*combine)(run *r, uint64_t step, const void **dir, double *scale, double *norm);
  void (*local_gradient)(run *r, const fgrt_batch *batch, double *mine);
  void (*use_gradient)(run *r, const void **dir, double *scale, double *norm);
  int (*has_eval)(const fgrt_model *m);
  int (*has_width)(const fgrt_model *m);
  int (*check_callbacks)(const fgrt_model *m, const fgrt_train_opts *o, const char *fn, char *err, size_t errlen);
  void (*to_double)(const void *x, double *out, size_t n);
  void (*from_double)(const double *x, void *out, size_t n);
};

/* The direction index of the step's direction k: k, or this rank's
 * (dist_direction) in a distributed run. */
static uint32_t direction_index(const run *r, unsigned k) {
  return r->dist.comm ? dist_direction(&r->dist, k) : k;
}

/* Cholesky of the Gram matrix G (lower triangle in w, row-major K x K),
 * in place, dropping the directions that depend on earlier ones: the
 * pivot of direction j is its squared distance to the span of the kept
 * earlier ones, and j is dropped (its column of L zero, c_j = 0) when that
 * is at most 1e-10 of its squared norm G_jj. Then c = G⁻¹ d over the kept
 * directions: L y = d, Lᵀ c = y. Returns the number kept. */
#define PROJECT_DEPENDENT 1e-10
static unsigned project_solve(double *w, unsigned K, const double *d, double *c) {
  unsigned rank = 0;
  for (unsigned j = 0; j < K; j++) {
    double *lj = w + (size_t)j * K, gjj = lj[j], s = gjj;
    for (unsigned p = 0; p < j; p++)
      s -= lj[p] * lj[p];
    int keep = gjj > 0 && s > PROJECT_DEPENDENT * gjj;
    lj[j] = keep ? sqrt(s) : 0;
    rank += (unsigned)keep;
    for (unsigned i = j + 1; i < K; i++) { /* column j of L below the diagonal */
      double *li = w + (size_t)i * K, t = li[j];
      for (unsigned p = 0; p < j; p++)
        t -= li[p] * lj[p];
      li[j] = keep ? t / lj[j] : 0;
    }
  }
  for (unsigned j = 0; j < K; j++) { /* L y = d, y in c */
    const double *lj = w + (size_t)j * K;
    double t = d[j];
    for (unsigned p = 0; p < j; p++)
      t -= lj[p] * c[p];
    c[j] = lj[j] > 0 ? t / lj[j] : 0;
  }
  for (unsigned j = K; j-- > 0;) { /* Lᵀ c = y */
    double t = c[j];
    for (unsigned i = j + 1; i < K; i++)
      t -= w[(size_t)i * K + j] * c[i];
    c[j] = w[(size_t)j * K + j] > 0 ? t / w[(size_t)j * K + j] : 0;
  }
  return rank;
}

#define PASTE_(a, b) a##b
#define PASTE(a, b) PASTE_(a, b)

#define REAL double
#define API(x) x
#define T(x) PASTE(x, _f64)
#define SQRT sqrt
#include "train_impl.h"
#undef REAL
#undef API
#undef T
#undef SQRT

#define REAL float
#define API(x) PASTE(x, _f)
#define T(x) PASTE(x, _f32)
#define SQRT sqrtf
#include "train_impl.h"
#undef REAL
#undef API
#undef T
#undef SQRT

#define OPS(sfx)                                                                                                   \
  PASTE(estimate, sfx), PASTE(update, sfx), PASTE(evaluate, sfx), PASTE(local_scalars, sfx), PASTE(combine, sfx), \
      PASTE(local_gradient, sfx), PASTE(use_gradient, sfx), PASTE(has_eval, sfx), PASTE(has_width, sfx), PASTE(check_callbacks, sfx), PASTE(to_double, sfx), PASTE(from_double, sfx)
static const real_ops ops_f64 = {FGRT_FLOAT64, sizeof(double), "fgrt_train", OPS(_f64)};
static const real_ops ops_f32 = {FGRT_FLOAT32, sizeof(float), "fgrt_train_f", OPS(_f32)};
#undef OPS

/* The choices: each enum field within its values. */
static int check_choices(const fgrt_train_opts *o, const char *fn, char *err, size_t errlen) {
  const struct {
    const char *name;
    int value, lo, hi;
    const char *accepted;
  } rules[] = {
      {"method", (int)o->method, 0, 1, "FGRT_FORWARD_GRADIENT or FGRT_EXACT_GRADIENT"},
      {"schedule", (int)o->schedule, 0, 4, "an fgrt_schedule, FGRT_LR_CONSTANT to FGRT_LR_COSINE"},
      {"direction", (int)o->direction, 0, 1, "FGRT_NORMAL or FGRT_RADEMACHER"},
      {"optimizer", (int)o->optimizer, 0, 2, "FGRT_SGD, FGRT_MOMENTUM or FGRT_ADAM"},
      {"progress", o->progress, -1, 1, "-1 (auto), 0 (off) or 1 (on)"},
      {"mpi_directions", (int)o->mpi_directions, 0, 2, "FGRT_MPI_NONE, FGRT_MPI_SHARED or FGRT_MPI_PER_RANK"},
      {"combine", (int)o->combine, 0, 1, "FGRT_COMBINE_MEAN or FGRT_COMBINE_PROJECT"},
  };
  for (size_t i = 0; i < sizeof rules / sizeof *rules; i++)
    if (rules[i].value < rules[i].lo || rules[i].value > rules[i].hi)
      return fgrt_errorf(err, errlen, "%s: %s is %d; expected %s", fn, rules[i].name, rules[i].value, rules[i].accepted);
  return 0;
}

/* The numbers: each within the range where it means something. The
 * optimizer's constants are checked for the optimizer that uses them. */
static int check_numbers(const fgrt_train_opts *o, const char *fn, char *err, size_t errlen) {
  int step = o->schedule == FGRT_LR_STEP, momentum = o->optimizer == FGRT_MOMENTUM, adam = o->optimizer == FGRT_ADAM;
  const struct {
    const char *name;
    double value;
    int ok;
    const char *accepted;
  } rules[] = {
      {"lr", o->lr, o->lr > 0 && isfinite(o->lr), "a finite number > 0"},
      {"decay", o->decay, step ? o->decay > 0 && o->decay <= 1 : o->decay >= 0 && isfinite(o->decay),
       step ? "a factor in (0, 1] for FGRT_LR_STEP" : "a finite number >= 0"},
      {"momentum", o->momentum, !momentum || (o->momentum >= 0 && o->momentum < 1), "a number in [0, 1)"},
      {"beta1", o->beta1, !adam || (o->beta1 >= 0 && o->beta1 < 1), "a number in [0, 1)"},
      {"beta2", o->beta2, !adam || (o->beta2 >= 0 && o->beta2 < 1), "a number in [0, 1)"},
      {"eps", o->eps, !adam || (o->eps > 0 && isfinite(o->eps)), "a finite number > 0"},
      {"weight_decay", o->weight_decay, o->weight_decay >= 0 && isfinite(o->weight_decay), "a finite number >= 0"},
      {"clip_norm", o->clip_norm, o->clip_norm >= 0 && isfinite(o->clip_norm), "0 (off) or a finite number > 0"},
      {"stop_loss", o->stop_loss, !isnan(o->stop_loss), "a number or -inf (off)"},
  };
  for (size_t i = 0; i < sizeof rules / sizeof *rules; i++)
    if (!rules[i].ok)
      return fgrt_errorf(err, errlen, "%s: %s is %g; expected %s", fn, rules[i].name, rules[i].value, rules[i].accepted);
  if (o->steps == 0)
    return fgrt_errorf(err, errlen, "%s: steps is 0; expected at least 1", fn);
  if (o->directions == 0)
    return fgrt_errorf(err, errlen, "%s: directions is 0; expected at least 1", fn);
  if (step && o->step_every == 0)
    return fgrt_errorf(err, errlen, "%s: step_every is 0; expected at least 1 for FGRT_LR_STEP", fn);
  return 0;
}

/* A distributed run has a communicator. The exact gradient has no
 * directions to draw per rank: it runs SHARED, all-reducing the whole
 * gradient (n values) as data-parallel backprop (DDP) does. */
static int check_distributed(const fgrt_train_opts *o, const char *fn, char *err, size_t errlen) {
  if (o->mpi_directions == FGRT_MPI_NONE)
    return 0;
  if (!o->mpi_comm)
    return fgrt_errorf(err, errlen, "%s: mpi_directions is %s but mpi_comm is NULL; expected a communicator from "
                "fgrt_mpi_comm (fgrt_mpi.h)", fn, o->mpi_directions == FGRT_MPI_SHARED ? "FGRT_MPI_SHARED" : "FGRT_MPI_PER_RANK");
  if (o->method != FGRT_FORWARD_GRADIENT && o->mpi_directions == FGRT_MPI_PER_RANK)
    return fgrt_errorf(err, errlen, "%s: FGRT_MPI_PER_RANK needs the forward-gradient method (the exact method runs "
                "FGRT_MPI_SHARED, all-reducing the gradient as DDP does)", fn);
  if (o->method == FGRT_FORWARD_GRADIENT && o->combine == FGRT_COMBINE_PROJECT && o->mpi_directions == FGRT_MPI_PER_RANK)
    return fgrt_errorf(err, errlen, "%s: FGRT_COMBINE_PROJECT needs FGRT_MPI_SHARED (with FGRT_MPI_PER_RANK each rank's "
                "derivatives are of its own share of the batch)", fn);
  return 0;
}

/* The projection of K directions onto their span needs them independent:
 * more directions than parameters never are. Only forward gradients
 * combine directions. */
static int check_combine(const fgrt_model *m, const fgrt_train_opts *o, const char *fn, char *err, size_t errlen) {
  if (o->method != FGRT_FORWARD_GRADIENT || o->combine != FGRT_COMBINE_PROJECT || o->directions <= m->n_params)
    return 0;
  return fgrt_errorf(err, errlen, "%s: directions is %u; expected at most n_params (%zu) with FGRT_COMBINE_PROJECT "
                     "(the Gram matrix of more directions than parameters is singular)", fn, o->directions, m->n_params);
}

static int check_options(const real_ops *ops, const fgrt_model *m, const fgrt_train_opts *o, char *err,
                         size_t errlen) {
  const char *fn = ops->fn;
  if (m->n_params == 0 || m->n_params > FGRT_MAX_NORMAL)
    return fgrt_errorf(err, errlen, "%s: %zu parameters (1 to 2^31 are supported)", fn, m->n_params);
  if (m->n_examples && (o->batch_size == 0 || o->batch_size > m->n_examples || m->n_examples > UINT32_MAX))
    return fgrt_errorf(err, errlen, "%s: batch size %zu for %zu examples", fn, o->batch_size, m->n_examples);
  if (check_choices(o, fn, err, errlen) != 0 || check_numbers(o, fn, err, errlen) != 0 ||
      check_distributed(o, fn, err, errlen) != 0 || check_combine(m, o, fn, err, errlen) != 0)
    return -1;
  return ops->check_callbacks(m, o, fn, err, errlen);
}

/* n * count values of `size` bytes, or NULL (also when the size overflows). */
static void *alloc_values(size_t n, size_t count, size_t size) {
  return count && n <= SIZE_MAX / size / count ? malloc(n * count * size) : NULL;
}

/* The buffers of the width callback and of the projection; 0 or -1. */
static int allocate_directions(run *r) {
  size_t n = r->m->n_params, size = r->ops->size;
  unsigned K = r->o->directions, W = r->m->width;
  int fg = r->o->method == FGRT_FORWARD_GRADIENT, width = fg && r->ops->has_width(r->m);
  int project = fg && r->o->combine == FGRT_COMBINE_PROJECT;
  if (width && (!(r->vw = alloc_values(n, W, size)) || !(r->dw = malloc(W * sizeof *r->dw))))
    return -1;
  if ((width || project || r->dist.comm) && !(r->d = malloc(K * sizeof *r->d)))
    return -1;
  if (project && (!(r->cols = alloc_values(n, K, size)) ||
                  !(r->work = alloc_values((size_t)K + 1, K, sizeof *r->work))))
    return -1;
  return 0;
}

static int allocate(run *r) {
  size_t n = r->m->n_params, size = r->ops->size;
  r->st.count = state_vectors(r->o->optimizer);
  if (allocate_directions(r) != 0)
    return fgrt_errorf(r->err, r->errlen, "%s: out of memory for %u directions of %zu parameters", r->ops->fn,
                       r->o->directions, n);
  /* see estimate(); a distributed step may combine several directions */
  int need_g = !(r->o->method == FGRT_FORWARD_GRADIENT && r->o->directions == 1) || r->dist.comm ||
               r->o->combine == FGRT_COMBINE_PROJECT || r->ops->has_width(r->m);
  r->g = need_g ? malloc(n * size) : NULL;
  r->v = r->o->method == FGRT_FORWARD_GRADIENT ? malloc(n * size) : NULL;
  r->st.m = r->st.count >= 1 ? calloc(n, size) : NULL; /* all-zero bits: 0.0 in both precisions */
  r->st.s = r->st.count >= 2 ? calloc(n, size) : NULL;
  r->bat.perm = r->m->n_examples ? malloc(r->m->n_examples * sizeof *r->bat.perm) : NULL;
  r->bat.epoch = UINT64_MAX;
  r->bat.per_epoch = r->m->n_examples ? r->m->n_examples / r->o->batch_size : 1;
  fgrt_rng_init(&r->bat.rng, r->o->seed ^ SHUFFLE_KEY);
  int ok = (r->g || !need_g) && (r->v || r->o->method != FGRT_FORWARD_GRADIENT) && (r->st.m || r->st.count < 1) &&
           (r->st.s || r->st.count < 2) && (r->bat.perm || !r->m->n_examples);
  return ok ? 0 : fgrt_errorf(r->err, r->errlen, "%s: out of memory for %zu parameters", r->ops->fn, n);
}

static void release(run *r) {
  free(r->vw);
  free(r->dw);
  free(r->d);
  free(r->cols);
  free(r->work);
  free(r->g);
  free(r->v);
  free(r->st.m);
  free(r->st.s);
  free(r->bat.perm);
}

/* Parameters, optimizer state and step from opts->resume_path. */
static int resume(run *r, uint64_t *start) {
  fgrt_checkpoint c;
  const char *path = r->o->resume_path;
  if (fgrt_ckpt_load(path, &c, r->err, r->errlen) != 0)
    return -1;
  int bad = c.precision != (uint32_t)r->ops->precision || c.n_params != r->m->n_params ||
            c.optimizer != (uint32_t)r->o->optimizer;
  if (c.precision != (uint32_t)r->ops->precision)
    fgrt_errorf(r->err, r->errlen, "%s: a %s checkpoint cannot resume %s training (%s); resume it in %s", path,
         fgrt_precision_name((fgrt_precision)c.precision), fgrt_precision_name(r->ops->precision), r->ops->fn,
         fgrt_precision_name((fgrt_precision)c.precision));
  else if (bad)
    fgrt_errorf(r->err, r->errlen, "%s: checkpoint of %llu parameters (optimizer %u) does not match the model's %zu (optimizer %d)",
         path, (unsigned long long)c.n_params, (unsigned)c.optimizer, r->m->n_params, (int)r->o->optimizer);
  else {
    size_t n = r->m->n_params;
    r->ops->from_double(c.theta, r->theta, n);
    if (r->st.count >= 1)
      r->ops->from_double(c.state, r->st.m, n);
    if (r->st.count >= 2)
      r->ops->from_double(c.state + n, r->st.s, n);
    *start = c.step;
  }
  fgrt_ckpt_free(&c);
  return bad ? -1 : 0;
}

/* The checkpoint holds doubles: theta and the state are widened (exactly). */
static int save_checkpoint(run *r, uint64_t steps_done) {
  size_t n = r->m->n_params;
  double *values = malloc((1 + r->st.count) * n * sizeof *values);
  if (!values)
    return fgrt_errorf(r->err, r->errlen, "%s: out of memory", r->o->checkpoint_path);
  r->ops->to_double(r->theta, values, n);
  if (r->st.count >= 1)
    r->ops->to_double(r->st.m, values + n, n);
  if (r->st.count >= 2)
    r->ops->to_double(r->st.s, values + 2 * n, n);
  fgrt_checkpoint c = {n,      steps_done, r->o->seed, (uint32_t)r->o->optimizer, r->st.count,
                       values, r->st.count ? values + n : NULL, (uint32_t)r->ops->precision};
  int rc = fgrt_ckpt_save(r->o->checkpoint_path, &c, r->err, r->errlen);
  free(values);
  return rc;
}

static int diverged(run *r, uint64_t step, const char *what, double value) {
  r->res->diverged = 1;
  r->res->diverged_step = step;
  fgrt_errorf(r->err, r->errlen,
       "step %llu: %s is %g: training diverged (try a smaller learning rate, gradient clipping or more directions)",
       (unsigned long long)step, what, value);
  trainlog_message(&r->log, r->err);
  return -1;
}

static int interrupted(const fgrt_train_opts *o) { return o->interrupt && *o->interrupt; }

/* A distributed estimate: this rank's scalars (none when a local error
 * waits to be told), the exchange, the same combined g on every rank. */
static int estimate_dist(run *r, const fgrt_batch *batch, const void **dir, double *scale, double *norm,
                         double *loss) {
  dist_run *d = &r->dist;
  if (r->o->method == FGRT_EXACT_GRADIENT) { /* data-parallel backprop */
    if (!d->failed)
      r->ops->local_gradient(r, batch, d->mine);
    if (dist_exchange_gradient(d, batch->step, interrupted(r->o), r->g, r->m->n_params, r->ops->size, r->err,
                               r->errlen) != 0)
      return -1;
    *loss = d->loss;
    r->ops->use_gradient(r, dir, scale, norm);
    return 0;
  }
  if (!d->failed)
    r->ops->local_scalars(r, batch, d->mine);
  if (dist_exchange(d, batch->step, interrupted(r->o), r->err, r->errlen) != 0)
    return -1;
  *loss = d->loss;
  r->ops->combine(r, batch->step, dir, scale, norm);
  return 0;
}

/* One step: the gradient estimate, its checks, the update. */
static int train_step(run *r, uint64_t step) {
  const fgrt_train_opts *o = r->o;
  fgrt_batch batch = next_batch(&r->bat, r->m, o, step);
  const void *dir;
  double scale, norm, loss;
  if (!r->dist.comm)
    loss = r->ops->estimate(r, &batch, &dir, &scale, &norm);
  else if (estimate_dist(r, &batch, &dir, &scale, &norm, &loss) != 0)
    return -1;
  if (!isfinite(loss))
    return diverged(r, step, "the loss", loss);
  if (!isfinite(norm))
    return diverged(r, step, "the gradient norm", norm);
  if (o->clip_norm > 0 && norm > o->clip_norm)
    scale *= o->clip_norm / norm;
  double sum = r->ops->update(r, dir, scale, fgrt_learning_rate(o, step), step + 1);
  if (!isfinite(sum))
    return diverged(r, step, "a parameter (after the update)", sum);
  r->window_loss += loss;
  r->window_steps++;
  return 0;
}

/* The evaluation after `done` steps: rank 0's, then on every rank (its
 * metrics and its request to stop). -2 when the agreement fails. */
static int evaluate_now(run *r, uint64_t done) {
  int stop = 0;
  if (!r->dist.comm || r->dist.rank == 0)
    stop = r->ops->evaluate(r, done, r->metrics) != 0;
  if (r->dist.comm && dist_agree_eval(&r->dist, r->metrics, r->m->n_metrics, &stop, r->err, r->errlen) != 0)
    return -2;
  if (stop)
    r->res->stopped_early = 1;
  memcpy(r->res->metrics, r->metrics, sizeof r->metrics);
  r->res->evaluated = 1;
  return 0;
}

/* Log row, progress, evaluation and checkpoint after `done` steps. Returns
 * 0, -1 on a local error (a file), -2 when ranks could not agree. */
static int after_step(run *r, uint64_t done, double train_seconds, int last) {
  const fgrt_train_opts *o = r->o;
  int eval_now = r->ops->has_eval(r->m) && (last || (o->eval_every && done % o->eval_every == 0));
  int log_now = last || eval_now || (o->log_every && done % o->log_every == 0);
  fgrt_logrow row = {done, train_seconds, fgrt_seconds() - r->start_wall,
                     r->window_steps ? r->window_loss / (double)r->window_steps : r->res->loss,
                     fgrt_learning_rate(o, done ? done - 1 : 0), NULL};
  if (eval_now) {
    if (evaluate_now(r, done) != 0)
      return -2;
    row.metrics = r->metrics;
  }
  if (log_now) { /* the window and the stop decision first: every rank takes them, whatever its log does */
    int bad = trainlog_row(&r->log, &row, r->err, r->errlen) != 0;
    r->res->loss = row.loss;
    r->window_loss = 0;
    r->window_steps = 0;
    if (row.loss <= o->stop_loss)
      r->res->stopped_early = 1;
    if (bad)
      return -1;
  }
  trainlog_progress(&r->log, &row, last || r->res->stopped_early);
  int save = o->checkpoint_path && (last || r->res->stopped_early || (o->checkpoint_every && done % o->checkpoint_every == 0));
  return save ? save_checkpoint(r, done) : 0;
}

/* Distributed: the parameters are still bit-identical, and no rank has a
 * local error, every mpi_check_every steps and when the run ends. */
static int check_ranks(run *r, uint64_t done, int ending) {
  uint64_t every = r->o->mpi_check_every;
  if (!r->dist.comm || !(ending || (every && done % every == 0)))
    return 0;
  const void *vec[3] = {r->theta, r->st.m, r->st.s};
  return dist_check(&r->dist, done, vec, 1 + (int)r->st.count, r->m->n_params * r->ops->size, r->err, r->errlen);
}

static int train_loop(run *r, uint64_t start) {
  double train_seconds = 0;
  for (uint64_t step = start; step < r->o->steps && !r->res->stopped_early; step++) {
    double t0 = fgrt_seconds();
    if (train_step(r, step) != 0)
      return -1;
    train_seconds += fgrt_seconds() - t0;
    r->res->steps = step + 1;
    r->res->seconds = train_seconds;
    r->res->interrupted = r->dist.comm ? r->dist.interrupted : interrupted(r->o);
    int last = step + 1 == r->o->steps || r->res->interrupted;
    int rc = after_step(r, step + 1, train_seconds, last);
    if (rc != 0 && (!r->dist.comm || rc == -2))
      return -1;
    r->dist.failed |= rc != 0; /* told to the other ranks by the next exchange or check */
    r->res->stopped_early |= r->res->interrupted;
    if (check_ranks(r, step + 1, last || r->res->stopped_early) != 0)
      return -1;
  }
  if (r->res->interrupted) {
    char msg[600];
    snprintf(msg, sizeof msg, "interrupted after step %llu%s%s", (unsigned long long)r->res->steps,
             r->o->checkpoint_path ? "; checkpoint saved to " : "", r->o->checkpoint_path ? r->o->checkpoint_path : "");
    trainlog_message(&r->log, msg);
  }
  return 0;
}

/* What every rank of a distributed run must have in common: the options
 * that decide its steps and its collectives, the model's size, the step it
 * starts from. */
static uint64_t config_digest(const run *r, const fgrt_train_opts *o, uint64_t start) {
  uint64_t n[] = {(uint64_t)o->mpi_directions, o->directions, o->batch_size, o->seed, o->steps,
                  (uint64_t)o->method, (uint64_t)o->optimizer, (uint64_t)o->direction, (uint64_t)o->schedule,
                  o->step_every, (uint64_t)o->shuffle, o->eval_every, o->log_every, o->mpi_check_every,
                  r->m->n_params, r->m->n_examples, (uint64_t)r->ops->precision, (uint64_t)r->ops->has_eval(r->m),
                  start, (uint64_t)o->combine, r->ops->has_width(r->m) ? r->m->width : 0};
  double x[] = {o->lr, o->decay, o->momentum, o->beta1, o->beta2, o->eps, o->weight_decay, o->clip_norm,
                o->stop_loss};
  return dist_fnv1a(dist_fnv1a(DIST_FNV_OFFSET, n, sizeof n), x, sizeof x);
}

/* Set-up: the buffers, the resumed state, the log. Distributed, the ranks
 * then agree that all of them are ready with the same options. */
static int set_up(run *r, int rc, uint64_t *start) {
  if (rc == 0 && r->dist.comm)
    rc = dist_open(&r->dist, r->err, r->errlen);
  if (rc == 0)
    rc = allocate(r);
  if (rc == 0 && r->o->resume_path)
    rc = resume(r, start);
  r->res->steps = *start;
  if (rc == 0)
    rc = trainlog_open(&r->log, r->o, r->m, r->err, r->errlen);
  if (r->dist.comm)
    rc = dist_agree_start(&r->dist, rc, config_digest(r, r->o, *start), r->err, r->errlen);
  return rc;
}

/* The run's distributed figures, and where its error began. */
static void report_dist(run *r, int rc) {
  dist_run *d = &r->dist;
  r->res->error_here = rc != 0 && (!d->comm || d->blame_here);
  if (!d->comm)
    return;
  r->res->ranks = d->size;
  r->res->comm_bytes_per_step = d->bytes_per_step;
  r->res->comm_bytes = d->bytes;
  r->res->comm_seconds = d->seconds;
}

static int train(const real_ops *ops, const fgrt_model *m, const fgrt_train_opts *o, void *theta,
                 fgrt_train_result *res, char *err, size_t errlen) {
  fgrt_train_result dummy;
  run r = {.ops = ops, .m = m, .o = o, .theta = theta, .res = res ? res : &dummy, .err = err, .errlen = errlen,
           .v_dir = -1};
  memset(r.res, 0, sizeof *r.res);
  r.res->loss = NAN;
  r.res->ranks = 1;
  r.start_wall = fgrt_seconds();
  int rc = check_options(ops, m, o, err, errlen);
  if (rc != 0 && !(o->mpi_directions != FGRT_MPI_NONE && o->mpi_comm))
    return r.res->error_here = 1, -1;
  if (o->mpi_directions != FGRT_MPI_NONE) { /* the ranks will agree on rc */
    dist_attach(&r.dist, o);
    r.quiet = *o; /* rank 0 alone writes and shows */
    r.quiet.progress = 0;
    r.quiet.log_path = r.quiet.checkpoint_path = NULL;
    r.o = r.dist.rank == 0 ? o : &r.quiet;
  }
  fgrt_rng_init(&r.rng, o->seed);
  uint64_t start = 0;
  rc = set_up(&r, rc, &start);
  if (rc == 0)
    rc = train_loop(&r, start);
  char close_err[512];
  if (trainlog_close(&r.log, close_err, sizeof close_err) != 0 && rc == 0) {
    rc = fgrt_errorf(err, errlen, "%s", close_err);
    r.dist.blame_here = 1;
  }
  report_dist(&r, rc);
  release(&r);
  dist_close(&r.dist);
  return rc;
}

int fgrt_train(const fgrt_model *m, const fgrt_train_opts *o, double *theta, fgrt_train_result *res, char *err,
               size_t errlen) {
  return train(&ops_f64, m, o, theta, res, err, errlen);
}

int fgrt_train_f(const fgrt_model *m, const fgrt_train_opts *o, float *theta, fgrt_train_result *res, char *err,
                 size_t errlen) {
  return train(&ops_f32, m, o, theta, res, err, errlen);
}
