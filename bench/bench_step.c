/*
 * bench_step.c -- per-step timings and peak memory of one example model.
 *
 * Built once per model and precision (bench_step_logreg_f32, ..._f64, the
 * same for mlp and cnn: -DEXAMPLE_F32 makes `real` float, see
 * examples/common/real.h) and linked against the model's library (loss,
 * fgcc's loss_jvp, hand-written backprop, in both precisions) and a
 * hand-written tangent of the same loss in this precision
 * (handjvp/<model>.c). On one
 * fixed minibatch of real images it times, each as the median over
 * --repeats runs after --warmup runs (in rounds: each round times every
 * operation once, so that the ratios hold when the machine slows down):
 *
 *   f      the loss alone
 *   jvp    fgcc's loss_jvp (f and ∇f·v)
 *   hand   the hand-written tangent (f and ∇f·v), the practical limit
 *   fg     a forward-gradient SGD step as fgrt_train takes it with one
 *          direction: v ~ N(0, I) from libfgrt, f and ∇f·v, then
 *          theta -= lr (∇f·v) v (g is never formed)
 *   fg_rad the same step with Rademacher directions (v_i = ±1)
 *   bp     a backprop SGD step: f and ∇f (hand-written), theta -= lr ∇f
 *   jvp8   fgcc's width-8 loss_jvp_w (fgcc --width 8): f and ∇f·v_k for
 *          8 directions in one pass, against 8 jvp calls
 *
 * Gathering the minibatch is outside every measurement. Fast runs are
 * repeated inside one timing so that a timing lasts at least --min-time.
 * With --mem=WHAT it runs WHAT twice and prints the process's peak resident
 * memory (getrusage): one process per measurement, so peaks do not mix.
 * With --dump=FILE it writes theta (initialised with seed 1), the loss and
 * the logits of the batch instead, for torch_bench.py's `same` check that
 * both implementations compute the same function.
 * Output: one JSON object per line on stdout.
 */
#define _POSIX_C_SOURCE 200809L
#include <fgrt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "example.h"
#include "real.h"

extern const example_model EXAMPLE_MODEL;

/* handjvp/<model>.c */
int hand_option(const char *key, const char *value);
real hand_loss_jvp(const real *theta, const real *v, const real *x, const int *y, int n, real *dfv);

#ifdef EXAMPLE_F32
#define FNS(m) ((m)->f32)
#define PRECISION "f32"
#define fill_normal fgrt_fill_normal_f
#define fill_rademacher fgrt_fill_rademacher_f
#define HAND_TOL 1e-4 /* float32: the two tangents may round differently */
#define HAND_TOL_F 1e-5
#else
#define FNS(m) ((m)->f64)
#define PRECISION "f64"
#define fill_normal fgrt_fill_normal
#define fill_rademacher fgrt_fill_rademacher
#define HAND_TOL 1e-9
#define HAND_TOL_F 1e-12
#endif

typedef struct {
  const example_model *m;
  size_t n;      /* parameters */
  int batch;
  real *theta, *v, *g, *x;
  real *vw;      /* jvp8's 8 interleaved directions, n x 8 */
  int *y;
  fgrt_rng rng;
  uint64_t step;
  double lr;
  double sink;   /* keeps results alive */
} bench;

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec + 1e-9 * ts.tv_nsec;
}

/* ---------------------------------------------------------------- data */

/* The first `batch` images of DIR/train-images-idx3-ubyte(.gz), scaled to [0, 1]. */
static int load_batch(bench *b, const char *dir) {
  char ip[1024], lp[1024], err[1200];
  fgrt_idx im = {0}, lb = {0};
  snprintf(ip, sizeof ip, "%s/train-images-idx3-ubyte.gz", dir);
  snprintf(lp, sizeof lp, "%s/train-labels-idx1-ubyte.gz", dir);
  if (fgrt_idx_load(ip, &im, err, sizeof err) || fgrt_idx_load(lp, &lb, err, sizeof err)) {
    fprintf(stderr, "bench_step: %s\n", err);
    return -1;
  }
  if (im.ndims != 3 || im.dims[0] < (uint32_t)b->batch || lb.size < (size_t)b->batch) {
    fprintf(stderr, "bench_step: %s holds fewer than %d images\n", ip, b->batch);
    return -1;
  }
  for (size_t i = 0; i < (size_t)b->batch * EXAMPLE_PIXELS; i++)
    b->x[i] = (real)(im.data[i] * (1.0 / 255));
  for (int i = 0; i < b->batch; i++)
    b->y[i] = lb.data[i] % EXAMPLE_CLASSES;
  fgrt_idx_free(&im);
  fgrt_idx_free(&lb);
  return 0;
}

/* ---------------------------------------------------------------- the measured operations */

static double op_f(bench *b) { return FNS(b->m)->loss(b->theta, b->x, b->y, b->batch); }

static double op_jvp(bench *b) {
  real d;
  real f = FNS(b->m)->loss_jvp(b->theta, b->v, b->x, b->y, b->batch, &d);
  return f + d;
}

static double op_hand(bench *b) {
  real d;
  real f = hand_loss_jvp(b->theta, b->v, b->x, b->y, b->batch, &d);
  return f + d;
}

/* theta -= scale * dir: the SGD update of both steps */
static void sgd(bench *b, const real *dir, double scale) {
  real step = (real)(b->lr * scale);
  for (size_t i = 0; i < b->n; i++)
    b->theta[i] -= step * dir[i];
}

/* One forward-gradient step as fgrt_train takes it with one direction:
 * g = (∇f·v) v, so theta -= lr (∇f·v) v without forming g. */
static double fg_step(bench *b, fgrt_direction dist) {
  real d;
  uint64_t step = b->step++;
  if (dist == FGRT_NORMAL)
    fill_normal(&b->rng, step, 0, 0, b->v, b->n);
  else
    fill_rademacher(&b->rng, step, 0, 0, b->v, b->n);
  real f = FNS(b->m)->loss_jvp(b->theta, b->v, b->x, b->y, b->batch, &d);
  sgd(b, b->v, d);
  return f;
}

static double op_fg(bench *b) { return fg_step(b, FGRT_NORMAL); }
static double op_fg_rad(bench *b) { return fg_step(b, FGRT_RADEMACHER); }

static double op_bp(bench *b) {
  real f = FNS(b->m)->loss_grad(b->theta, b->x, b->y, b->batch, b->g);
  sgd(b, b->g, 1);
  return f;
}

typedef struct {
  const char *name;
  double (*run)(bench *);
} operation;

static double op_jvp8(bench *b) {
  real d[EXAMPLE_WIDTH];
  real f = FNS(b->m)->loss_jvp_w(b->theta, b->vw, b->x, b->y, b->batch, d);
  return f + d[0] + d[EXAMPLE_WIDTH - 1];
}

static const operation OPS[] = {{"f", op_f}, {"jvp", op_jvp}, {"hand", op_hand}, {"fg", op_fg}, {"fg_rad", op_fg_rad},
                                  {"bp", op_bp}, {"jvp8", op_jvp8}};
enum { N_OPS = sizeof OPS / sizeof OPS[0] };

static int cmp_double(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

/* Calls of `op` per timing so that one timing lasts at least min_time; runs
 * the warm-up calls too. */
static int calibrate(bench *b, const operation *op, int warmup, double min_time) {
  double t0 = now();
  b->sink += op->run(b);
  double once = now() - t0;
  for (int w = 1; w < warmup; w++)
    b->sink += op->run(b);
  return once >= min_time ? 1 : (int)ceil(min_time / (once > 1e-7 ? once : 1e-7));
}

static double median_sorted(const double *t, int n) {
  return n % 2 ? t[n / 2] : 0.5 * (t[n / 2 - 1] + t[n / 2]);
}

/* Times the ops in rounds (round r times every op once), so that a slow
 * phase of the machine weighs on all of them alike and the ratios between
 * them hold; prints median, min and max seconds per call of each. */
static void time_ops(bench *b, const operation **ops, int count, int warmup, int repeats, double min_time,
                     const char *config) {
  int inner[N_OPS];
  double *t = malloc(sizeof(double) * count * repeats);
  for (int k = 0; k < count; k++)
    inner[k] = calibrate(b, ops[k], warmup, min_time);
  for (int r = 0; r < repeats; r++)
    for (int k = 0; k < count; k++) {
      double s = now();
      for (int i = 0; i < inner[k]; i++)
        b->sink += ops[k]->run(b);
      t[k * repeats + r] = (now() - s) / inner[k];
    }
  for (int k = 0; k < count; k++) {
    double *tk = t + k * repeats;
    qsort(tk, repeats, sizeof *tk, cmp_double);
    printf("{\"impl\":\"c\",\"precision\":\"" PRECISION "\",\"model\":\"%s\",\"config\":\"%s\",\"batch\":%d,"
           "\"params\":%zu,\"what\":\"%s\",\"median_s\":%.9g,\"min_s\":%.9g,\"max_s\":%.9g,\"repeats\":%d,"
           "\"inner\":%d}\n",
           b->m->name, config, b->batch, b->n, ops[k]->name, median_sorted(tk, repeats), tk[0], tk[repeats - 1],
           repeats, inner[k]);
  }
  fflush(stdout);
  free(t);
}

/* fgcc's and the hand-written ∇f·v must agree (and f too). */
static int check_hand(bench *b, const char *config) {
  real dg, dh;
  real fg = FNS(b->m)->loss_jvp(b->theta, b->v, b->x, b->y, b->batch, &dg);
  real fh = hand_loss_jvp(b->theta, b->v, b->x, b->y, b->batch, &dh);
  double err = fabs(dg - dh) / (fabs(dg) > 1e-30 ? fabs(dg) : 1), errf = fabs(fg - fh) / fabs(fg);
  printf("{\"impl\":\"c\",\"precision\":\"" PRECISION "\",\"model\":\"%s\",\"config\":\"%s\",\"batch\":%d,\"what\":\"check\",\"dfv_fgcc\":%.17g,"
         "\"dfv_hand\":%.17g,\"rel_err\":%.3g}\n",
         b->m->name, config, b->batch, (double)dg, (double)dh, err > errf ? err : errf);
  if (err > HAND_TOL || errf > HAND_TOL_F) {
    fprintf(stderr, "bench_step: the hand-written tangent disagrees with fgcc's (%g)\n", err);
    return -1;
  }
  return 0;
}

/* Writes n reals as doubles. */
static int write_doubles(FILE *f, const real *a, size_t n) {
  for (size_t i = 0; i < n; i++) {
    double x = a[i];
    if (fwrite(&x, sizeof x, 1, f) != 1)
      return 0;
  }
  return 1;
}

/* FILE = n_params, batch (uint64), the loss, theta, the logits (doubles,
 * whatever the precision), in the machine's byte order: what
 * `torch_bench.py same` reads. */
static int dump(bench *b, const char *path) {
  size_t nz = (size_t)b->batch * EXAMPLE_CLASSES;
  real *z = malloc(sizeof(real) * nz);
  double loss = op_f(b);
  uint64_t head[2] = {b->n, (uint64_t)b->batch};
  FILE *f = z ? fopen(path, "wb") : NULL;
  int ok = f != NULL;
  if (ok) {
    FNS(b->m)->logits(b->theta, b->x, b->batch, z);
    ok = fwrite(head, sizeof head, 1, f) == 1 && fwrite(&loss, sizeof loss, 1, f) == 1 &&
         write_doubles(f, b->theta, b->n) && write_doubles(f, z, nz);
    ok = fclose(f) == 0 && ok;
  }
  free(z);
  if (!ok)
    fprintf(stderr, "bench_step: cannot write %s\n", path);
  return ok ? 0 : -1;
}

/* ---------------------------------------------------------------- main */

/* Whether `name` is an item of the comma-separated `list`. */
static int listed(const char *list, const char *name) {
  size_t n = strlen(name);
  for (const char *p = list; (p = strstr(p, name)) != NULL; p += n)
    if ((p == list || p[-1] == ',') && (p[n] == ',' || p[n] == '\0'))
      return 1;
  return 0;
}

/* Every item of --what, and --mem, names an operation (or "none"). */
static int check_names(const char *what, const char *mem) {
  char copy[256];
  snprintf(copy, sizeof copy, "%s", what);
  for (char *save, *item = strtok_r(copy, ",", &save); item; item = strtok_r(NULL, ",", &save)) {
    int known = 0;
    for (int k = 0; k < N_OPS; k++)
      known |= !strcmp(item, OPS[k].name);
    if (!known)
      return fprintf(stderr, "bench_step: --what: unknown operation '%s'\n", item), -1;
  }
  int known = !mem || !strcmp(mem, "none");
  for (int k = 0; k < N_OPS && !known; k++)
    known = !strcmp(mem, OPS[k].name);
  if (!known)
    return fprintf(stderr, "bench_step: --mem: unknown operation '%s'\n", mem), -1;
  return 0;
}

static void usage(void) {
  puts("usage: bench_step_MODEL_f32|f64 [--data=DIR] [--batch=N] [--repeats=N] [--warmup=N] [--min-time=S]\n"
       "                        [--what=f,jvp,hand,fg,fg_rad,bp,jvp8] [--mem=none|f|jvp|hand|fg|bp|jvp8] [--config=LABEL]\n"
       "                        [--dump=FILE] [model options: --hidden=... --channels=...]");
}

int main(int argc, char **argv) {
  const example_model *m = &EXAMPLE_MODEL;
  const char *data = "data/mnist", *what = "f,jvp,hand,fg,fg_rad,bp", *mem = NULL, *config = "default";
  const char *dump_path = NULL;
  int repeats = 5, warmup = 2;
  double min_time = 0.05;
  bench b = {.m = m, .batch = 64, .lr = 1e-7};
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i], *eq = strchr(a, '=');
    if (!strcmp(a, "--help"))
      return usage(), 0;
    if (strncmp(a, "--", 2) || !eq)
      return fprintf(stderr, "bench_step: bad argument '%s'\n", a), 2;
    char key[64];
    snprintf(key, sizeof key, "%.*s", (int)(eq - a - 2), a + 2);
    const char *v = eq + 1;
    if (!strcmp(key, "data")) data = v;
    else if (!strcmp(key, "batch")) b.batch = atoi(v);
    else if (!strcmp(key, "repeats")) repeats = atoi(v);
    else if (!strcmp(key, "warmup")) warmup = atoi(v);
    else if (!strcmp(key, "min-time")) min_time = atof(v);
    else if (!strcmp(key, "what")) what = v;
    else if (!strcmp(key, "mem")) mem = v;
    else if (!strcmp(key, "config")) config = v;
    else if (!strcmp(key, "dump")) dump_path = v;
    else {
      char err[256] = "";
      if (!m->option || m->option(key, v, err, sizeof err) <= 0 || hand_option(key, v) <= 0)
        return fprintf(stderr, "bench_step: bad option '%s' %s\n", a, err), 2;
    }
  }
  if (b.batch < 1 || repeats < 1 || warmup < 1)
    return fprintf(stderr, "bench_step: bad counts\n"), 2;
  if (check_names(what, mem) != 0)
    return 2;
  b.n = m->n_params();
  b.theta = malloc(sizeof(real) * b.n);
  b.x = malloc(sizeof(real) * b.batch * EXAMPLE_PIXELS);
  b.y = malloc(sizeof(int) * b.batch);
  /* --mem allocates only what the measured operation uses: v for the tangent
   * operations, g for backprop, neither for f and the baseline "none" */
  int need_g = !mem || !strcmp(mem, "bp");
  int need_v = !mem || listed("jvp,hand,fg,fg_rad", mem);
  int need_vw = mem ? !strcmp(mem, "jvp8") : listed(what, "jvp8");
  b.v = need_v ? malloc(sizeof(real) * b.n) : NULL;
  b.vw = need_vw ? malloc(sizeof(real) * b.n * EXAMPLE_WIDTH) : NULL;
  b.g = need_g ? malloc(sizeof(real) * b.n) : NULL;
  double *init = malloc(sizeof(double) * b.n);
  int status = 0;
  if (!b.theta || !b.x || !b.y || !init || (need_v && !b.v) || (need_g && !b.g) || (need_vw && !b.vw)) {
    fprintf(stderr, "bench_step: out of memory\n");
    status = 1;
    goto done;
  }
  if (load_batch(&b, data) != 0) {
    status = 1;
    goto done;
  }
  m->init(init, 1);
  for (size_t i = 0; i < b.n; i++)
    b.theta[i] = (real)init[i];
  fgrt_rng_init(&b.rng, 1);
  if (b.v)
    fill_normal(&b.rng, 1u << 30, 0, 0, b.v, b.n);
  if (b.vw)
    fill_normal(&b.rng, 1u << 30, 1, 0, b.vw, b.n * EXAMPLE_WIDTH);
  if (dump_path) {
    status = dump(&b, dump_path) ? 1 : 0;
    goto done;
  }
  if (mem) {
    for (int k = 0; k < N_OPS; k++)
      if (!strcmp(mem, OPS[k].name))
        for (int r = 0; r < 2; r++)
          b.sink += OPS[k].run(&b);
    if (b.g) /* all of g, as backprop writes it all */
      memset(b.g, 0, sizeof(real) * b.n);
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    printf("{\"impl\":\"c\",\"precision\":\"" PRECISION "\",\"model\":\"%s\",\"config\":\"%s\",\"batch\":%d,"
           "\"params\":%zu,\"what\":\"mem_%s\","
           "\"maxrss_kb\":%ld,\"sink\":%g}\n",
           m->name, config, b.batch, b.n, mem, ru.ru_maxrss, b.sink);
    goto done;
  }
  if (listed(what, "hand") && check_hand(&b, config) != 0) {
    status = 1;
    goto done;
  }
  const operation *chosen[N_OPS];
  int count = 0;
  for (int k = 0; k < N_OPS; k++)
    if (listed(what, OPS[k].name))
      chosen[count++] = &OPS[k];
  time_ops(&b, chosen, count, warmup, repeats, min_time, config);
  fprintf(stderr, "(checksum %g)\n", b.sink);
done: /* freed, so that LeakSanitizer (scripts/test-sanitize.sh) sees no leak */
  free(init);
  free(b.theta);
  free(b.x);
  free(b.y);
  free(b.v);
  free(b.vw);
  free(b.g);
  return status;
}
