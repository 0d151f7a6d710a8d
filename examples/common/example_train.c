/*
 * example_train.c -- the training run of an example in one precision:
 * wraps the model's generated loss_jvp (or its backprop gradient) as an
 * fgrt_model over minibatches, trains with libfgrt and reports the test
 * accuracy. Built twice (real.h): example_train_f64 and example_train_f32.
 */
#include <stdio.h>
#include <stdlib.h>

#include "example_int.h"
#include "real.h"

#ifdef EXAMPLE_F32
#define FNS(m) ((m)->f32)
#define fgrt_train_real fgrt_train_f
#else
#define FNS(m) ((m)->f64)
#define fgrt_train_real fgrt_train
#endif

typedef struct {
  const example_model *m;
  const example_dataset *train, *test;
  size_t test_limit;
  real *x;       /* one minibatch or evaluation chunk of pixels */
  int *y;
  real *z;       /* its logits */
  size_t cap;    /* images x, y and z hold */
} context;

/* x[k] = the pixels of image index[k] scaled to [0, 1] (index NULL: first..first+n) */
static void gather(const example_dataset *d, const uint32_t *index, size_t first, size_t n, real *x, int *y) {
  for (size_t k = 0; k < n; k++) {
    size_t i = index ? index[k] : first + k;
    const uint8_t *p = d->pixels + i * EXAMPLE_PIXELS;
    for (int j = 0; j < EXAMPLE_PIXELS; j++)
      x[k * EXAMPLE_PIXELS + j] = (real)(p[j] * (1.0 / 255));
    y[k] = d->labels[i];
  }
}

static double batch_jvp(void *user, const real *theta, const real *v, const fgrt_batch *b, double *dfv) {
  context *c = user;
  gather(c->train, b->index, 0, b->size, c->x, c->y);
  real d, f = FNS(c->m)->loss_jvp(theta, v, c->x, c->y, (int)b->size, &d);
  *dfv = d;
  return f;
}

/* EXAMPLE_WIDTH directions in one pass: v interleaved, dfv[k] = ∇f·v_k */
static double batch_jvp_w(void *user, const real *theta, const real *v, const fgrt_batch *b, double *dfv) {
  context *c = user;
  real d[EXAMPLE_WIDTH];
  gather(c->train, b->index, 0, b->size, c->x, c->y);
  real f = FNS(c->m)->loss_jvp_w(theta, v, c->x, c->y, (int)b->size, d);
  for (int k = 0; k < EXAMPLE_WIDTH; k++)
    dfv[k] = d[k];
  return f;
}

static double batch_grad(void *user, const real *theta, const fgrt_batch *b, real *grad) {
  context *c = user;
  gather(c->train, b->index, 0, b->size, c->x, c->y);
  return FNS(c->m)->loss_grad(theta, c->x, c->y, (int)b->size, grad);
}

static int argmax(const real *z) {
  int best = 0;
  for (int k = 1; k < EXAMPLE_CLASSES; k++)
    if (z[k] > z[best])
      best = k;
  return best;
}

/* Test loss and accuracy over the first `limit` test images, in chunks. */
static void evaluate(context *c, const real *theta, size_t limit, double *loss, double *accuracy) {
  size_t n = limit && limit < c->test->n ? limit : c->test->n, correct = 0;
  double total = 0;
  for (size_t first = 0; first < n; first += c->cap) {
    size_t k = n - first < c->cap ? n - first : c->cap;
    gather(c->test, NULL, first, k, c->x, c->y);
    total += FNS(c->m)->loss(theta, c->x, c->y, (int)k) * (double)k;
    FNS(c->m)->logits(theta, c->x, (int)k, c->z);
    for (size_t i = 0; i < k; i++)
      correct += argmax(c->z + i * EXAMPLE_CLASSES) == c->y[i];
  }
  *loss = total / (double)n;
  *accuracy = (double)correct / (double)n;
}

static const char *const metric_names[] = {"test_loss", "test_accuracy"};

static int eval_metrics(void *user, const real *theta, uint64_t step, double *metrics) {
  context *c = user;
  (void)step;
  evaluate(c, theta, c->test_limit, &metrics[0], &metrics[1]);
  return 0;
}

/* The vector-mode derivative pays from 8 directions on: below, its wasted
 * lanes cost more than the scalar passes it replaces. */
static int use_vector(const example_options *o) {
  return !o->backprop && !o->scalar_jvp && o->t.directions >= EXAMPLE_WIDTH;
}

/* The callbacks of this precision in an fgrt_model. */
static fgrt_model as_fgrt_model(context *c, const example_options *o, size_t n) {
  fgrt_model fm = {.n_params = n, .n_examples = c->train->n, .user = c, .n_metrics = 2, .metric_names = metric_names};
#ifdef EXAMPLE_F32
  fm.loss_jvp_f = batch_jvp, fm.loss_grad_f = batch_grad, fm.eval_f = eval_metrics;
  if (use_vector(o))
    fm.width = EXAMPLE_WIDTH, fm.loss_jvp_w_f = batch_jvp_w;
#else
  fm.loss_jvp = batch_jvp, fm.loss_grad = batch_grad, fm.eval = eval_metrics;
  if (use_vector(o))
    fm.width = EXAMPLE_WIDTH, fm.loss_jvp_w = batch_jvp_w;
#endif
  return fm;
}

static void report(const example_model *m, const example_options *o, const fgrt_train_result *r, double acc,
                   double loss) {
  printf("%s: %s, %llu steps of %zu images in %.1f s (%.1f steps/s): train loss %.4f, test loss %.4f, "
         "test accuracy %.2f%%\n",
         m->name, o->backprop ? "backprop" : "forward gradient", (unsigned long long)r->steps, o->t.batch_size,
         r->seconds, r->seconds > 0 ? (double)r->steps / r->seconds : 0, r->loss, loss, 100 * acc);
}

/* A distributed run's traffic: the bytes a step's collective hands each
 * rank, against the all-reduce of the whole gradient that data-parallel
 * backprop (DDP) needs, n values of this precision. */
static void report_mpi(const example_model *m, const example_options *o, const fgrt_train_result *r, size_t n) {
  double ddp = (double)n * sizeof(real), ms = r->steps ? 1e3 * r->comm_seconds / (double)r->steps : 0;
  if (o->backprop) {
    printf("%s: %d ranks, backprop with an all-reduced gradient (as DDP): %llu bytes a step per rank, "
           "%.3f ms a step in collectives, %llu bytes in all\n",
           m->name, r->ranks, (unsigned long long)r->comm_bytes_per_step, ms, (unsigned long long)r->comm_bytes);
    return;
  }
  printf("%s: %d ranks, %s directions: %llu bytes a step per rank (%s of %s scalars; DDP all-reduces %.0f: "
         "%.0fx more), %.3f ms a step in collectives, %llu bytes in all\n",
         m->name, r->ranks, o->mpi == 1 ? "shared" : "per-rank", (unsigned long long)r->comm_bytes_per_step,
         o->mpi == 1 ? "an all-reduce" : "an all-gather", o->mpi == 1 ? "K+3" : "P(K+2)", ddp,
         r->comm_bytes_per_step ? ddp / (double)r->comm_bytes_per_step : 0,
         ms, (unsigned long long)r->comm_bytes);
}

static void print_header(const context *c, const example_options *o, size_t n) {
  const example_model *m = c->m;
  printf("%s: %zu parameters, %zu training and %zu test images, %s, %s, lr %g", m->name, n, c->train->n,
         c->test->n, o->backprop ? "backprop" : "forward gradient", o->f32 ? "float32" : "float64", o->t.lr);
  if (o->t.clip_norm > 0)
    printf(", clipped to norm %g", o->t.clip_norm);
  if (!o->backprop && o->t.combine == FGRT_COMBINE_PROJECT)
    printf(", projected onto %u directions", o->t.directions);
  if (use_vector(o))
    printf(", %u directions in %u pass%s of width %d", o->t.directions,
           (o->t.directions + EXAMPLE_WIDTH - 1) / EXAMPLE_WIDTH, o->t.directions > EXAMPLE_WIDTH ? "es" : "",
           EXAMPLE_WIDTH);
  if (o->mpi && o->backprop)
    printf(", %d MPI ranks all-reducing the gradient", o->ranks);
  else if (o->mpi)
    printf(", %d MPI ranks with %s directions", o->ranks, o->mpi == 1 ? "shared" : "per-rank");
  printf("\n");
  fflush(stdout);
}

/* Trains; rank 0 evaluates the result on the whole test set and reports
 * (an error: rank 0 and the rank where it began say it). */
static int train_and_report(context *c, const example_options *o, real *theta, size_t n) {
  const example_model *m = c->m;
  fgrt_model fm = as_fgrt_model(c, o, n);
  if (o->rank == 0)
    print_header(c, o, n);
  fgrt_train_result r;
  char err[1024];
  int rc = fgrt_train_real(&fm, &o->t, theta, &r, err, sizeof err);
  if (rc != 0) {
    if (o->rank == 0 || r.error_here)
      fprintf(stderr, "%s: error: %s\n", m->name, err);
    return 1;
  }
  if (o->rank != 0)
    return 0;
  double acc, loss;
  if (r.interrupted && o->t.progress == 0) /* with progress on, fgrt_train said it */
    fprintf(stderr, "%s: interrupted after step %llu%s%s\n", m->name, (unsigned long long)r.steps,
            o->t.checkpoint_path ? "; checkpoint saved to " : "", o->t.checkpoint_path ? o->t.checkpoint_path : "");
  evaluate(c, theta, 0, &loss, &acc); /* the whole test set */
  report(m, o, &r, acc, loss);
  if (o->mpi)
    report_mpi(m, o, &r, n);
  return 0;
}

int R(example_train)(const example_model *m, const example_options *o, const example_dataset *train,
                     const example_dataset *test) {
  size_t n = m->n_params();
  context c = {.m = m, .train = train, .test = test, .test_limit = o->test_limit};
  c.cap = o->t.batch_size > 500 ? o->t.batch_size : 500;
  c.x = malloc(c.cap * EXAMPLE_PIXELS * sizeof *c.x);
  c.y = malloc(c.cap * sizeof *c.y);
  c.z = malloc(c.cap * EXAMPLE_CLASSES * sizeof *c.z);
  double *init = malloc(n * sizeof *init);
  real *theta = malloc(n * sizeof *theta);
  int rc = 1;
  if (!c.x || !c.y || !c.z || !init || !theta) {
    fprintf(stderr, "%s: error: out of memory for %zu parameters\n", m->name, n);
  } else {
    m->init(init, o->t.seed); /* float64, rounded once for float32 */
    for (size_t i = 0; i < n; i++)
      theta[i] = (real)init[i];
    rc = train_and_report(&c, o, theta, n);
  }
  free(init);
  free(theta);
  free(c.x);
  free(c.y);
  free(c.z);
  return rc;
}
