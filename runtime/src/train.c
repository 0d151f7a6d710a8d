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
 */
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

static int fail(char *err, size_t errlen, const char *fmt, ...) {
  if (err && errlen) {
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err, errlen, fmt, ap);
    va_end(ap);
  }
  return -1;
}

static double now_seconds(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

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

/* ---------------------------------------------------------------- gradient estimates */

static void fill_direction(const fgrt_rng *rng, fgrt_direction dist, uint64_t step, unsigned k, double *v,
                           size_t n) {
  if (dist == FGRT_RADEMACHER)
    fgrt_fill_rademacher(rng, step, k, 0, v, n);
  else
    fgrt_fill_normal(rng, step, k, 0, v, n);
}

double fgrt_forward_gradient(const fgrt_model *m, const fgrt_rng *rng, fgrt_direction dist, unsigned directions,
                             const double *theta, const fgrt_batch *batch, double *g, double *v) {
  size_t n = m->n_params;
  double total = 0;
  for (unsigned k = 0; k < directions; k++) {
    fill_direction(rng, dist, batch->step, k, v, n);
    double dfv = 0;
    total += m->loss_jvp(m->user, theta, v, batch, &dfv);
    double c = dfv / directions; /* g += (∇f·v_k / K) v_k */
    if (k == 0)
      for (size_t i = 0; i < n; i++)
        g[i] = c * v[i];
    else
      for (size_t i = 0; i < n; i++)
        g[i] += c * v[i];
  }
  return total / directions;
}

/* ---------------------------------------------------------------- the optimizer */

typedef struct {
  double *m;      /* momentum / Adam first moment */
  double *s;      /* Adam second moment */
  unsigned count; /* state vectors: 0, 1 or 2 */
} optim_state;

static unsigned state_vectors(fgrt_optimizer o) { return o == FGRT_ADAM ? 2 : o == FGRT_MOMENTUM ? 1 : 0; }

/* theta -= lr * step(g), with g scaled by `scale` (clipping) and weight
 * decay added. Returns the sum of the new theta: not finite iff some
 * parameter is not. t is the 1-based update count (Adam's bias correction). */
static double optimizer_update(const fgrt_train_opts *o, optim_state *st, double *theta, const double *g, size_t n,
                               double scale, double lr, uint64_t t) {
  double sum = 0, wd = o->weight_decay;
  if (o->optimizer == FGRT_SGD) {
    for (size_t i = 0; i < n; i++)
      sum += theta[i] -= lr * (scale * g[i] + wd * theta[i]);
  } else if (o->optimizer == FGRT_MOMENTUM) { /* m = μ m + g; θ -= lr m */
    for (size_t i = 0; i < n; i++) {
      st->m[i] = o->momentum * st->m[i] + scale * g[i] + wd * theta[i];
      sum += theta[i] -= lr * st->m[i];
    }
  } else { /* Adam: θ -= lr m̂ / (sqrt(ŝ) + eps) */
    double c1 = 1 / (1 - pow(o->beta1, (double)t)), c2 = 1 / (1 - pow(o->beta2, (double)t));
    for (size_t i = 0; i < n; i++) {
      double gi = scale * g[i] + wd * theta[i];
      st->m[i] = o->beta1 * st->m[i] + (1 - o->beta1) * gi;
      st->s[i] = o->beta2 * st->s[i] + (1 - o->beta2) * gi * gi;
      sum += theta[i] -= lr * (st->m[i] * c1) / (sqrt(st->s[i] * c2) + o->eps);
    }
  }
  return sum;
}

static double sum_of_squares(const double *x, size_t n) {
  double s = 0;
  for (size_t i = 0; i < n; i++)
    s += x[i] * x[i];
  return s;
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
  const fgrt_model *m;
  const fgrt_train_opts *o;
  double *theta;
  fgrt_train_result *res;
  char *err;
  size_t errlen;
  fgrt_rng rng;
  double *g, *v;
  optim_state st;
  batcher bat;
  fgrt_trainlog log;
  double start_wall;       /* now_seconds() at the start */
  double window_loss;      /* sum of losses since the last log row */
  uint64_t window_steps;
  double metrics[FGRT_MAX_METRICS];
} run;

/* The choices: each enum field within its values. */
static int check_choices(const fgrt_train_opts *o, char *err, size_t errlen) {
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
  };
  for (size_t i = 0; i < sizeof rules / sizeof *rules; i++)
    if (rules[i].value < rules[i].lo || rules[i].value > rules[i].hi)
      return fail(err, errlen, "fgrt_train: %s is %d; expected %s", rules[i].name, rules[i].value, rules[i].accepted);
  return 0;
}

/* The numbers: each within the range where it means something. The
 * optimizer's constants are checked for the optimizer that uses them. */
static int check_numbers(const fgrt_train_opts *o, char *err, size_t errlen) {
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
      return fail(err, errlen, "fgrt_train: %s is %g; expected %s", rules[i].name, rules[i].value, rules[i].accepted);
  if (o->steps == 0)
    return fail(err, errlen, "fgrt_train: steps is 0; expected at least 1");
  if (o->directions == 0)
    return fail(err, errlen, "fgrt_train: directions is 0; expected at least 1");
  if (step && o->step_every == 0)
    return fail(err, errlen, "fgrt_train: step_every is 0; expected at least 1 for FGRT_LR_STEP");
  return 0;
}

static int check_options(const fgrt_model *m, const fgrt_train_opts *o, char *err, size_t errlen) {
  if (m->n_params == 0 || m->n_params > FGRT_MAX_NORMAL)
    return fail(err, errlen, "fgrt_train: %zu parameters (1 to 2^31 are supported)", m->n_params);
  if (o->method == FGRT_FORWARD_GRADIENT ? !m->loss_jvp : !m->loss_grad)
    return fail(err, errlen, "fgrt_train: the model has no %s callback for this method",
                o->method == FGRT_FORWARD_GRADIENT ? "loss_jvp" : "loss_grad");
  if (m->n_examples && (o->batch_size == 0 || o->batch_size > m->n_examples || m->n_examples > UINT32_MAX))
    return fail(err, errlen, "fgrt_train: batch size %zu for %zu examples", o->batch_size, m->n_examples);
  if (check_choices(o, err, errlen) != 0 || check_numbers(o, err, errlen) != 0)
    return -1;
  if (m->n_metrics < 0 || m->n_metrics > FGRT_MAX_METRICS || (m->n_metrics && (!m->eval || !m->metric_names)))
    return fail(err, errlen, "fgrt_train: %d metrics (0 to %d, with eval and metric_names)", m->n_metrics,
                FGRT_MAX_METRICS);
  return 0;
}

static int allocate(run *r) {
  size_t n = r->m->n_params;
  r->st.count = state_vectors(r->o->optimizer);
  int need_g = !(r->o->method == FGRT_FORWARD_GRADIENT && r->o->directions == 1); /* see estimate() */
  r->g = need_g ? malloc(n * sizeof *r->g) : NULL;
  r->v = r->o->method == FGRT_FORWARD_GRADIENT ? malloc(n * sizeof *r->v) : NULL;
  r->st.m = r->st.count >= 1 ? calloc(n, sizeof *r->st.m) : NULL;
  r->st.s = r->st.count >= 2 ? calloc(n, sizeof *r->st.s) : NULL;
  r->bat.perm = r->m->n_examples ? malloc(r->m->n_examples * sizeof *r->bat.perm) : NULL;
  r->bat.epoch = UINT64_MAX;
  r->bat.per_epoch = r->m->n_examples ? r->m->n_examples / r->o->batch_size : 1;
  fgrt_rng_init(&r->bat.rng, r->o->seed ^ SHUFFLE_KEY);
  int ok = (r->g || !need_g) && (r->v || r->o->method != FGRT_FORWARD_GRADIENT) && (r->st.m || r->st.count < 1) &&
           (r->st.s || r->st.count < 2) && (r->bat.perm || !r->m->n_examples);
  return ok ? 0 : fail(r->err, r->errlen, "fgrt_train: out of memory for %zu parameters", n);
}

static void release(run *r) {
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
  int bad = c.n_params != r->m->n_params || c.optimizer != (uint32_t)r->o->optimizer;
  if (bad)
    fail(r->err, r->errlen, "%s: checkpoint of %llu parameters (optimizer %u) does not match the model's %zu (optimizer %d)",
         path, (unsigned long long)c.n_params, (unsigned)c.optimizer, r->m->n_params, (int)r->o->optimizer);
  else {
    size_t n = r->m->n_params;
    memcpy(r->theta, c.theta, n * sizeof *r->theta);
    if (r->st.count >= 1)
      memcpy(r->st.m, c.state, n * sizeof *r->st.m);
    if (r->st.count >= 2)
      memcpy(r->st.s, c.state + n, n * sizeof *r->st.s);
    *start = c.step;
  }
  fgrt_ckpt_free(&c);
  return bad ? -1 : 0;
}

static int save_checkpoint(run *r, uint64_t steps_done) {
  size_t n = r->m->n_params;
  double *state = NULL;
  if (r->st.count) {
    if (!(state = malloc(r->st.count * n * sizeof *state)))
      return fail(r->err, r->errlen, "%s: out of memory", r->o->checkpoint_path);
    memcpy(state, r->st.m, n * sizeof *state);
    if (r->st.count == 2)
      memcpy(state + n, r->st.s, n * sizeof *state);
  }
  fgrt_checkpoint c = {n, steps_done, r->o->seed, (uint32_t)r->o->optimizer, r->st.count, r->theta, state};
  int rc = fgrt_ckpt_save(r->o->checkpoint_path, &c, r->err, r->errlen);
  free(state);
  return rc;
}

static int diverged(run *r, uint64_t step, const char *what, double value) {
  r->res->diverged = 1;
  r->res->diverged_step = step;
  fail(r->err, r->errlen,
       "step %llu: %s is %g: training diverged (try a smaller learning rate, gradient clipping or more directions)",
       (unsigned long long)step, what, value);
  trainlog_message(&r->log, r->err);
  return -1;
}

/* The gradient estimate of one step: g = scale * (*dir)[0..n). With one
 * forward-gradient direction g = (∇f·v) v is never formed: *dir = v and
 * scale = ∇f·v, which spares two passes over the parameters. Returns the
 * loss; *norm is ‖g‖ when needed (clipping; else only its finiteness). */
static double estimate(run *r, const fgrt_batch *batch, const double **dir, double *scale, double *norm) {
  const fgrt_train_opts *o = r->o;
  size_t n = r->m->n_params;
  double loss;
  if (o->method == FGRT_FORWARD_GRADIENT && o->directions == 1) {
    double dfv = 0;
    fill_direction(&r->rng, o->direction, batch->step, 0, r->v, n);
    loss = r->m->loss_jvp(r->m->user, r->theta, r->v, batch, &dfv);
    *dir = r->v;
    *scale = dfv;
    *norm = o->clip_norm > 0 ? fabs(dfv) * sqrt(sum_of_squares(r->v, n)) : fabs(dfv);
    return loss;
  }
  if (o->method == FGRT_FORWARD_GRADIENT)
    loss = fgrt_forward_gradient(r->m, &r->rng, o->direction, o->directions, r->theta, batch, r->g, r->v);
  else
    loss = r->m->loss_grad(r->m->user, r->theta, batch, r->g);
  *dir = r->g;
  *scale = 1;
  *norm = sqrt(sum_of_squares(r->g, n));
  return loss;
}

/* One step: the gradient estimate, its checks, the update. */
static int train_step(run *r, uint64_t step) {
  const fgrt_train_opts *o = r->o;
  fgrt_batch batch = next_batch(&r->bat, r->m, o, step);
  const double *dir;
  double scale, norm;
  double loss = estimate(r, &batch, &dir, &scale, &norm);
  if (!isfinite(loss))
    return diverged(r, step, "the loss", loss);
  if (!isfinite(norm))
    return diverged(r, step, "the gradient norm", norm);
  if (o->clip_norm > 0 && norm > o->clip_norm)
    scale *= o->clip_norm / norm;
  double sum = optimizer_update(o, &r->st, r->theta, dir, r->m->n_params, scale, fgrt_learning_rate(o, step), step + 1);
  if (!isfinite(sum))
    return diverged(r, step, "a parameter (after the update)", sum);
  r->window_loss += loss;
  r->window_steps++;
  return 0;
}

/* Log row, progress, evaluation and checkpoint after `done` steps. */
static int after_step(run *r, uint64_t done, double train_seconds, int last) {
  const fgrt_train_opts *o = r->o;
  int eval_now = r->m->eval && (last || (o->eval_every && done % o->eval_every == 0));
  int log_now = last || eval_now || (o->log_every && done % o->log_every == 0);
  fgrt_logrow row = {done, train_seconds, now_seconds() - r->start_wall,
                     r->window_steps ? r->window_loss / (double)r->window_steps : r->res->loss,
                     fgrt_learning_rate(o, done ? done - 1 : 0), NULL};
  if (eval_now) {
    if (r->m->eval(r->m->user, r->theta, done, r->metrics) != 0)
      r->res->stopped_early = 1;
    memcpy(r->res->metrics, r->metrics, sizeof r->metrics);
    r->res->evaluated = 1;
    row.metrics = r->metrics;
  }
  if (log_now) {
    if (trainlog_row(&r->log, &row, r->err, r->errlen) != 0)
      return -1;
    r->res->loss = row.loss;
    r->window_loss = 0;
    r->window_steps = 0;
    if (row.loss <= o->stop_loss)
      r->res->stopped_early = 1;
  }
  trainlog_progress(&r->log, &row, last || r->res->stopped_early);
  int save = o->checkpoint_path && (last || r->res->stopped_early || (o->checkpoint_every && done % o->checkpoint_every == 0));
  return save ? save_checkpoint(r, done) : 0;
}

static int interrupted(const fgrt_train_opts *o) { return o->interrupt && *o->interrupt; }

static int train_loop(run *r, uint64_t start) {
  double train_seconds = 0;
  for (uint64_t step = start; step < r->o->steps && !r->res->stopped_early; step++) {
    double t0 = now_seconds();
    if (train_step(r, step) != 0)
      return -1;
    train_seconds += now_seconds() - t0;
    r->res->steps = step + 1;
    r->res->seconds = train_seconds;
    r->res->interrupted = interrupted(r->o);
    int last = step + 1 == r->o->steps || r->res->interrupted;
    if (after_step(r, step + 1, train_seconds, last) != 0)
      return -1;
    r->res->stopped_early |= r->res->interrupted;
  }
  if (r->res->interrupted) {
    char msg[600];
    snprintf(msg, sizeof msg, "interrupted after step %llu%s%s", (unsigned long long)r->res->steps,
             r->o->checkpoint_path ? "; checkpoint saved to " : "", r->o->checkpoint_path ? r->o->checkpoint_path : "");
    trainlog_message(&r->log, msg);
  }
  return 0;
}

int fgrt_train(const fgrt_model *m, const fgrt_train_opts *o, double *theta, fgrt_train_result *res, char *err,
               size_t errlen) {
  fgrt_train_result dummy;
  run r = {.m = m, .o = o, .theta = theta, .res = res ? res : &dummy, .err = err, .errlen = errlen};
  memset(r.res, 0, sizeof *r.res);
  r.res->loss = NAN;
  r.start_wall = now_seconds();
  if (check_options(m, o, err, errlen) != 0)
    return -1;
  fgrt_rng_init(&r.rng, o->seed);
  uint64_t start = 0;
  int rc = allocate(&r);
  if (rc == 0 && o->resume_path)
    rc = resume(&r, &start);
  r.res->steps = start;
  if (rc == 0)
    rc = trainlog_open(&r.log, o, m, err, errlen);
  if (rc == 0) {
    rc = train_loop(&r, start);
    char close_err[512];
    if (trainlog_close(&r.log, close_err, sizeof close_err) != 0 && rc == 0)
      rc = fail(err, errlen, "%s", close_err);
  }
  release(&r);
  return rc;
}
