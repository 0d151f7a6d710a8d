/*
 * example.c -- the training program shared by the examples.
 *
 * Reads MNIST-format IDX files, wraps the model's generated loss_jvp (or its
 * backprop gradient) as an fgrt_model over minibatches, trains with libfgrt
 * and reports the test accuracy. Under MPI (--mpi-directions, a build with
 * fgrt_mpi) every rank runs this program and trains together; rank 0 prints.
 */
#include "example_int.h"

#include <ctype.h>
#include <errno.h>
#include <fgrt.h>
#include <math.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifdef FGRT_HAVE_MPI
#include <fgrt_mpi.h>
#endif

/* ---------------------------------------------------------------- data */

/* dir/name, or dir/name.gz when only that exists. */
static void data_path(char *buf, size_t len, const char *dir, const char *name) {
  snprintf(buf, len, "%s/%s", dir, name);
  FILE *f = fopen(buf, "rb");
  if (f)
    fclose(f);
  else
    snprintf(buf, len, "%s/%s.gz", dir, name);
}

static int load_pair(const char *prog, example_dataset *d, const char *dir, const char *images, const char *labels, size_t limit) {
  char ip[1024], lp[1024], err[1200];
  fgrt_idx im = {0}, lb = {0};
  data_path(ip, sizeof ip, dir, images);
  data_path(lp, sizeof lp, dir, labels);
  if (fgrt_idx_load(ip, &im, err, sizeof err) != 0 || fgrt_idx_load(lp, &lb, err, sizeof err) != 0) {
    fprintf(stderr, "%s: error: %s\n", prog, err);
    fgrt_idx_free(&im);
    return -1;
  }
  int ok = im.ndims == 3 && im.dims[1] == 28 && im.dims[2] == 28 && lb.ndims == 1 && lb.dims[0] == im.dims[0];
  if (!ok)
    fprintf(stderr, "%s: error: %s and %s are not MNIST images (n x 28 x 28) and their n labels\n", prog, ip, lp);
  for (size_t i = 0; ok && i < lb.size; i++)
    if (lb.data[i] >= EXAMPLE_CLASSES) {
      fprintf(stderr, "%s: error: %s: label %d of item %zu is not a digit 0-9\n", prog, lp, lb.data[i], i);
      ok = 0;
    }
  d->n = ok ? (limit && limit < im.dims[0] ? limit : im.dims[0]) : 0;
  d->pixels = im.data;
  d->labels = ok ? malloc(d->n * sizeof *d->labels) : NULL;
  for (size_t i = 0; d->labels && i < d->n; i++)
    d->labels[i] = lb.data[i];
  fgrt_idx_free(&lb);
  if (ok && !d->labels)
    fprintf(stderr, "%s: error: out of memory\n", prog);
  return ok && d->labels ? 0 : -1;
}

static void free_dataset(example_dataset *d) {
  free(d->pixels);
  free(d->labels);
}

/* ---------------------------------------------------------------- options
 * Every value is checked where it is parsed, against the range where it
 * means something; a bad one is refused with the option, the value and the
 * range (exit status 2) before any data is read or file written. */


static void usage(const example_model *m, FILE *f) {
  fprintf(f,
          "usage: %s [options]\n%s\n\n"
          "  --data=DIR           MNIST-format IDX files (train-images-idx3-ubyte[.gz], ...;\n"
          "                       default data/mnist, made by scripts/fetch_mnist.sh)\n"
          "  --method=fg|bp       forward gradient with fgcc's loss_jvp (default), or backprop\n"
          "  --precision=f32|f64  float32 (default, as in the paper and PyTorch) or float64\n"
          "  --steps=N            training steps, N >= 1 (default: the model's)\n"
          "  --batch=N            images per step, 1 to 1048576 and at most the training\n"
          "                       images (default 64)\n"
          "  --lr=X               initial learning rate, X > 0 (default: the model's)\n"
          "  --seed=N             0 to 2^64-1 (default 1)\n"
          "  --schedule=exp|constant|step|inv-sqrt|cosine  (default exp: lr*exp(-decay*i))\n"
          "  --decay=K            schedule parameter, K >= 0 (default 1e-4); for step, the\n"
          "                       factor applied every 1000 steps, in (0, 1]\n"
          "  --optimizer=sgd|momentum|adam  --momentum=X (in [0, 1), default 0.9)\n"
          "  --directions=K       directions averaged per forward-gradient step, 1 to 100000\n"
          "                       (default 1)\n"
          "  --dist=normal|rademacher       tangent distribution (default normal)\n"
          "  --combine=mean|project         the K directions' estimate: their mean (default), or the\n"
          "                       projection of the gradient onto their span (Flügel et al. 2025;\n"
          "                       K at most the parameters; not with per-rank MPI directions)\n"
          "  --vector=on|off      with K >= 8 directions, fgcc's width-8 derivative takes 8 in one\n"
          "                       pass (default on), or one pass per direction (off)\n"
          "  --clip=X             clip the gradient estimate to norm X >= 0 (0: off; default\n"
          "                       with fg: the model's cap on |∇f·v| times sqrt(parameters))\n"
          "  --train-limit=N --test-limit=N use the first N images only (0: all)\n"
          "  --eval-every=N       test-set evaluation every N steps and at the end (0: end only)\n"
          "  --log=FILE.csv|FILE.jsonl      machine-readable training log (.json: JSON lines too)\n"
          "  --checkpoint=FILE --checkpoint-every=N (0: at the end only) --resume=FILE\n"
          "  --progress=auto|on|off\n"
          "  --mpi-directions=shared|per-rank  under mpirun: every rank the same directions on\n"
          "                       its share of the batch (the one-process run), or its own\n"
          "                       (P x K directions a step); only scalars travel (docs/distributed.md);\n"
          "                       with --method=bp, shared all-reduces the gradient (as DDP)\n%s",
          m->name, m->summary, m->options_help);
}

/* An option naming one of `names`: its index in *out, or -1 with the
 * choices in err. */
static int parse_enum(const char *v, const char *const *names, int count, int *out, char *err, size_t errlen) {
  size_t n = (size_t)snprintf(err, errlen, "expected ");
  for (int i = 0; i < count; i++) {
    if (strcmp(v, names[i]) == 0)
      return *err = 0, *out = i, 0;
    if (n < errlen)
      n += (size_t)snprintf(err + n, errlen - n, "%s%s", names[i], i == count - 1 ? "" : i == count - 2 ? " or " : ", ");
  }
  return -1;
}

/* A whole number in [lo, hi]: decimal digits only (no sign, space or
 * fraction), within 64 bits. */
static int parse_count(const char *v, uint64_t lo, uint64_t hi, uint64_t *out, char *err, size_t errlen) {
  char *end;
  errno = 0;
  unsigned long long n = *v >= '0' && *v <= '9' ? strtoull(v, &end, 10) : 0;
  if (*v >= '0' && *v <= '9' && !*end && errno == 0 && n >= lo && n <= hi)
    return *out = n, 0;
  if (hi == UINT64_MAX)
    snprintf(err, errlen, "expected a whole number from %llu to 2^64-1", (unsigned long long)lo);
  else
    snprintf(err, errlen, "expected a whole number from %llu to %llu", (unsigned long long)lo, (unsigned long long)hi);
  return -1;
}

/* The ranges of the real-valued options. */
typedef enum { POSITIVE, NONNEGATIVE, FRACTION, OFF_OR_POSITIVE } real_range;
static const char *const REAL_RANGES[] = {"a finite number > 0", "a finite number >= 0", "a number in [0, 1)",
                                          "0 (off) or a finite number > 0"};

/* A real number in `range`: the whole value parsed, finite, not rounded to
 * 0 or infinity (ERANGE). */
static int parse_real(const char *v, real_range range, double *out, char *err, size_t errlen) {
  char *end;
  errno = 0;
  double x = strtod(v, &end);
  int ok = *v && !isspace((unsigned char)*v) && !*end && errno == 0 && isfinite(x);
  ok = ok && (range == POSITIVE ? x > 0 : range == FRACTION ? x >= 0 && x < 1 : x >= 0);
  if (!ok)
    return snprintf(err, errlen, "expected %s", REAL_RANGES[range]), -1;
  *out = x;
  return 0;
}

/* A file or directory name: not empty; a log's names its format. */
static int parse_path(const char *key, const char *v, const char **out, char *err, size_t errlen) {
  size_t n = strlen(v);
  int log = !strcmp(key, "log");
  if (n == 0)
    return snprintf(err, errlen, "expected a %s name", !strcmp(key, "data") ? "directory" : "file"), -1;
  if (log && !(n > 4 && !strcmp(v + n - 4, ".csv")) && !(n > 6 && !strcmp(v + n - 6, ".jsonl")) &&
      !(n > 5 && !strcmp(v + n - 5, ".json")))
    return snprintf(err, errlen, "expected a file name ending in .csv (CSV), .jsonl or .json (JSON lines)"), -1;
  *out = v;
  return 0;
}

static const char *const METHODS[] = {"fg", "bp"}, *const PRECISIONS[] = {"f64", "f32"}, *const OPTIMIZERS[] = {"sgd", "momentum", "adam"},
                         *const DISTS[] = {"normal", "rademacher"}, *const PROGRESS[] = {"off", "on", "auto"},
                         *const SCHEDULES[] = {"constant", "exp", "step", "inv-sqrt", "cosine"},
                         *const MPI_MODES[] = {"shared", "per-rank"}, *const COMBINES[] = {"mean", "project"}, *const VECTOR[] = {"on", "off"};

/* The options naming a choice: 1 taken, 0 unknown, -1 bad. */
static int choice_option(example_options *o, const char *key, const char *v, char *err, size_t errlen) {
  int i = 0, e;
  if (!strcmp(key, "method"))
    e = parse_enum(v, METHODS, 2, &o->backprop, err, errlen);
  else if (!strcmp(key, "precision"))
    e = parse_enum(v, PRECISIONS, 2, &o->f32, err, errlen);
  else if (!strcmp(key, "optimizer"))
    e = parse_enum(v, OPTIMIZERS, 3, &i, err, errlen), o->t.optimizer = (fgrt_optimizer)i;
  else if (!strcmp(key, "dist"))
    e = parse_enum(v, DISTS, 2, &i, err, errlen), o->t.direction = (fgrt_direction)i;
  else if (!strcmp(key, "schedule"))
    e = parse_enum(v, SCHEDULES, 5, &i, err, errlen), o->t.schedule = (fgrt_schedule)i;
  else if (!strcmp(key, "progress"))
    e = parse_enum(v, PROGRESS, 3, &i, err, errlen), o->t.progress = i == 2 ? -1 : i;
  else if (!strcmp(key, "combine"))
    e = parse_enum(v, COMBINES, 2, &i, err, errlen), o->t.combine = (fgrt_combine)i;
  else if (!strcmp(key, "vector"))
    e = parse_enum(v, VECTOR, 2, &o->scalar_jvp, err, errlen);
  else if (!strcmp(key, "mpi-directions"))
    e = parse_enum(v, MPI_MODES, 2, &i, err, errlen), o->mpi = i + 1;
  else
    return 0;
  return e ? -1 : 1;
}

/* One "--key=value" of the common options: 1 taken, 0 unknown, -1 bad
 * (with the accepted values in err). */
static int common_option(example_options *o, const char *key, const char *v, char *err, size_t errlen) {
  const struct {
    const char *key;
    double *x;
    real_range range;
  } reals[] = {
      {"lr", &o->t.lr, POSITIVE},
      {"decay", &o->t.decay, NONNEGATIVE},
      {"momentum", &o->t.momentum, FRACTION},
      {"clip", &o->t.clip_norm, OFF_OR_POSITIVE},
  };
  const struct {
    const char *key;
    uint64_t *n, lo, hi;
  } counts[] = {
      {"steps", &o->t.steps, 1, UINT64_MAX},
      {"batch", &o->batch, 1, EXAMPLE_MAX_COUNT},
      {"directions", &o->directions, 1, 100000},
      {"seed", &o->t.seed, 0, UINT64_MAX},
      {"eval-every", &o->t.eval_every, 0, UINT64_MAX},             /* 0: at the end only */
      {"checkpoint-every", &o->t.checkpoint_every, 0, UINT64_MAX}, /* 0: at the end only */
      {"train-limit", &o->train_limit, 0, UINT32_MAX},             /* 0: all */
      {"test-limit", &o->test_limit, 0, UINT32_MAX},
  };
  const struct {
    const char *key;
    const char **path;
  } paths[] = {
      {"data", &o->data},
      {"log", &o->t.log_path},
      {"checkpoint", &o->t.checkpoint_path},
      {"resume", &o->t.resume_path},
  };
  for (size_t i = 0; i < sizeof reals / sizeof *reals; i++)
    if (!strcmp(key, reals[i].key))
      return parse_real(v, reals[i].range, reals[i].x, err, errlen) ? -1 : 1;
  for (size_t i = 0; i < sizeof counts / sizeof *counts; i++)
    if (!strcmp(key, counts[i].key))
      return parse_count(v, counts[i].lo, counts[i].hi, counts[i].n, err, errlen) ? -1 : 1;
  for (size_t i = 0; i < sizeof paths / sizeof *paths; i++)
    if (!strcmp(key, paths[i].key))
      return parse_path(key, v, paths[i].path, err, errlen) ? -1 : 1;
  return choice_option(o, key, v, err, errlen);
}

/* What single values cannot show: options that contradict each other. */
static int check_combination(const example_model *m, const example_options *o) {
  const char *why = NULL;
  char buf[128];
  if (o->t.schedule == FGRT_LR_STEP && !(o->t.decay > 0 && o->t.decay <= 1)) {
    snprintf(buf, sizeof buf, "--decay=%g with --schedule=step: expected a factor in (0, 1]", o->t.decay);
    why = buf;
  } else if (o->t.checkpoint_every && !o->t.checkpoint_path) {
    why = "--checkpoint-every needs --checkpoint=FILE";
  } else if (o->t.log_path && o->t.checkpoint_path && !strcmp(o->t.log_path, o->t.checkpoint_path)) {
    why = "--log and --checkpoint name the same file";
  } else if (o->mpi == 2 && o->backprop) {
    why = "--mpi-directions=per-rank trains forward gradients (--method=fg); backprop runs with "
          "--mpi-directions=shared, all-reducing its gradient as DDP does";
  } else if (o->t.combine == FGRT_COMBINE_PROJECT && o->backprop) {
    why = "--combine=project combines forward-gradient directions (--method=fg); backprop has none";
  } else if (o->t.combine == FGRT_COMBINE_PROJECT && o->mpi == 2) {
    why = "--combine=project needs --mpi-directions=shared (per-rank derivatives are of each rank's share)";
  } else if (o->t.combine == FGRT_COMBINE_PROJECT && o->directions > m->n_params()) {
    snprintf(buf, sizeof buf, "--combine=project with --directions=%llu: expected at most the %zu parameters",
             (unsigned long long)o->directions, m->n_params());
    why = buf;
  }
  if (why)
    fprintf(stderr, "%s: error: %s (see --help)\n", m->name, why);
  return why ? -1 : 0;
}

/* Returns 0, 1 (--help printed) or -1 (error printed). */
static int parse_options(const example_model *m, example_options *o, int argc, char **argv) {
  for (int i = 1; i < argc; i++) {
    char key[64], err[256] = "";
    const char *a = argv[i], *eq = strchr(a, '=');
    if (!strcmp(a, "-h") || !strcmp(a, "--help"))
      return usage(m, stdout), 1;
    if (strncmp(a, "--", 2) != 0 || !eq || (size_t)(eq - a - 2) >= sizeof key) {
      fprintf(stderr, "%s: error: expected --option=value, got '%s' (see --help)\n", m->name, a);
      return -1;
    }
    snprintf(key, sizeof key, "%.*s", (int)(eq - a - 2), a + 2);
    int r = common_option(o, key, eq + 1, err, sizeof err);
    if (r == 0 && m->option)
      r = m->option(key, eq + 1, err, sizeof err);
    if (r <= 0) {
      fprintf(stderr, "%s: error: %s '%s'%s%s (see --help)\n", m->name, r ? "bad value in" : "unknown option", a,
              *err ? ": " : "", err);
      return -1;
    }
  }
  o->t.batch_size = (size_t)o->batch;
  o->t.directions = (unsigned)o->directions;
  return check_combination(m, o);
}

static void default_options(const example_model *m, example_options *o) {
  memset(o, 0, sizeof *o);
  o->data = "data/mnist";
  o->f32 = 1;                  /* the paper's and PyTorch's default */
  fgrt_train_defaults(&o->t);
  o->t.steps = m->steps;
  o->batch = 64;              /* the paper's minibatch size */
  o->directions = 1;
  o->t.schedule = FGRT_LR_EXP; /* the paper's lr_i = lr_0 exp(-i k), k = 1e-4 */
  o->t.decay = 1e-4;
  o->t.lr = -1;                /* chosen by method below unless given */
  o->t.clip_norm = -1;
  o->t.eval_every = m->eval_every;
  o->test_limit = m->test_limit;
}

/* ---------------------------------------------------------------- MPI */

/* The number of processes mpirun (Open MPI, or a PMI launcher) started, or
 * 1: without --mpi-directions each would train alone and write the same
 * files. */
static long launched_ranks(void) {
  const char *vars[] = {"OMPI_COMM_WORLD_SIZE", "PMI_SIZE", "PMIX_SIZE"};
  for (size_t i = 0; i < sizeof vars / sizeof *vars; i++)
    if (getenv(vars[i]))
      return strtol(getenv(vars[i]), NULL, 10);
  return 1;
}

/* --mpi-directions: MPI started and the communicator in o->t. Returns 0,
 * or 2 (the exit status) after a message. Without the option, refuses a
 * launch of several processes. */
static int mpi_start(const example_model *m, example_options *o, int *argc, char ***argv) {
  o->rank = 0, o->ranks = 1;
  if (!o->mpi) {
    long n = launched_ranks();
    if (n > 1)
      fprintf(stderr, "%s: error: started as %ld MPI processes: add --mpi-directions=shared|per-rank to train "
              "together (see --help)\n", m->name, n);
    return n > 1 ? 2 : 0;
  }
#ifdef FGRT_HAVE_MPI
  char err[512];
  MPI_Init(argc, argv);
  fgrt_comm *c = fgrt_mpi_comm(MPI_COMM_WORLD, err, sizeof err);
  if (!c) {
    fprintf(stderr, "%s: error: %s\n", m->name, err);
    MPI_Finalize();
    return 2;
  }
  o->rank = fgrt_comm_rank(c), o->ranks = fgrt_comm_size(c);
  o->t.mpi_directions = o->mpi == 1 ? FGRT_MPI_SHARED : FGRT_MPI_PER_RANK;
  o->t.mpi_comm = c;
  return 0;
#else
  (void)argc, (void)argv;
  fprintf(stderr, "%s: error: --mpi-directions: this build has no MPI (install libopenmpi-dev and openmpi-bin, "
          "e.g. with scripts/setup.sh, and rebuild)\n", m->name);
  return 2;
#endif
}

static void mpi_end(example_options *o) {
#ifdef FGRT_HAVE_MPI
  if (o->t.mpi_comm) {
    fgrt_mpi_comm_free((fgrt_comm *)o->t.mpi_comm);
    o->t.mpi_comm = NULL;
    MPI_Finalize();
  }
#else
  (void)o;
#endif
}

/* ---------------------------------------------------------------- the program */

/* Ctrl-C (or SIGTERM) ends training after the current step, with the final
 * evaluation and checkpoint; a second one kills as usual. */
static volatile sig_atomic_t interrupt_requested;

static void on_interrupt(int sig) {
  (void)sig;
  interrupt_requested = 1;
}

static void catch_interrupts(void) {
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = on_interrupt;
  sa.sa_flags = SA_RESETHAND;
  sigemptyset(&sa.sa_mask);
  sigaction(SIGINT, &sa, NULL);
  sigaction(SIGTERM, &sa, NULL);
}

static int load_data(const example_model *m, const example_options *o, example_dataset *train, example_dataset *test) {
  if (load_pair(m->name, train, o->data, "train-images-idx3-ubyte", "train-labels-idx1-ubyte", o->train_limit) != 0 ||
      load_pair(m->name, test, o->data, "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte", 0) != 0) {
    fprintf(stderr, "(get MNIST with: bash scripts/fetch_mnist.sh)\n");
    return -1;
  }
  return 0;
}

/* The one option checked against the data: a batch fits in the training set. */
static int check_batch(const example_model *m, const example_options *o, const example_dataset *train) {
  if (o->t.batch_size <= train->n)
    return 0;
  fprintf(stderr, "%s: error: --batch=%zu is larger than the %zu training images%s (see --help)\n", m->name,
          o->t.batch_size, train->n, o->train_limit == train->n ? " kept by --train-limit" : "");
  return -1;
}

/* The models allocate their activations (and fgcc's code their tangents)
 * at every step. glibc hands such large blocks back to the kernel at free()
 * and faults fresh zeroed pages in at the next malloc: the CNN's float32
 * step measured 2.5x slower that way. Keep freed memory in the process (no
 * mmap'd blocks, no trimming), as bench/run.sh does for every contender. */
static void keep_freed_memory(void) {
#ifdef __GLIBC__
  mallopt(M_MMAP_MAX, 0);
  mallopt(M_TRIM_THRESHOLD, -1);
#endif
}

int example_main(const example_model *m, int argc, char **argv) {
  keep_freed_memory();
  example_options o;
  default_options(m, &o);
  int p = parse_options(m, &o, argc, argv);
  if (p != 0)
    return p > 0 ? 0 : 2;
  if (mpi_start(m, &o, &argc, &argv) != 0)
    return 2;
  o.t.method = o.backprop ? FGRT_EXACT_GRADIENT : FGRT_FORWARD_GRADIENT;
  o.t.interrupt = &interrupt_requested;
  catch_interrupts();
  if (o.t.lr < 0)
    o.t.lr = o.backprop ? m->lr_backprop : m->lr_forward;
  if (o.t.clip_norm < 0)
    o.t.clip_norm = o.backprop ? 0 : m->clip_forward * sqrt((double)m->n_params());
  example_dataset train = {0}, test = {0};
  int rc = load_data(m, &o, &train, &test) != 0 ? 1 : check_batch(m, &o, &train) != 0 ? 2
           : o.f32 ? example_train_f32(m, &o, &train, &test) : example_train_f64(m, &o, &train, &test);
  free_dataset(&train);
  free_dataset(&test);
  mpi_end(&o);
  return rc;
}

/* ---------------------------------------------------------------- helpers */

int example_agree(const example_model *m, int argc, char **argv) {
  if (example_model_options(m, argc, argv) != 0)
    return 2;
  int f64 = example_agree_f64(m), f32 = f64 == 2 ? 2 : example_agree_f32(m);
  return f64 > f32 ? f64 : f32;
}

int example_model_options(const example_model *m, int argc, char **argv) {
  for (int i = 1; i < argc; i++) {
    char key[64], err[256] = "";
    const char *a = argv[i], *eq = strchr(a, '=');
    int ok = !strncmp(a, "--", 2) && eq && (size_t)(eq - a - 2) < sizeof key && m->option;
    if (ok) {
      snprintf(key, sizeof key, "%.*s", (int)(eq - a - 2), a + 2);
      ok = m->option(key, eq + 1, err, sizeof err) > 0;
    }
    if (!ok) {
      fprintf(stderr, "%s: error: bad option '%s'%s%s\n", m->name, a, *err ? ": " : "", err);
      return -1;
    }
  }
  return 0;
}

void example_init_uniform(double *theta, size_t count, double bound, uint64_t seed, uint32_t stream) {
  fgrt_rng r;
  fgrt_rng_init(&r, seed);
  for (size_t i = 0; i < count; i++)
    theta[i] = bound * (2 * fgrt_uniform01(&r, 0, stream, i) - 1);
}

int example_parse_ints(const char *s, int *out, int max) {
  for (int n = 0;; s++) { /* each number: digits only, then ',' or the end */
    char *end = NULL;
    errno = 0;
    long v = isdigit((unsigned char)*s) ? strtol(s, &end, 10) : 0;
    if (v < 1 || v > EXAMPLE_MAX_COUNT || errno || n == max || (*end && *end != ','))
      return -1;
    out[n++] = (int)v;
    if (!*end)
      return n;
    s = end;
  }
}
