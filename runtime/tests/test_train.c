/*
 * test_train.c -- the training driver on problems with known answers.
 *
 * The model is the quadratic f(θ) = ½ Σ a_i (θ_i - c_i)² (optionally over
 * a dataset: each example shifts c), whose gradient and directional
 * derivative are written by hand here. Checked: convergence of every
 * optimizer with both methods, the variance of the K-direction estimate
 * against its closed form, the schedules, minibatch permutations, resuming
 * from a checkpoint bit for bit, divergence detection, logs, evaluation and
 * early stopping. The float32 driver (fgrt_train_f) is checked the same way
 * on the same model in float, plus its arithmetic step by step against a
 * hand computation, and the refusal of missing float callbacks and of
 * checkpoints of the other precision.
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
#include "../src/dist.h" /* a one-rank communicator without MPI (one_rank_runs) */

enum { D = 10, EXAMPLES = 10 };

typedef struct {
  double a[D], c[D];
  uint64_t nan_at;        /* the loss is NaN from this step on (0: never) */
  unsigned calls, evals;
  uint32_t seen[64][EXAMPLES];
  uint64_t seen_steps;
} quad;

static void quad_init(quad *q) {
  memset(q, 0, sizeof *q);
  for (int i = 0; i < D; i++) {
    q->a[i] = 0.5 + 0.25 * i;
    q->c[i] = cos(1.0 + i);
  }
}

static double quad_f(const quad *q, const double *t, double *grad) {
  double f = 0;
  for (int i = 0; i < D; i++) {
    double r = t[i] - q->c[i];
    f += 0.5 * q->a[i] * r * r;
    if (grad)
      grad[i] = q->a[i] * r;
  }
  return f;
}

static void record(quad *q, const fgrt_batch *b) {
  q->calls++;
  if (b->index && b->step < 64)
    memcpy(q->seen[b->step], b->index, b->size * sizeof *b->index);
  if (b->step + 1 > q->seen_steps)
    q->seen_steps = b->step + 1;
}

static double quad_jvp(void *user, const double *t, const double *v, const fgrt_batch *b, double *dfv) {
  quad *q = user;
  double g[D];
  record(q, b);
  double f = quad_f(q, t, g);
  *dfv = 0;
  for (int i = 0; i < D; i++)
    *dfv += g[i] * v[i];
  return q->nan_at && b->step >= q->nan_at ? NAN : f;
}

static double quad_grad(void *user, const double *t, const fgrt_batch *b, double *g) {
  quad *q = user;
  record(q, b);
  return quad_f(q, t, g);
}

/* The same model on float parameters: f and ∇f computed in double. */
static double quad_ff(const quad *q, const float *tf, double *grad) {
  double t[D];
  for (int i = 0; i < D; i++)
    t[i] = tf[i];
  return quad_f(q, t, grad);
}

static double quad_jvp_f(void *user, const float *t, const float *v, const fgrt_batch *b, double *dfv) {
  quad *q = user;
  double g[D];
  record(q, b);
  double f = quad_ff(q, t, g);
  *dfv = 0;
  for (int i = 0; i < D; i++)
    *dfv += g[i] * v[i];
  return q->nan_at && b->step >= q->nan_at ? NAN : f;
}

static double quad_grad_f(void *user, const float *t, const fgrt_batch *b, float *gf) {
  quad *q = user;
  double g[D];
  record(q, b);
  double f = quad_ff(q, t, g);
  for (int i = 0; i < D; i++)
    gf[i] = (float)g[i];
  return f;
}

static const char *const metric_names[] = {"distance", "f"};

static int quad_eval(void *user, const double *t, uint64_t step, double *metrics) {
  quad *q = user;
  (void)step;
  q->evals++;
  metrics[0] = 0;
  for (int i = 0; i < D; i++)
    metrics[0] += (t[i] - q->c[i]) * (t[i] - q->c[i]);
  metrics[0] = sqrt(metrics[0]);
  metrics[1] = quad_f(q, t, NULL);
  return 0;
}

static int quad_eval_f(void *user, const float *t, uint64_t step, double *metrics) {
  double td[D];
  for (int i = 0; i < D; i++)
    td[i] = t[i];
  return quad_eval(user, td, step, metrics);
}

/* Positional: the float callbacks come after every older field, the width callbacks after them. */
static fgrt_model model_of(quad *q) {
  fgrt_model m = {D, 0, q, quad_jvp, quad_grad, quad_eval, 2, metric_names, quad_jvp_f, quad_grad_f, quad_eval_f, 0, NULL, NULL};
  return m;
}

/* fgrt_train (f32 = 0) or fgrt_train_f on t rounded to float (and back). */
static int train_in(int f32, const fgrt_model *m, const fgrt_train_opts *o, double *t, fgrt_train_result *r, char *err,
                    size_t errlen) {
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

static double distance(const quad *q, const double *t) {
  double s = 0;
  for (int i = 0; i < D; i++)
    s += (t[i] - q->c[i]) * (t[i] - q->c[i]);
  return sqrt(s);
}

static fgrt_train_opts quiet_opts(void) {
  fgrt_train_opts o;
  fgrt_train_defaults(&o);
  o.progress = 0;
  return o;
}

/* Every optimizer, with exact and forward gradients, in float64 and float32,
 * reaches the minimum θ = c. The forward-gradient noise is multiplicative
 * (g = (∇f·v) v vanishes at the minimum), so it converges to c too, only
 * more slowly. In float32 c is reached to within float rounding (|c_i| < 1:
 * half an ulp is below 3e-8). */
static void converges(void **state) {
  (void)state;
  const fgrt_optimizer optims[] = {FGRT_SGD, FGRT_MOMENTUM, FGRT_ADAM};
  for (int f32 = 0; f32 < 2; f32++)
  for (int method = 0; method < 2; method++)
    for (int k = 0; k < 3; k++) {
      quad q;
      quad_init(&q);
      fgrt_model m = model_of(&q);
      fgrt_train_opts o = quiet_opts();
      o.method = method ? FGRT_EXACT_GRADIENT : FGRT_FORWARD_GRADIENT;
      o.optimizer = optims[k];
      o.steps = method ? 2000 : 20000;
      o.lr = optims[k] == FGRT_ADAM ? 0.01 : method ? 0.1 : 0.02;
      o.schedule = optims[k] == FGRT_ADAM ? FGRT_LR_COSINE : FGRT_LR_CONSTANT;
      o.momentum = 0.5;
      double t[D] = {0};
      fgrt_train_result r;
      char err[256];
      assert_int_equal(train_in(f32, &m, &o, t, &r, err, sizeof err), 0);
      if (!(distance(&q, t) < 1e-4))
        fail_msg("f32 %d method %d optimizer %d: distance %g", f32, method, k, distance(&q, t));
      assert_int_equal(r.steps, o.steps);
      assert_false(r.diverged);
      assert_true(r.evaluated);
      assert_true(fabs(r.metrics[0] - distance(&q, t)) < 1e-15);
    }
}

/* E‖g_K - ∇f‖² = (d+1)‖∇f‖²/K for normal directions and (d-1)‖∇f‖²/K for
 * Rademacher ones (E[(u·v)²‖v‖²] = (d+2)‖u‖² resp. d‖u‖²); and E[g_K] = ∇f. */
static void estimate_variance_falls_as_one_over_k(void **state) {
  (void)state;
  quad q;
  quad_init(&q);
  fgrt_model m = model_of(&q);
  fgrt_rng rng;
  fgrt_rng_init(&rng, 99);
  double t[D] = {0}, grad[D], g[D], v[D];
  float tf[D] = {0}, gf[D], vf[D];
  quad_f(&q, t, grad);
  double u2 = 0;
  for (int i = 0; i < D; i++)
    u2 += grad[i] * grad[i];
  const unsigned ks[] = {1, 4, 16};
  const int trials = 20000;
  for (int f32 = 0; f32 < 2; f32++)
  for (int dist = 0; dist < 2; dist++)
    for (int ki = 0; ki < 3; ki++) {
      double err2 = 0, mean[D] = {0};
      for (int s = 0; s < trials; s++) {
        fgrt_batch b = {NULL, 0, (uint64_t)s, 0};
        fgrt_direction dd = dist ? FGRT_RADEMACHER : FGRT_NORMAL;
        if (f32) {
          fgrt_forward_gradient_f(&m, &rng, dd, ks[ki], tf, &b, gf, vf);
          for (int i = 0; i < D; i++)
            g[i] = gf[i];
        } else {
          fgrt_forward_gradient(&m, &rng, dd, ks[ki], t, &b, g, v);
        }
        for (int i = 0; i < D; i++) {
          err2 += (g[i] - grad[i]) * (g[i] - grad[i]);
          mean[i] += g[i] / trials;
        }
      }
      double expect = (dist ? D - 1 : D + 1) * u2 / ks[ki];
      double got = err2 / trials;
      if (fabs(got / expect - 1) > 0.06)
        fail_msg("f32 %d dist %d K %u: E|g-grad|^2 = %g, expected %g", f32, dist, ks[ki], got, expect);
      for (int i = 0; i < D; i++) /* 5 standard errors of the mean */
        assert_true(fabs(mean[i] - grad[i]) < 5 * sqrt(expect / trials));
    }
}

static void schedules(void **state) {
  (void)state;
  fgrt_train_opts o = quiet_opts();
  o.lr = 0.5;
  o.decay = 1e-4;
  assert_true(fgrt_learning_rate(&o, 12345) == 0.5);
  o.schedule = FGRT_LR_EXP;
  assert_true(fabs(fgrt_learning_rate(&o, 20000) - 0.5 * exp(-2.0)) < 1e-15);
  o.schedule = FGRT_LR_INV_SQRT;
  assert_true(fabs(fgrt_learning_rate(&o, 30000) - 0.25) < 1e-15);
  o.schedule = FGRT_LR_STEP;
  o.decay = 0.1;
  o.step_every = 100;
  assert_true(fabs(fgrt_learning_rate(&o, 99) - 0.5) < 1e-15);
  assert_true(fabs(fgrt_learning_rate(&o, 250) - 0.005) < 1e-15);
  o.schedule = FGRT_LR_COSINE;
  o.steps = 1000;
  assert_true(fabs(fgrt_learning_rate(&o, 0) - 0.5) < 1e-15);
  assert_true(fabs(fgrt_learning_rate(&o, 500) - 0.25) < 1e-15);
  assert_true(fabs(fgrt_learning_rate(&o, 1000)) < 1e-15);
}

/* Batches of 3 out of 10 examples: 3 full batches per epoch, distinct
 * examples within an epoch, a different order each epoch, the same order
 * for the same seed, and the identity order without shuffling. */
static void minibatch_permutations(void **state) {
  (void)state;
  quad q1, q2;
  uint32_t seen1[64][EXAMPLES];
  for (int shuffle = 1; shuffle >= 0; shuffle--) {
    quad_init(&q1);
    fgrt_model m = model_of(&q1);
    m.n_examples = EXAMPLES;
    fgrt_train_opts o = quiet_opts();
    o.steps = 30;
    o.batch_size = 3;
    o.shuffle = shuffle;
    double t[D] = {0};
    assert_int_equal(fgrt_train(&m, &o, t, NULL, NULL, 0), 0);
    memcpy(seen1, q1.seen, sizeof seen1);
    for (int e = 0; e < 10; e++) {
      int count[EXAMPLES] = {0};
      for (int s = 0; s < 3; s++)
        for (int j = 0; j < 3; j++) {
          uint32_t x = q1.seen[3 * e + s][j];
          assert_true(x < EXAMPLES);
          count[x]++;
          if (!shuffle)
            assert_int_equal(x, 3 * s + j);
        }
      for (int x = 0; x < EXAMPLES; x++)
        assert_true(count[x] <= 1);
    }
  }
  quad_init(&q1);
  quad_init(&q2);
  fgrt_model m1 = model_of(&q1), m2 = model_of(&q2);
  m1.n_examples = m2.n_examples = EXAMPLES;
  fgrt_train_opts o = quiet_opts();
  o.steps = 30;
  o.batch_size = 3;
  double t1[D] = {0}, t2[D] = {0};
  assert_int_equal(fgrt_train(&m1, &o, t1, NULL, NULL, 0), 0);
  assert_int_equal(fgrt_train(&m2, &o, t2, NULL, NULL, 0), 0);
  assert_memory_equal(q1.seen, q2.seen, sizeof q1.seen);
  assert_memory_equal(t1, t2, sizeof t1);
  assert_memory_not_equal(q1.seen[0], q1.seen[3], 3 * sizeof(uint32_t)); /* epochs differ */
}

static char dir[] = "/tmp/fgrt_train_XXXXXX";

static void path_in(char *buf, size_t n, const char *name) { snprintf(buf, n, "%s/%s", dir, name); }

/* 50 steps, checkpoint, resume to 100 == 100 steps straight, bit for bit
 * (Adam state, minibatch order and directions all continue). */
static void resume_is_exact(void **state) {
  (void)state;
  char ck[300];
  path_in(ck, sizeof ck, "resume.ckpt");
  double straight[D] = {0}, resumed[D] = {0};
  quad q;
  quad_init(&q);
  fgrt_model m = model_of(&q);
  m.n_examples = EXAMPLES;
  fgrt_train_opts o = quiet_opts();
  o.optimizer = FGRT_ADAM;
  o.batch_size = 4;
  o.directions = 3;
  o.lr = 0.01;
  o.steps = 100;
  char err[256];
  assert_int_equal(fgrt_train(&m, &o, straight, NULL, err, sizeof err), 0);
  o.steps = 50;
  o.checkpoint_path = ck;
  assert_int_equal(fgrt_train(&m, &o, resumed, NULL, err, sizeof err), 0);
  double garbage[D];
  for (int i = 0; i < D; i++)
    garbage[i] = 1e3 * i;
  o.steps = 100;
  o.checkpoint_path = NULL;
  o.resume_path = ck;
  fgrt_train_result r;
  assert_int_equal(fgrt_train(&m, &o, garbage, &r, err, sizeof err), 0);
  assert_int_equal(r.steps, 100);
  assert_memory_equal(garbage, straight, sizeof straight);
  o.optimizer = FGRT_SGD; /* a checkpoint of another optimizer is refused */
  assert_int_equal(fgrt_train(&m, &o, garbage, &r, err, sizeof err), -1);
  assert_non_null(strstr(err, "does not match"));
  unlink(ck);
}

/* A NaN loss at step 7 stops training there: the message names the step,
 * theta is what 7 steps made of it, and no checkpoint is written. */
static void divergence_on_nan_loss(void **state) {
  (void)state;
  char ck[300];
  path_in(ck, sizeof ck, "nan.ckpt");
  for (int f32 = 0; f32 < 2; f32++) {
    quad q;
    quad_init(&q);
    fgrt_model m = model_of(&q);
    fgrt_train_opts o = quiet_opts();
    o.steps = 7;
    double seven[D] = {0}, t[D] = {0};
    assert_int_equal(train_in(f32, &m, &o, seven, NULL, NULL, 0), 0);
    q.nan_at = 7;
    o.steps = 100;
    o.checkpoint_path = ck;
    fgrt_train_result r;
    char err[256];
    assert_int_equal(train_in(f32, &m, &o, t, &r, err, sizeof err), -1);
    assert_true(r.diverged);
    assert_int_equal(r.diverged_step, 7);
    assert_non_null(strstr(err, "step 7: the loss is nan"));
    assert_memory_equal(t, seven, sizeof t);
    assert_int_equal(access(ck, F_OK), -1);
  }
}

/* A learning rate far too large blows the parameters up: detected, and the
 * periodic checkpoints before it hold finite values only. */
static void divergence_on_exploding_parameters(void **state) {
  (void)state;
  char ck[300];
  path_in(ck, sizeof ck, "boom.ckpt");
  for (int f32 = 0; f32 < 2; f32++) {
    quad q;
    quad_init(&q);
    fgrt_model m = model_of(&q);
    fgrt_train_opts o = quiet_opts();
    o.method = FGRT_EXACT_GRADIENT;
    o.lr = 100;
    o.steps = 100000;
    o.checkpoint_path = ck;
    o.checkpoint_every = 10;
    double t[D] = {0};
    fgrt_train_result r;
    char err[256];
    assert_int_equal(train_in(f32, &m, &o, t, &r, err, sizeof err), -1);
    assert_true(r.diverged);
    assert_true(r.diverged_step > 10 && r.diverged_step < 1000);
    assert_non_null(strstr(err, "diverged"));
    fgrt_checkpoint c;
    assert_int_equal(fgrt_ckpt_load(ck, &c, err, sizeof err), 0); /* loads: all finite */
    assert_true(c.step % 10 == 0 && c.step <= r.diverged_step);
    assert_int_equal(c.precision, f32 ? FGRT_FLOAT32 : FGRT_FLOAT64);
    fgrt_ckpt_free(&c);
    unlink(ck);
  }
}

static int count_lines(const char *p, char *first, size_t n) {
  FILE *f = fopen(p, "r");
  assert_non_null(f);
  char line[1024];
  int count = 0;
  while (fgets(line, sizeof line, f))
    if (count++ == 0)
      snprintf(first, n, "%s", line);
  fclose(f);
  return count;
}

/* CSV: a header naming the metrics, a row every log_every steps and at
 * each evaluation; JSON lines likewise; eval every 25 steps and at the end. */
static void logs_and_evaluation(void **state) {
  (void)state;
  char csv[300], jsonl[300], first[1024];
  path_in(csv, sizeof csv, "log.csv");
  path_in(jsonl, sizeof jsonl, "log.jsonl");
  for (int f32 = 0; f32 < 2; f32++)
  for (int j = 0; j < 2; j++) {
    quad q;
    quad_init(&q);
    fgrt_model m = model_of(&q);
    if (f32) /* the float run calls eval_f only */
      m.eval = NULL;
    else
      m.eval_f = NULL;
    fgrt_train_opts o = quiet_opts();
    o.steps = 110;
    o.log_every = 10;
    o.eval_every = 25;
    o.log_path = j ? jsonl : csv;
    double t[D] = {0};
    fgrt_train_result r;
    assert_int_equal(train_in(f32, &m, &o, t, &r, NULL, 0), 0);
    assert_int_equal(q.evals, 5); /* 25, 50, 75, 100, 110 */
    assert_true(r.evaluated);
    assert_true(r.metrics[0] == distance(&q, t)); /* of the final parameters */
    /* rows at 10..110 and at 25, 75 (50 and 100 coincide) */
    int rows = count_lines(o.log_path, first, sizeof first);
    assert_int_equal(rows, j ? 13 : 14);
    if (j)
      assert_true(strncmp(first, "{\"step\": 10, \"time_s\": ", 23) == 0);
    else
      assert_string_equal(first, "step,time_s,wall_s,loss,lr,distance,f\n");
    unlink(o.log_path);
  }
}

/* Plain progress lines (not a terminal): every progress_every steps. */
static void progress_lines(void **state) {
  (void)state;
  char out[300], first[1024];
  path_in(out, sizeof out, "progress.txt");
  for (int f32 = 0; f32 < 2; f32++) {
    fflush(stderr);
    int saved = dup(fileno(stderr));
    assert_non_null(freopen(out, "w", stderr));
    quad q;
    quad_init(&q);
    fgrt_model m = model_of(&q);
    m.eval = NULL;
    m.eval_f = NULL;
    m.n_metrics = 0;
    fgrt_train_opts o = quiet_opts();
    o.progress = 1;
    o.steps = 100;
    o.progress_every = 20;
    double t[D] = {0};
    int rc = train_in(f32, &m, &o, t, NULL, NULL, 0);
    fflush(stderr);
    dup2(saved, fileno(stderr));
    close(saved);
    assert_int_equal(rc, 0);
    assert_int_equal(count_lines(out, first, sizeof first), 5);
    assert_true(strncmp(first, "step 20/100  loss ", 18) == 0);
    assert_non_null(strstr(first, "steps/s  ETA "));
    unlink(out);
  }
}

/* stop_loss ends training once a logged mean loss reaches it. */
static void early_stop(void **state) {
  (void)state;
  for (int f32 = 0; f32 < 2; f32++) {
    quad q;
    quad_init(&q);
    fgrt_model m = model_of(&q);
    fgrt_train_opts o = quiet_opts();
    o.method = FGRT_EXACT_GRADIENT;
    o.lr = 0.1;
    o.steps = 100000;
    o.log_every = 5;
    o.stop_loss = 1e-6;
    double t[D] = {0};
    fgrt_train_result r;
    assert_int_equal(train_in(f32, &m, &o, t, &r, NULL, 0), 0);
    assert_true(r.stopped_early);
    assert_true(r.steps < 1000 && r.steps % 5 == 0);
    assert_true(r.loss <= 1e-6);
  }
}

/* An interrupt (here raised during the 30th step, as a SIGINT handler
 * would) stops training after that step, checkpointed there. */
static volatile sig_atomic_t interrupt_flag;

static double interrupting_jvp(void *user, const double *t, const double *v, const fgrt_batch *b, double *dfv) {
  if (b->step == 29)
    interrupt_flag = 1;
  return quad_jvp(user, t, v, b, dfv);
}

static double interrupting_jvp_f(void *user, const float *t, const float *v, const fgrt_batch *b, double *dfv) {
  if (b->step == 29)
    interrupt_flag = 1;
  return quad_jvp_f(user, t, v, b, dfv);
}

static void interrupt_stops_and_checkpoints(void **state) {
  (void)state;
  char ck[300];
  path_in(ck, sizeof ck, "interrupt.ckpt");
  for (int f32 = 0; f32 < 2; f32++) {
    interrupt_flag = 0;
    quad q;
    quad_init(&q);
    fgrt_model m = model_of(&q);
    m.loss_jvp = interrupting_jvp;
    m.loss_jvp_f = interrupting_jvp_f;
    fgrt_train_opts o = quiet_opts();
    o.steps = 1000;
    o.eval_every = 10;
    o.checkpoint_path = ck;
    o.interrupt = &interrupt_flag;
    double t[D] = {0};
    fgrt_train_result r;
    assert_int_equal(train_in(f32, &m, &o, t, &r, NULL, 0), 0);
    assert_true(r.interrupted && r.stopped_early);
    assert_int_equal(r.steps, 30);
    assert_int_equal(q.evals, 3); /* 10, 20 and 30, the final one */
    fgrt_checkpoint c;
    assert_int_equal(fgrt_ckpt_load(ck, &c, NULL, 0), 0);
    assert_int_equal(c.step, 30);
    assert_int_equal(c.precision, f32 ? FGRT_FLOAT32 : FGRT_FLOAT64);
    assert_memory_equal(c.theta, t, sizeof t);
    fgrt_ckpt_free(&c);
    unlink(ck);
  }
}

static void bad_options(void **state) {
  (void)state;
  quad q;
  quad_init(&q);
  fgrt_model m = model_of(&q);
  fgrt_train_opts o = quiet_opts();
  double t[D] = {0};
  char err[256];
  m.n_examples = 5;
  o.batch_size = 6;
  assert_int_equal(fgrt_train(&m, &o, t, NULL, err, sizeof err), -1);
  assert_non_null(strstr(err, "batch size 6 for 5 examples"));
  m.n_examples = 0;
  m.loss_jvp = NULL;
  assert_int_equal(fgrt_train(&m, &o, t, NULL, err, sizeof err), -1);
  assert_non_null(strstr(err, "no loss_jvp"));
  m = model_of(&q);
  o.log_path = "/nonexistent/dir/log.csv";
  assert_int_equal(fgrt_train(&m, &o, t, NULL, err, sizeof err), -1);
  assert_non_null(strstr(err, "/nonexistent/dir/log.csv: cannot open"));
}

/* fgrt_train(opts changed by `change`) is refused with exactly `message`,
 * before any callback, log or checkpoint. */
#define REFUSES(change, message) expect_refused_opts(__LINE__, (o = quiet_opts(), change, o), message)

/* In both precisions: fgrt_train_f's message starts "fgrt_train_f: ". */
static void expect_refused_opts(int line, fgrt_train_opts o, const char *message) {
  for (int f32 = 0; f32 < 2; f32++) {
    quad q;
    quad_init(&q);
    fgrt_model m = model_of(&q);
    double t[D] = {0};
    char err[256] = "", log[300], ck[300], expect[300];
    snprintf(log, sizeof log, "%s/refused.csv", dir);
    snprintf(ck, sizeof ck, "%s/refused.ckpt", dir);
    snprintf(expect, sizeof expect, "%s%s", f32 ? "fgrt_train_f" : "fgrt_train", message + strlen("fgrt_train"));
    o.log_path = log;
    o.checkpoint_path = ck;
    if (train_in(f32, &m, &o, t, NULL, err, sizeof err) != -1 || strcmp(err, expect) != 0)
      fail_msg("line %d: got '%s', expected '%s'", line, err, expect);
    assert_int_equal(q.calls + q.evals, 0);
    assert_int_not_equal(access(log, F_OK), 0);
    assert_int_not_equal(access(ck, F_OK), 0);
  }
}

/* Options that make no sense are refused, whoever the caller. */
static void refuses_nonsense_options(void **state) {
  (void)state;
  fgrt_train_opts o;
  REFUSES(o.lr = -1, "fgrt_train: lr is -1; expected a finite number > 0");
  REFUSES(o.lr = 0, "fgrt_train: lr is 0; expected a finite number > 0");
  REFUSES(o.lr = NAN, "fgrt_train: lr is nan; expected a finite number > 0");
  REFUSES(o.lr = INFINITY, "fgrt_train: lr is inf; expected a finite number > 0");
  REFUSES(o.steps = 0, "fgrt_train: steps is 0; expected at least 1");
  REFUSES(o.directions = 0, "fgrt_train: directions is 0; expected at least 1");
  REFUSES((o.schedule = FGRT_LR_EXP, o.decay = -1e-4), "fgrt_train: decay is -0.0001; expected a finite number >= 0");
  REFUSES((o.schedule = FGRT_LR_STEP, o.decay = 2), "fgrt_train: decay is 2; expected a factor in (0, 1] for FGRT_LR_STEP");
  REFUSES((o.schedule = FGRT_LR_STEP, o.decay = 0), "fgrt_train: decay is 0; expected a factor in (0, 1] for FGRT_LR_STEP");
  REFUSES((o.schedule = FGRT_LR_STEP, o.decay = 0.5, o.step_every = 0),
          "fgrt_train: step_every is 0; expected at least 1 for FGRT_LR_STEP");
  REFUSES((o.optimizer = FGRT_MOMENTUM, o.momentum = 1), "fgrt_train: momentum is 1; expected a number in [0, 1)");
  REFUSES((o.optimizer = FGRT_MOMENTUM, o.momentum = -0.5), "fgrt_train: momentum is -0.5; expected a number in [0, 1)");
  REFUSES((o.optimizer = FGRT_ADAM, o.beta1 = 1), "fgrt_train: beta1 is 1; expected a number in [0, 1)");
  REFUSES((o.optimizer = FGRT_ADAM, o.beta2 = 1.5), "fgrt_train: beta2 is 1.5; expected a number in [0, 1)");
  REFUSES((o.optimizer = FGRT_ADAM, o.eps = 0), "fgrt_train: eps is 0; expected a finite number > 0");
  REFUSES(o.weight_decay = -1, "fgrt_train: weight_decay is -1; expected a finite number >= 0");
  REFUSES(o.clip_norm = -1, "fgrt_train: clip_norm is -1; expected 0 (off) or a finite number > 0");
  REFUSES(o.clip_norm = NAN, "fgrt_train: clip_norm is nan; expected 0 (off) or a finite number > 0");
  REFUSES(o.stop_loss = NAN, "fgrt_train: stop_loss is nan; expected a number or -inf (off)");
  REFUSES(o.optimizer = (fgrt_optimizer)3, "fgrt_train: optimizer is 3; expected FGRT_SGD, FGRT_MOMENTUM or FGRT_ADAM");
  REFUSES(o.schedule = (fgrt_schedule)9,
          "fgrt_train: schedule is 9; expected an fgrt_schedule, FGRT_LR_CONSTANT to FGRT_LR_COSINE");
  REFUSES(o.method = (fgrt_method)2, "fgrt_train: method is 2; expected FGRT_FORWARD_GRADIENT or FGRT_EXACT_GRADIENT");
  REFUSES(o.direction = (fgrt_direction)2, "fgrt_train: direction is 2; expected FGRT_NORMAL or FGRT_RADEMACHER");
  REFUSES(o.progress = 2, "fgrt_train: progress is 2; expected -1 (auto), 0 (off) or 1 (on)");
  REFUSES(o.mpi_directions = (fgrt_mpi_directions)3,
          "fgrt_train: mpi_directions is 3; expected FGRT_MPI_NONE, FGRT_MPI_SHARED or FGRT_MPI_PER_RANK");
  REFUSES(o.mpi_directions = FGRT_MPI_SHARED, "fgrt_train: mpi_directions is FGRT_MPI_SHARED but mpi_comm is NULL; "
                                              "expected a communicator from fgrt_mpi_comm (fgrt_mpi.h)");

  /* An optimizer's constants matter only to it: plain SGD ignores them. */
  quad q;
  quad_init(&q);
  fgrt_model m = model_of(&q);
  double t[D] = {0};
  o = quiet_opts();
  o.steps = 5;
  o.momentum = 1;
  o.beta2 = 2;
  o.eps = 0;
  assert_int_equal(fgrt_train(&m, &o, t, NULL, NULL, 0), 0);
  assert_int_equal(q.seen_steps, 5);
  quad_init(&q);
  assert_int_equal(train_in(1, &m, &o, t, NULL, NULL, 0), 0);
  assert_int_equal(q.seen_steps, 5);
}

/* ---------------------------------------------------------------- distributed, one rank */

/* The collectives of a single rank: the sums and the gathering of one. */
static int one_sum_f(const fgrt_comm *c, float *x, int n, char *err, size_t errlen) {
  (void)c, (void)x, (void)n, (void)err, (void)errlen;
  return 0;
}

static int one_sum(const fgrt_comm *c, double *x, int n, char *err, size_t errlen) {
  (void)c, (void)x, (void)n, (void)err, (void)errlen;
  return 0;
}

static int one_gather(const fgrt_comm *c, const void *mine, int bytes, void *all, char *err, size_t errlen) {
  (void)c, (void)err, (void)errlen;
  memcpy(all, mine, (size_t)bytes);
  return 0;
}

/* On one rank both distributed modes, and the exact method's all-reduced
 * gradient, are the one-process run bit for bit (weight 1, direction index
 * k), in both precisions, with data and without, with K = 1 (the direction
 * used in place) and K = 3; the step's exchange is counted; the exact
 * method with per-rank directions is refused. The MPI runs with 1, 2 and 4
 * ranks are test_mpi.c's. */
static void one_rank_run(int f32, int variant, unsigned k, int data) {
  static const fgrt_comm one = {0, 1, one_sum, one_gather, one_sum_f};
  int exact = variant == 2;
  fgrt_mpi_directions mode = variant == 1 ? FGRT_MPI_PER_RANK : FGRT_MPI_SHARED;
  quad q;
  quad_init(&q);
  fgrt_model m = model_of(&q);
  m.n_examples = data ? EXAMPLES : 0;
  fgrt_train_opts o = quiet_opts();
  o.steps = 50, o.batch_size = 4, o.lr = 0.05, o.directions = k, o.clip_norm = 0.5, o.eval_every = 10;
  o.method = exact ? FGRT_EXACT_GRADIENT : FGRT_FORWARD_GRADIENT;
  double ref[D] = {0}, got[D] = {0};
  fgrt_train_result r1, r2;
  assert_int_equal(train_in(f32, &m, &o, ref, &r1, NULL, 0), 0);
  o.mpi_directions = mode;
  o.mpi_comm = &one;
  o.mpi_check_every = 7;
  assert_int_equal(train_in(f32, &m, &o, got, &r2, NULL, 0), 0);
  if (memcmp(ref, got, sizeof ref) != 0 || r1.loss != r2.loss)
    fail_msg("f32 %d variant %d K %u data %d: not the one-process run", f32, variant, k, data);
  assert_int_equal(r2.ranks, 1);
  uint64_t bytes = exact ? D * (f32 ? 4 : 8) + 24 : 8 * (k + (mode == FGRT_MPI_SHARED ? 3 : 2));
  assert_int_equal(r2.comm_bytes_per_step, bytes);
  assert_true(r2.comm_bytes > 50 * r2.comm_bytes_per_step);
  assert_true(r2.evaluated && r2.metrics[1] == r1.metrics[1]);
}

static void one_rank_runs(void **state) {
  (void)state;
  for (int f32 = 0; f32 < 2; f32++)
    for (int variant = 0; variant < 3; variant++)
      for (unsigned k = 1; k <= 3; k += 2)
        for (int data = 0; data < 2; data++)
          one_rank_run(f32, variant, k, data);
  static const fgrt_comm one = {0, 1, one_sum, one_gather, one_sum_f};
  quad q;
  quad_init(&q);
  fgrt_model m = model_of(&q);
  fgrt_train_opts o = quiet_opts();
  o.method = FGRT_EXACT_GRADIENT, o.mpi_directions = FGRT_MPI_PER_RANK, o.mpi_comm = &one;
  double t[D] = {0};
  char err[256];
  fgrt_train_result r;
  assert_int_equal(fgrt_train(&m, &o, t, &r, err, sizeof err), -1);
  assert_non_null(strstr(err, "FGRT_MPI_PER_RANK needs the forward-gradient method"));
  assert_int_equal(q.calls, 0);
}

/* ---------------------------------------------------------------- float32 */

/* The model in one precision only: the other's callbacks NULL. */
static fgrt_model model_only(quad *q, int f32) {
  fgrt_model m = model_of(q);
  if (f32)
    m.loss_jvp = NULL, m.loss_grad = NULL, m.eval = NULL;
  else
    m.loss_jvp_f = NULL, m.loss_grad_f = NULL, m.eval_f = NULL;
  return m;
}

/* g by hand, as fgrt_forward_gradient_f documents it: d_k = ∇f·v_k in
 * double with v_k = fgrt_fill_*_f(seed, step, k), then
 * g = Σ_k (float)(d_k / K) v_k summed in float in the order of k. Also
 * exact[] = (1/K) Σ d_k v_k in double and bound[] = (1/K) Σ |d_k v_k|. */
static void forward_gradient_by_hand(const quad *q, uint64_t seed, fgrt_direction dist, unsigned K, uint64_t step,
                                     const float *t, float *g, double *exact, double *bound) {
  fgrt_rng rng;
  fgrt_rng_init(&rng, seed);
  double grad[D];
  quad_ff(q, t, grad);
  for (unsigned k = 0; k < K; k++) {
    float v[D];
    if (dist == FGRT_RADEMACHER)
      fgrt_fill_rademacher_f(&rng, step, k, 0, v, D);
    else
      fgrt_fill_normal_f(&rng, step, k, 0, v, D);
    double d = 0;
    for (int i = 0; i < D; i++)
      d += grad[i] * v[i];
    float c = (float)(d / K);
    for (int i = 0; i < D; i++) {
      g[i] = k == 0 ? c * v[i] : g[i] + c * v[i];
      exact[i] = (k == 0 ? 0 : exact[i]) + d * v[i] / K;
      bound[i] = (k == 0 ? 0 : bound[i]) + fabs(d * v[i]) / K;
    }
  }
}

/* fgrt_forward_gradient_f = (1/K) Σ (∇f·v_k) v_k with the float directions:
 * bit for bit as computed by hand in float, and within float rounding of the
 * same sum in double; the loss is the mean of the K calls. */
static void forward_gradient_f_by_hand(void **state) {
  (void)state;
  quad q;
  quad_init(&q);
  fgrt_model m = model_only(&q, 1);
  fgrt_rng rng;
  fgrt_rng_init(&rng, 7);
  float t[D], g[D], v[D], want[D];
  for (int i = 0; i < D; i++)
    t[i] = (float)(0.3 * i - 1);
  const unsigned ks[] = {1, 3, 5};
  for (int dist = 0; dist < 2; dist++)
    for (int ki = 0; ki < 3; ki++)
      for (uint64_t step = 0; step < 40; step += 13) {
        fgrt_batch b = {NULL, 0, step, 0};
        fgrt_direction dd = dist ? FGRT_RADEMACHER : FGRT_NORMAL;
        double loss = fgrt_forward_gradient_f(&m, &rng, dd, ks[ki], t, &b, g, v);
        double exact[D], bound[D];
        forward_gradient_by_hand(&q, 7, dd, ks[ki], step, t, want, exact, bound);
        assert_memory_equal(g, want, sizeof g);
        for (int i = 0; i < D; i++)
          if (!(fabs(g[i] - exact[i]) <= 4e-7 * bound[i] * ks[ki]))
            fail_msg("dist %d K %u step %llu: g[%d] = %.9g, (1/K) sum = %.9g", dist, ks[ki],
                     (unsigned long long)step, i, g[i], exact[i]);
        assert_true(fabs(loss - quad_ff(&q, t, NULL)) <= 1e-15 * loss);
      }
}

/* One float32 step of the driver by hand: the gradient as above (exact:
 * ∇f rounded to float), the coefficients rounded to float once, the update
 * in float. */
static void step_by_hand(const quad *q, const fgrt_train_opts *o, uint64_t step, float *t, float *m, float *s) {
  float g[D];
  double exact[D], bound[D], grad[D];
  if (o->method == FGRT_EXACT_GRADIENT) {
    quad_ff(q, t, grad);
    for (int i = 0; i < D; i++)
      g[i] = (float)grad[i];
  } else {
    forward_gradient_by_hand(q, o->seed, o->direction, o->directions, step, t, g, exact, bound);
  }
  float lr = (float)fgrt_learning_rate(o, step), wd = (float)o->weight_decay;
  float b1 = (float)o->beta1, b2 = (float)o->beta2, eps = (float)o->eps, mu = (float)o->momentum;
  float c1 = (float)(1 / (1 - pow(o->beta1, step + 1.0))), c2 = (float)(1 / (1 - pow(o->beta2, step + 1.0)));
  for (int i = 0; i < D; i++) {
    float gi = g[i] + wd * t[i];
    if (o->optimizer == FGRT_SGD) {
      t[i] -= lr * gi;
    } else if (o->optimizer == FGRT_MOMENTUM) { /* weight decay added last, as the driver does */
      m[i] = mu * m[i] + g[i] + wd * t[i];
      t[i] -= lr * m[i];
    } else {
      m[i] = b1 * m[i] + (float)(1 - o->beta1) * gi;
      s[i] = b2 * s[i] + (float)(1 - o->beta2) * gi * gi;
      t[i] -= lr * (m[i] * c1) / (sqrtf(s[i] * c2) + eps);
    }
  }
}

/* fgrt_train_f takes exactly the float steps computed by hand, for each
 * optimizer and method, K = 1 and 3, both distributions, weight decay and
 * a schedule; a float-only model needs no double callback. */
static void float_steps_by_hand(void **state) {
  (void)state;
  const fgrt_optimizer optims[] = {FGRT_SGD, FGRT_MOMENTUM, FGRT_ADAM};
  for (int method = 0; method < 2; method++)
    for (int k = 0; k < 3; k++)
      for (unsigned K = 1; K <= 3; K += 2) {
        quad q;
        quad_init(&q);
        fgrt_model m = model_only(&q, 1);
        fgrt_train_opts o = quiet_opts();
        o.method = method ? FGRT_EXACT_GRADIENT : FGRT_FORWARD_GRADIENT;
        o.optimizer = optims[k];
        o.directions = K;
        o.direction = K == 3 ? FGRT_RADEMACHER : FGRT_NORMAL;
        o.steps = 5;
        o.lr = 0.03;
        o.schedule = FGRT_LR_EXP;
        o.decay = 0.1;
        o.weight_decay = 0.01;
        o.seed = 11;
        float t[D], want[D], mm[D] = {0}, ss[D] = {0};
        for (int i = 0; i < D; i++)
          t[i] = want[i] = (float)(0.1 * i);
        char err[256];
        assert_int_equal(fgrt_train_f(&m, &o, t, NULL, err, sizeof err), 0);
        for (uint64_t step = 0; step < o.steps; step++)
          step_by_hand(&q, &o, step, want, mm, ss);
        if (memcmp(t, want, sizeof t) != 0)
          fail_msg("method %d optimizer %d K %u: theta[0] %.9g, by hand %.9g", method, k, K, t[0], want[0]);
      }
}

/* float32: 50 steps, checkpoint, resume to 100 == 100 steps straight, bit
 * for bit (Adam state, minibatch order and float directions continue);
 * the checkpoint says float32 and holds float values. */
static void float_resume_is_exact(void **state) {
  (void)state;
  char ck[300];
  path_in(ck, sizeof ck, "resume_f32.ckpt");
  float straight[D] = {0}, resumed[D] = {0};
  quad q;
  quad_init(&q);
  fgrt_model m = model_only(&q, 1);
  m.n_examples = EXAMPLES;
  fgrt_train_opts o = quiet_opts();
  o.optimizer = FGRT_ADAM;
  o.batch_size = 4;
  o.directions = 3;
  o.lr = 0.01;
  o.steps = 100;
  char err[256];
  assert_int_equal(fgrt_train_f(&m, &o, straight, NULL, err, sizeof err), 0);
  o.steps = 50;
  o.checkpoint_path = ck;
  assert_int_equal(fgrt_train_f(&m, &o, resumed, NULL, err, sizeof err), 0);
  fgrt_checkpoint c;
  assert_int_equal(fgrt_ckpt_load(ck, &c, err, sizeof err), 0);
  assert_int_equal(c.precision, FGRT_FLOAT32);
  assert_int_equal(c.n_state, 2);
  for (int i = 0; i < D; i++)
    assert_true(c.theta[i] == resumed[i]);
  fgrt_ckpt_free(&c);
  float garbage[D];
  for (int i = 0; i < D; i++)
    garbage[i] = 1e3f * i;
  o.steps = 100;
  o.checkpoint_path = NULL;
  o.resume_path = ck;
  fgrt_train_result r;
  assert_int_equal(fgrt_train_f(&m, &o, garbage, &r, err, sizeof err), 0);
  assert_int_equal(r.steps, 100);
  assert_memory_equal(garbage, straight, sizeof straight);
  unlink(ck);
}

/* A checkpoint resumes only in its own precision: the refusal names the
 * file and both precisions, before any callback, and theta is untouched. */
static void cross_precision_resume_refused(void **state) {
  (void)state;
  char ck[300], want[600];
  path_in(ck, sizeof ck, "cross.ckpt");
  for (int f32 = 0; f32 < 2; f32++) {
    quad q;
    quad_init(&q);
    fgrt_model m = model_of(&q);
    fgrt_train_opts o = quiet_opts();
    o.steps = 10;
    o.checkpoint_path = ck;
    double t[D] = {0};
    char err[512];
    assert_int_equal(train_in(f32, &m, &o, t, NULL, err, sizeof err), 0); /* a checkpoint in one precision */
    o.steps = 20;
    o.checkpoint_path = NULL;
    o.resume_path = ck;
    double before[D];
    for (int i = 0; i < D; i++)
      t[i] = before[i] = 0.5 * i;
    q.calls = q.evals = 0;
    assert_int_equal(train_in(!f32, &m, &o, t, NULL, err, sizeof err), -1); /* resumed in the other */
    snprintf(want, sizeof want, "%s: a %s checkpoint cannot resume %s training (%s); resume it in %s", ck,
             f32 ? "float32" : "float64", f32 ? "float64" : "float32", f32 ? "fgrt_train" : "fgrt_train_f",
             f32 ? "float32" : "float64");
    assert_string_equal(err, want);
    assert_memory_equal(t, before, sizeof t);
    assert_int_equal(q.calls + q.evals, 0);
    unlink(ck);
  }
}

/* Each precision needs its own callbacks: the missing one is named, before
 * any callback runs; an evaluation in the other precision only is refused,
 * not skipped. */
static void missing_callbacks_refused(void **state) {
  (void)state;
  const struct {
    int f32, method;
    const char *drop;
    const char *message;
  } cases[] = {
      {1, FGRT_FORWARD_GRADIENT, "float", "fgrt_train_f: the model has no loss_jvp_f callback for this method"},
      {1, FGRT_EXACT_GRADIENT, "float", "fgrt_train_f: the model has no loss_grad_f callback for this method"},
      {0, FGRT_FORWARD_GRADIENT, "double", "fgrt_train: the model has no loss_jvp callback for this method"},
      {0, FGRT_EXACT_GRADIENT, "double", "fgrt_train: the model has no loss_grad callback for this method"},
      {1, FGRT_FORWARD_GRADIENT, "eval_f",
       "fgrt_train_f: the model has no eval_f callback (its evaluation is for the other precision only)"},
      {0, FGRT_FORWARD_GRADIENT, "eval",
       "fgrt_train: the model has no eval callback (its evaluation is for the other precision only)"},
      {1, FGRT_FORWARD_GRADIENT, "both evals", "fgrt_train_f: 2 metrics (0 to 8, with eval_f and metric_names)"},
  };
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    quad q;
    quad_init(&q);
    fgrt_model m = model_of(&q);
    if (!strcmp(cases[i].drop, "double")) /* the callbacks of that precision */
      m = model_only(&q, 1);
    else if (!strcmp(cases[i].drop, "float"))
      m = model_only(&q, 0);
    else if (!strcmp(cases[i].drop, "eval_f"))
      m.eval_f = NULL;
    else if (!strcmp(cases[i].drop, "eval"))
      m.eval = NULL;
    else
      m.eval = NULL, m.eval_f = NULL;
    fgrt_train_opts o = quiet_opts();
    o.method = (fgrt_method)cases[i].method;
    double t[D] = {0};
    char err[256] = "";
    if (train_in(cases[i].f32, &m, &o, t, NULL, err, sizeof err) != -1 || strcmp(err, cases[i].message) != 0)
      fail_msg("case %zu: got '%s', expected '%s'", i, err, cases[i].message);
    assert_int_equal(q.calls + q.evals, 0);
  }
}

int main(void) {
  if (!mkdtemp(dir))
    return 1;
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(converges),
      cmocka_unit_test(estimate_variance_falls_as_one_over_k),
      cmocka_unit_test(schedules),
      cmocka_unit_test(minibatch_permutations),
      cmocka_unit_test(resume_is_exact),
      cmocka_unit_test(divergence_on_nan_loss),
      cmocka_unit_test(divergence_on_exploding_parameters),
      cmocka_unit_test(logs_and_evaluation),
      cmocka_unit_test(progress_lines),
      cmocka_unit_test(early_stop),
      cmocka_unit_test(interrupt_stops_and_checkpoints),
      cmocka_unit_test(bad_options),
      cmocka_unit_test(refuses_nonsense_options),
      cmocka_unit_test(one_rank_runs),
      cmocka_unit_test(forward_gradient_f_by_hand),
      cmocka_unit_test(float_steps_by_hand),
      cmocka_unit_test(float_resume_is_exact),
      cmocka_unit_test(cross_precision_resume_refused),
      cmocka_unit_test(missing_callbacks_refused),
  };
  int failed = cmocka_run_group_tests(tests, NULL, NULL);
  rmdir(dir);
  return failed;
}
