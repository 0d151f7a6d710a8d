/*
 * test_train.c -- the training driver on problems with known answers.
 *
 * The model is the quadratic f(θ) = ½ Σ a_i (θ_i - c_i)² (optionally over
 * a dataset: each example shifts c), whose gradient and directional
 * derivative are written by hand here. Checked: convergence of every
 * optimizer with both methods, the variance of the K-direction estimate
 * against its closed form, the schedules, minibatch permutations, resuming
 * from a checkpoint bit for bit, divergence detection, logs, evaluation and
 * early stopping.
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

static fgrt_model model_of(quad *q) {
  fgrt_model m = {D, 0, q, quad_jvp, quad_grad, quad_eval, 2, metric_names};
  return m;
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

/* Every optimizer, with exact and forward gradients, reaches c. The
 * forward-gradient noise is multiplicative (g = (∇f·v) v vanishes at the
 * minimum), so it converges to c too, only more slowly. */
static void converges(void **state) {
  (void)state;
  const fgrt_optimizer optims[] = {FGRT_SGD, FGRT_MOMENTUM, FGRT_ADAM};
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
      assert_int_equal(fgrt_train(&m, &o, t, &r, err, sizeof err), 0);
      if (!(distance(&q, t) < 1e-4))
        fail_msg("method %d optimizer %d: distance %g", method, k, distance(&q, t));
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
  quad_f(&q, t, grad);
  double u2 = 0;
  for (int i = 0; i < D; i++)
    u2 += grad[i] * grad[i];
  const unsigned ks[] = {1, 4, 16};
  const int trials = 20000;
  for (int dist = 0; dist < 2; dist++)
    for (int ki = 0; ki < 3; ki++) {
      double err2 = 0, mean[D] = {0};
      for (int s = 0; s < trials; s++) {
        fgrt_batch b = {NULL, 0, (uint64_t)s, 0};
        fgrt_forward_gradient(&m, &rng, dist ? FGRT_RADEMACHER : FGRT_NORMAL, ks[ki], t, &b, g, v);
        for (int i = 0; i < D; i++) {
          err2 += (g[i] - grad[i]) * (g[i] - grad[i]);
          mean[i] += g[i] / trials;
        }
      }
      double expect = (dist ? D - 1 : D + 1) * u2 / ks[ki];
      double got = err2 / trials;
      if (fabs(got / expect - 1) > 0.06)
        fail_msg("dist %d K %u: E|g-grad|^2 = %g, expected %g", dist, ks[ki], got, expect);
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
  quad q;
  quad_init(&q);
  fgrt_model m = model_of(&q);
  fgrt_train_opts o = quiet_opts();
  o.steps = 7;
  double seven[D] = {0}, t[D] = {0};
  assert_int_equal(fgrt_train(&m, &o, seven, NULL, NULL, 0), 0);
  q.nan_at = 7;
  o.steps = 100;
  o.checkpoint_path = ck;
  fgrt_train_result r;
  char err[256];
  assert_int_equal(fgrt_train(&m, &o, t, &r, err, sizeof err), -1);
  assert_true(r.diverged);
  assert_int_equal(r.diverged_step, 7);
  assert_non_null(strstr(err, "step 7: the loss is nan"));
  assert_memory_equal(t, seven, sizeof t);
  assert_int_equal(access(ck, F_OK), -1);
}

/* A learning rate far too large blows the parameters up: detected, and the
 * periodic checkpoints before it hold finite values only. */
static void divergence_on_exploding_parameters(void **state) {
  (void)state;
  char ck[300];
  path_in(ck, sizeof ck, "boom.ckpt");
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
  assert_int_equal(fgrt_train(&m, &o, t, &r, err, sizeof err), -1);
  assert_true(r.diverged);
  assert_true(r.diverged_step > 10 && r.diverged_step < 1000);
  assert_non_null(strstr(err, "diverged"));
  fgrt_checkpoint c;
  assert_int_equal(fgrt_ckpt_load(ck, &c, err, sizeof err), 0); /* loads: all finite */
  assert_true(c.step % 10 == 0 && c.step <= r.diverged_step);
  fgrt_ckpt_free(&c);
  unlink(ck);
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
  for (int j = 0; j < 2; j++) {
    quad q;
    quad_init(&q);
    fgrt_model m = model_of(&q);
    fgrt_train_opts o = quiet_opts();
    o.steps = 110;
    o.log_every = 10;
    o.eval_every = 25;
    o.log_path = j ? jsonl : csv;
    double t[D] = {0};
    assert_int_equal(fgrt_train(&m, &o, t, NULL, NULL, 0), 0);
    assert_int_equal(q.evals, 5); /* 25, 50, 75, 100, 110 */
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
  fflush(stderr);
  int saved = dup(fileno(stderr));
  assert_non_null(freopen(out, "w", stderr));
  quad q;
  quad_init(&q);
  fgrt_model m = model_of(&q);
  m.eval = NULL;
  m.n_metrics = 0;
  fgrt_train_opts o = quiet_opts();
  o.progress = 1;
  o.steps = 100;
  o.progress_every = 20;
  double t[D] = {0};
  int rc = fgrt_train(&m, &o, t, NULL, NULL, 0);
  fflush(stderr);
  dup2(saved, fileno(stderr));
  close(saved);
  assert_int_equal(rc, 0);
  assert_int_equal(count_lines(out, first, sizeof first), 5);
  assert_true(strncmp(first, "step 20/100  loss ", 18) == 0);
  assert_non_null(strstr(first, "steps/s  ETA "));
  unlink(out);
}

/* stop_loss ends training once a logged mean loss reaches it. */
static void early_stop(void **state) {
  (void)state;
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
  assert_int_equal(fgrt_train(&m, &o, t, &r, NULL, 0), 0);
  assert_true(r.stopped_early);
  assert_true(r.steps < 1000 && r.steps % 5 == 0);
  assert_true(r.loss <= 1e-6);
}

/* An interrupt (here raised during the 30th step, as a SIGINT handler
 * would) stops training after that step, checkpointed there. */
static volatile sig_atomic_t interrupt_flag;

static double interrupting_jvp(void *user, const double *t, const double *v, const fgrt_batch *b, double *dfv) {
  if (b->step == 29)
    interrupt_flag = 1;
  return quad_jvp(user, t, v, b, dfv);
}

static void interrupt_stops_and_checkpoints(void **state) {
  (void)state;
  char ck[300];
  path_in(ck, sizeof ck, "interrupt.ckpt");
  quad q;
  quad_init(&q);
  fgrt_model m = model_of(&q);
  m.loss_jvp = interrupting_jvp;
  fgrt_train_opts o = quiet_opts();
  o.steps = 1000;
  o.eval_every = 10;
  o.checkpoint_path = ck;
  o.interrupt = &interrupt_flag;
  double t[D] = {0};
  fgrt_train_result r;
  assert_int_equal(fgrt_train(&m, &o, t, &r, NULL, 0), 0);
  assert_true(r.interrupted && r.stopped_early);
  assert_int_equal(r.steps, 30);
  fgrt_checkpoint c;
  assert_int_equal(fgrt_ckpt_load(ck, &c, NULL, 0), 0);
  assert_int_equal(c.step, 30);
  assert_memory_equal(c.theta, t, sizeof t);
  fgrt_ckpt_free(&c);
  unlink(ck);
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

static void expect_refused_opts(int line, fgrt_train_opts o, const char *message) {
  quad q;
  quad_init(&q);
  fgrt_model m = model_of(&q);
  double t[D] = {0};
  char err[256] = "", log[300], ck[300];
  snprintf(log, sizeof log, "%s/refused.csv", dir);
  snprintf(ck, sizeof ck, "%s/refused.ckpt", dir);
  o.log_path = log;
  o.checkpoint_path = ck;
  if (fgrt_train(&m, &o, t, NULL, err, sizeof err) != -1 || strcmp(err, message) != 0)
    fail_msg("line %d: got '%s', expected '%s'", line, err, message);
  assert_int_equal(q.calls + q.evals, 0);
  assert_int_not_equal(access(log, F_OK), 0);
  assert_int_not_equal(access(ck, F_OK), 0);
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
  };
  int failed = cmocka_run_group_tests(tests, NULL, NULL);
  rmdir(dir);
  return failed;
}
