/* fgrt.h: the fgcc runtime library (libfgrt), tangent sampling.
 *
 * Forward gradients need random tangent directions v with zero mean and unit
 * variance per component: g(θ) = (∇f(θ)·v) v is then an unbiased estimate of
 * ∇f(θ). This header gives a seedable, counter-based generator for them.
 *
 * Generators: Philox4x32-10, and ARS-7 (AES rounds) for float normals
 * (Salmon et al., "Parallel random numbers: as easy as 1, 2, 3", SC'11),
 * keyed bijections of a 128-bit counter. The key is the 64-bit seed; the counter is (block, dir, step low 32 bits, step high 32 bits)
 * where block packs the index of the block inside the direction and a tag
 * telling the streams apart. No state changes when sampling. The stream
 * format (which bits make which value) is in docs/runtime.md.
 *
 * Guarantees:
 *  - Value i of direction `dir` at step `step` for seed `seed` is a pure
 *    function of (seed, step, dir, i) and of the distribution: it does not
 *    depend on the order of calls, on how [0, n) is split into calls (the
 *    `offset` argument), on the number of threads filling it, or on the code
 *    path (portable C, AVX2 or AVX-512, chosen at run time: all give
 *    bit-identical values). The functions are thread-safe (the fgrt_rng is
 *    only read).
 *  - Distinct (seed, step, dir, i) use distinct counters or keys, so
 *    they never share random bits; the double normal, float normal,
 *    Rademacher and uniform streams of one (seed, step, dir) use distinct
 *    counters too.
 *  - The raw bits (fgrt_philox4x32_10, fgrt_ars4x32_7, fgrt_uniform01, the
 *    Rademacher fills) and the float normals are identical on every
 *    platform. Double normals are too, except the few that take the
 *    ziggurat's tail, which calls log from <math.h>: another libm may change
 *    their last bits.
 *  - Rademacher values are exactly -1.0 or +1.0, each with probability 1/2;
 *    the float and double fills give the same values.
 *  - Normal values are standard normal. Double: the ziggurat method (256
 *    layers, exact: rejected draws start over from the value's own retry
 *    stream), 53-bit resolution. Float: Box-Muller on ARS-7 bits in float
 *    arithmetic (no table, no rejection; |z| <= 6.56), its own values, not
 *    the double values rounded.
 *
 * Range: offset + n must not exceed FGRT_MAX_NORMAL for normal and uniform
 * values (2^31 per direction) and FGRT_MAX_RADEMACHER for Rademacher values
 * (2^37); beyond it the fill functions return -1 and leave v untouched.
 */
#ifndef FGRT_H
#define FGRT_H

#include <signal.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The generator: just the seed. Copy it freely; sampling never modifies it. */
typedef struct {
  uint64_t seed;
} fgrt_rng;

#define FGRT_MAX_NORMAL ((uint64_t)1 << 31)
#define FGRT_MAX_RADEMACHER ((uint64_t)1 << 37)

void fgrt_rng_init(fgrt_rng *r, uint64_t seed);

/* v[j] = Rademacher value (offset + j) of direction dir at step step, j < n.
 * Returns 0, or -1 (v untouched) when offset + n > FGRT_MAX_RADEMACHER. */
int fgrt_fill_rademacher(const fgrt_rng *r, uint64_t step, uint32_t dir,
                         uint64_t offset, double *v, size_t n);
int fgrt_fill_rademacher_f(const fgrt_rng *r, uint64_t step, uint32_t dir,
                           uint64_t offset, float *v, size_t n);

/* v[j] = standard normal value (offset + j) of direction dir at step step.
 * Returns 0, or -1 (v untouched) when offset + n > FGRT_MAX_NORMAL. */
int fgrt_fill_normal(const fgrt_rng *r, uint64_t step, uint32_t dir,
                     uint64_t offset, double *v, size_t n);
int fgrt_fill_normal_f(const fgrt_rng *r, uint64_t step, uint32_t dir,
                       uint64_t offset, float *v, size_t n);

/* Uniform value i in [0, 1) (a multiple of 2^-53) of stream dir at step step,
 * for other uses of randomness (shuffling, dropout, initialisation).
 * i must be < FGRT_MAX_NORMAL; larger i is reduced modulo it. */
double fgrt_uniform01(const fgrt_rng *r, uint64_t step, uint32_t dir, uint64_t i);

/* The raw Philox4x32-10 bijection: out = philox(ctr, key). */
void fgrt_philox4x32_10(const uint32_t ctr[4], const uint32_t key[2], uint32_t out[4]);

/* The raw ARS-7 bijection (Random123's ars4x32 with 7 rounds, the float
 * normals' generator): out = ars(ctr, key), identical with and without AES-NI. */
void fgrt_ars4x32_7(const uint32_t ctr[4], const uint32_t key[4], uint32_t out[4]);

/* theta[j] += alpha * v[j] where v[j] is the value fgrt_fill_normal (or
 * fgrt_fill_rademacher) puts there for the same arguments: an update that
 * regenerates the direction instead of storing it. Returns 0, or -1 (theta
 * untouched) when the range is exceeded. */
int fgrt_axpy_normal(const fgrt_rng *r, uint64_t step, uint32_t dir, uint64_t offset, double alpha,
                     double *theta, size_t n);
int fgrt_axpy_rademacher(const fgrt_rng *r, uint64_t step, uint32_t dir, uint64_t offset, double alpha,
                         double *theta, size_t n);

/* The code paths of the fills. By default the best the CPU has, or the one
 * the environment variable FGRT_CPU names (generic, avx2, avx512) if the
 * CPU has it. Every path gives the same values; choosing one is for tests
 * and benchmarks. fgrt_rng_set_path returns 0, or -1 (path unchanged) when
 * the CPU lacks p; FGRT_CPU_AUTO goes back to the default. Not to be called
 * while another thread fills. */
typedef enum { FGRT_CPU_AUTO, FGRT_CPU_GENERIC, FGRT_CPU_AVX2, FGRT_CPU_AVX512 } fgrt_cpu_path;
int fgrt_rng_set_path(fgrt_cpu_path p);
fgrt_cpu_path fgrt_rng_path(void);
const char *fgrt_rng_path_name(fgrt_cpu_path p);


/* ------------------------------------------------------------ IDX files
 * The IDX format of MNIST and Fashion-MNIST: a big-endian header (two zero
 * bytes, a type byte, the number of dimensions, then each dimension as a
 * 32-bit count) followed by the data. Files may be gzip-compressed (.gz)
 * or not; both are read the same way. Only unsigned-byte data (type 0x08),
 * the type of every MNIST file, is accepted.
 *
 * fgrt_idx_load validates everything it reads: the magic number, the type,
 * 1 to 4 dimensions, no zero dimension, a size that fits in memory, and a
 * length that matches the dimensions exactly (a truncated file or one with
 * trailing bytes is refused). On error it returns -1, leaves *out empty and
 * writes "file: what is wrong (at byte N)" into err. */
typedef struct {
  int ndims;
  uint32_t dims[4];  /* dims[0] is the number of items (images, labels) */
  size_t size;       /* number of bytes in data: the product of dims */
  uint8_t *data;     /* malloc'd; release with fgrt_idx_free */
} fgrt_idx;

int fgrt_idx_load(const char *path, fgrt_idx *out, char *err, size_t errlen);
/* The same from bytes in memory (gzip-compressed or not); name is used in
 * messages. fgrt_idx_load reads the file whole and calls this. */
int fgrt_idx_load_mem(const void *bytes, size_t len, const char *name, fgrt_idx *out, char *err, size_t errlen);
void fgrt_idx_free(fgrt_idx *idx);

/* ------------------------------------------------------------ training
 * The forward-gradient driver. The model is a set of callbacks over a flat
 * parameter vector theta[0..n_params): usually a few lines that gather a
 * minibatch and call the loss_jvp fgcc generated. Each step of the forward-
 * gradient method draws K directions v_k (seed, step, k), evaluates
 * f and d_k = ∇f·v_k in one call each (or W at a time with a width-W
 * callback), forms g = (1/K) Σ d_k v_k (an unbiased estimate of ∇f whose
 * variance falls as 1/K) or the projection of ∇f onto span(v_1..v_K)
 * (fgrt_combine), optionally clips it, and hands it to the optimizer. The exact-gradient method takes g from
 * a gradient callback (backprop) instead, through the same optimizer, so the
 * two train side by side.
 *
 * Two precisions, one driver: fgrt_train trains double parameters with the
 * model's double callbacks; fgrt_train_f trains float parameters (the
 * precision of the paper and of PyTorch) with the _f callbacks. In float,
 * parameters, directions (fgrt_fill_normal_f, fgrt_fill_rademacher_f),
 * the gradient and the optimizer state are floats and the update is computed
 * in float; losses, ∇f·v, norms and sums are doubles. A model may carry
 * either set of callbacks or both (one loss.c compiled for each type). */

/* One minibatch: indices into the dataset (a fresh permutation each epoch). */
typedef struct {
  const uint32_t *index; /* `size` example indices; NULL when n_examples is 0 */
  size_t size;
  uint64_t step;         /* 0-based training step */
  uint64_t epoch;        /* 0-based pass over the dataset */
} fgrt_batch;

#define FGRT_MAX_METRICS 8

typedef struct {
  size_t n_params;
  size_t n_examples; /* dataset size for minibatches; 0: no data (batch.index NULL) */
  void *user;        /* passed back to every callback */
  /* Returns f(theta) on the batch and stores ∇f(theta)·v in *dfv. */
  double (*loss_jvp)(void *user, const double *theta, const double *v, const fgrt_batch *batch, double *dfv);
  /* Returns f(theta) on the batch and writes ∇f(theta) into grad (exact method). */
  double (*loss_grad)(void *user, const double *theta, const fgrt_batch *batch, double *grad);
  /* Optional evaluation: writes n_metrics values (named metric_names) into
   * metrics; returns 0, or nonzero to stop training early (not an error). */
  int (*eval)(void *user, const double *theta, uint64_t step, double *metrics);
  int n_metrics;
  const char *const *metric_names;
  /* The same three on float parameters, for fgrt_train_f (NULL when the
   * model trains in double only). The loss, ∇f·v and metrics stay double. */
  double (*loss_jvp_f)(void *user, const float *theta, const float *v, const fgrt_batch *batch, double *dfv);
  double (*loss_grad_f)(void *user, const float *theta, const fgrt_batch *batch, float *grad);
  int (*eval_f)(void *user, const float *theta, uint64_t step, double *metrics);
  /* Optional: `width` directions in one call, the code `fgcc --width W`
   * generates (NAME_jvpW). v holds W directions interleaved: element j of
   * direction k at v[j*width + k]; the call returns f(theta) on the batch
   * and stores ∇f(theta)·v_k in dfv[k], k < width. When the precision's
   * callback is set the forward-gradient method calls it instead of
   * loss_jvp: K directions in ceil(K/width) calls, call c taking
   * directions c*width .. c*width + width - 1, the lanes of the last call
   * past K filled with zeros and their results ignored. The directions are
   * the values loss_jvp would get. NULL: not used (a width callback with
   * width 0 is refused). */
  unsigned width;
  double (*loss_jvp_w)(void *user, const double *theta, const double *v, const fgrt_batch *batch, double *dfv);
  double (*loss_jvp_w_f)(void *user, const float *theta, const float *v, const fgrt_batch *batch, double *dfv);
} fgrt_model;

/* The precision of a training run and of its checkpoints. */
typedef enum { FGRT_FLOAT64, FGRT_FLOAT32 } fgrt_precision;

typedef enum { FGRT_FORWARD_GRADIENT, FGRT_EXACT_GRADIENT } fgrt_method;
typedef enum { FGRT_NORMAL, FGRT_RADEMACHER } fgrt_direction;
typedef enum { FGRT_SGD, FGRT_MOMENTUM, FGRT_ADAM } fgrt_optimizer;
/* Learning rate at step i (0-based) for lr0 = lr:
 *   CONSTANT  lr0
 *   EXP       lr0 * exp(-decay * i)             (the paper's schedule, decay = 1e-4)
 *   STEP      lr0 * decay^floor(i / step_every)
 *   INV_SQRT  lr0 / sqrt(1 + decay * i)
 *   COSINE    lr0 * (1 + cos(pi * i / steps)) / 2 */
typedef enum { FGRT_LR_CONSTANT, FGRT_LR_EXP, FGRT_LR_STEP, FGRT_LR_INV_SQRT, FGRT_LR_COSINE } fgrt_schedule;

/* Data-parallel training over P processes (docs/distributed.md): only a few
 * scalars travel each step, never the gradient. How ranks choose directions:
 *   NONE      one process (the default)
 *   SHARED    every rank takes the same K directions on its 1/P of the batch;
 *             one all-reduce of K+3 scalars: the single-process run, to rounding
 *   PER_RANK  rank r takes its own K directions (direction index r*K + k) on
 *             its 1/P of the batch; one all-gather of P*(K+2) scalars; every
 *             rank regenerates all P*K directions and applies their mean */
typedef enum { FGRT_MPI_NONE, FGRT_MPI_SHARED, FGRT_MPI_PER_RANK } fgrt_mpi_directions;

/* How the K directional derivatives d_k = ∇f·v_k of a step become g:
 *   MEAN     g = (1/K) Σ d_k v_k (Baydin et al.): unbiased, variance ~ 1/K
 *   PROJECT  g = V (VᵀV)⁻¹ d, V = [v_1 .. v_K]: the orthogonal projection
 *            of ∇f onto span(v_1..v_K) (Flügel et al., "Beyond
 *            Backpropagation: Optimization with Multi-Tangent Forward
 *            Gradients", 2025), not rescaled: ∇f itself when the directions
 *            span the parameters (K = n), and ‖g‖ <= ‖∇f‖ always. Costs the
 *            K x K Gram matrix VᵀV (n K (K+1)/2 multiply-adds) and a
 *            Cholesky solve, and keeps the K directions (n K values).
 *            Linearly dependent directions are dropped (fgrt_project):
 *            g is still the projection onto the span, and
 *            result.dependent_directions counts them. K > n_params is
 *            refused (VᵀV is then always singular). */
typedef enum { FGRT_COMBINE_MEAN, FGRT_COMBINE_PROJECT } fgrt_combine;

/* The ranks that train together. Opaque here: fgrt_mpi_comm() in fgrt_mpi.h
 * (library fgrt_mpi, built when MPI is found) makes one from an MPI_Comm. */
typedef struct fgrt_comm fgrt_comm;
int fgrt_comm_rank(const fgrt_comm *c);
int fgrt_comm_size(const fgrt_comm *c);

typedef struct {
  fgrt_method method;        /* FORWARD_GRADIENT (default) or EXACT_GRADIENT */
  uint64_t steps;            /* total number of steps (including resumed ones); >= 1 */
  size_t batch_size;         /* examples per step (dataset mode), 1 to n_examples; default 64 */
  double lr;                 /* initial learning rate, finite and > 0; default 1e-3 */
  fgrt_schedule schedule;    /* default CONSTANT */
  double decay;              /* schedule parameter (see above), finite, >= 0; STEP: in (0, 1] */
  uint64_t step_every;       /* STEP schedule period, >= 1 */
  unsigned directions;       /* K, directions averaged per step, >= 1; default 1 */
  fgrt_direction direction;  /* NORMAL (default) or RADEMACHER */
  fgrt_optimizer optimizer;  /* SGD (default), MOMENTUM (heavy ball), ADAM */
  double momentum;           /* MOMENTUM: m = momentum*m + g, in [0, 1); default 0.9 */
  double beta1, beta2, eps;  /* ADAM: betas in [0, 1), eps finite > 0; defaults 0.9, 0.999, 1e-8 */
  double weight_decay;       /* adds weight_decay*theta to g, finite >= 0; default 0 */
  double clip_norm;          /* if > 0, g is scaled down to this norm; finite >= 0; default 0 */
  uint64_t seed;             /* directions and shuffling; default 1 */
  int shuffle;               /* reshuffle the dataset each epoch; default 1 */
  uint64_t eval_every;       /* call model->eval every N steps and at the end; 0 = end only */
  uint64_t log_every;        /* a log row (mean loss since the last) every N steps; default 100 */
  const char *log_path;      /* machine-readable log: .csv, or JSON lines (.jsonl); NULL = none */
  int progress;              /* -1: a live line on a terminal, plain lines otherwise (default);
                                0: silent; 1: plain lines */
  uint64_t progress_every;   /* plain progress lines every N steps; default steps/20 */
  const char *checkpoint_path; /* saved every checkpoint_every steps and at the end; NULL = none */
  uint64_t checkpoint_every;
  const char *resume_path;   /* a checkpoint to resume from (parameters, optimizer state, step) */
  double stop_loss;          /* stop once the mean logged loss is <= stop_loss (not NaN); default -inf */
  /* When *interrupt becomes nonzero (set it from a SIGINT handler), training
   * stops after the current step: logged, evaluated and checkpointed like a
   * normal end, with result->interrupted set. NULL: not watched. */
  volatile sig_atomic_t *interrupt;
  /* Distributed training: every rank calls fgrt_train with the same options
   * and model; rank 0 alone logs, shows progress, evaluates and checkpoints
   * (the metrics reach every rank's result). The exact method runs SHARED
   * only, all-reducing the gradient as data-parallel backprop (DDP) does:
   * the baseline to compare with. */
  fgrt_mpi_directions mpi_directions; /* default FGRT_MPI_NONE */
  const fgrt_comm *mpi_comm;   /* required with SHARED or PER_RANK */
  uint64_t mpi_check_every;    /* compare a hash of the parameters and optimizer
                                  state across ranks every N steps and at the end;
                                  default 100; 0: at the end only */
  fgrt_combine combine;        /* MEAN (default) or PROJECT; PROJECT is refused with
                                  FGRT_MPI_PER_RANK (each rank's d_k are of its share) */
} fgrt_train_opts;

typedef struct {
  uint64_t steps;            /* steps done when training ended (counting resumed ones) */
  double loss;               /* mean training loss over the last log window */
  double seconds;            /* training time (excluding evaluation, logging, checkpoints) */
  int diverged;              /* 1: stopped on a NaN or infinite loss, gradient or parameter */
  uint64_t diverged_step;
  int stopped_early;         /* 1: stop_loss reached, eval asked to stop, or interrupted */
  int interrupted;           /* 1: stopped by opts->interrupt */
  double metrics[FGRT_MAX_METRICS]; /* last evaluation */
  int evaluated;             /* 1 if metrics holds an evaluation */
  /* Distributed runs: */
  int ranks;                 /* processes that trained together (1 without MPI) */
  uint64_t comm_bytes_per_step; /* bytes each rank receives from a step's collectives:
                                   SHARED 8(K+3), PER_RANK 8P(K+2), the exact method
                                   n*sizeof(REAL) + 24; 0 without MPI */
  uint64_t comm_bytes;       /* bytes received from all collectives of the run (steps,
                                hash checks, evaluations, the start) */
  double comm_seconds;       /* time spent in collectives (part of seconds) */
  int error_here;            /* on error: 1 if it began on this rank (print its message);
                                0 if every rank saw it or it began on another rank */
  uint64_t dependent_directions; /* FGRT_COMBINE_PROJECT: directions dropped over the run
                                    as linearly dependent on the step's earlier ones */
} fgrt_train_result;

/* Fills opts with the defaults above (steps = 1000). */
void fgrt_train_defaults(fgrt_train_opts *opts);

/* Trains theta in place. Returns 0 on success (including an early stop),
 * -1 on an error or on divergence, with a message in err ("step 412: loss
 * is nan: training diverged; ..."). Options outside the ranges noted above
 * (an enum outside its values, progress outside -1..1; the momentum, Adam
 * constants only with that optimizer) are refused before any callback runs
 * or any file is written: "fgrt_train: lr is -1; expected a finite number
 * > 0". On divergence theta holds the last
 * parameters whose update was finite when the loss or gradient went bad;
 * no checkpoint is ever written with non-finite values. */
int fgrt_train(const fgrt_model *model, const fgrt_train_opts *opts, double *theta, fgrt_train_result *result,
               char *err, size_t errlen);

/* The same in float32: theta, directions, gradient and optimizer state are
 * floats, with model->loss_jvp_f / loss_grad_f / eval_f. Same options, logs,
 * checks and messages (prefixed "fgrt_train_f: "). A model with an eval
 * callback in one precision only is refused in the other; checkpoints are
 * float32 ones, and resuming one of the other precision is refused. */
int fgrt_train_f(const fgrt_model *model, const fgrt_train_opts *opts, float *theta, fgrt_train_result *result,
                 char *err, size_t errlen);

/* The forward-gradient estimate alone, for custom loops:
 * g = (1/K) Σ_k (∇f·v_k) v_k with v_k direction k of `batch->step`.
 * v is scratch of n_params doubles. Returns the mean loss over the K calls. */
double fgrt_forward_gradient(const fgrt_model *model, const fgrt_rng *rng, fgrt_direction dist, unsigned directions,
                             const double *theta, const fgrt_batch *batch, double *g, double *v);
/* In float with model->loss_jvp_f and the float directions:
 * g[i] = Σ_k (float)(d_k / K) v_k[i], summed in float in the order of k. */
double fgrt_forward_gradient_f(const fgrt_model *model, const fgrt_rng *rng, fgrt_direction dist, unsigned directions,
                               const float *theta, const fgrt_batch *batch, float *g, float *v);
/* The same K directions through model->loss_jvp_w (loss_jvp_w_f), `width`
 * at a time: ceil(K/width) calls, the lanes past K zero and their results
 * dropped, the terms added as above. work is scratch of
 * n_params * (width + 1) values; with no width callback it is v for the K
 * calls above. Returns the mean loss over the calls (NaN: out of memory). */
double fgrt_forward_gradient_w(const fgrt_model *model, const fgrt_rng *rng, fgrt_direction dist, unsigned directions,
                               const double *theta, const fgrt_batch *batch, double *g, double *work);
double fgrt_forward_gradient_w_f(const fgrt_model *model, const fgrt_rng *rng, fgrt_direction dist,
                                 unsigned directions, const float *theta, const fgrt_batch *batch, float *g,
                                 float *work);

/* The orthogonal projection onto span(v_1..v_K) of a vector whose dot
 * products with the v_k are d[0..K): g = V (VᵀV)⁻¹ d, V's column k at
 * V + k*n. The Gram matrix, its Cholesky factor and the solve are in
 * double (work: K*K + K doubles); in float g[i] = Σ_k (float)c_k v_k[i]
 * summed in float. A direction whose Cholesky pivot is at most 1e-10 of
 * its squared norm (linearly dependent on the earlier ones, or zero) is
 * dropped (c_k = 0). Returns the number of directions kept (the rank). */
unsigned fgrt_project(const double *V, size_t n, unsigned K, const double *d, double *g, double *work);
unsigned fgrt_project_f(const float *V, size_t n, unsigned K, const double *d, float *g, double *work);

/* The learning rate of opts at step i. */
double fgrt_learning_rate(const fgrt_train_opts *opts, uint64_t i);


/* ------------------------------------------------------------ checkpoints
 * A checkpoint holds the parameters, the optimizer state, the step and the
 * precision of the run. Binary format, all integers and doubles
 * little-endian (doubles IEEE-754 binary64):
 *
 *   offset  size  field
 *        0     8  magic "FGRTCKPT"
 *        8     4  format version (1)
 *       12     4  header size in bytes (64)
 *       16     8  n_params
 *       24     8  step (steps completed)
 *       32     8  seed
 *       40     4  optimizer (0 SGD, 1 momentum, 2 Adam)
 *       44     4  n_state: optimizer state vectors (0, 1 or 2)
 *       48     4  precision of the run (0 float64, 1 float32)
 *       52    12  reserved, zero
 *       64  8*n_params*(1+n_state)  theta, then each state vector
 *      end     4  CRC-32 (zlib's) of every byte before it
 *
 * Values are binary64 in both precisions: a float32 checkpoint holds float
 * values widened exactly, so one layout serves both and files written
 * before the precision field (zero there) read as float64.
 *
 * fgrt_ckpt_save refuses non-finite values and writes atomically (a
 * temporary file beside path, flushed, then renamed over it): a crash never
 * leaves a partial checkpoint and an existing one is replaced only by a
 * complete one. A float32 checkpoint's values are rounded to float first.
 * fgrt_ckpt_load checks the magic, version, sizes, precision, exact file
 * length, checksum and finiteness (and that a float32 checkpoint holds
 * float values), and refuses anything else with "path: what is wrong". */
typedef struct {
  uint64_t n_params;
  uint64_t step;
  uint64_t seed;
  uint32_t optimizer;
  uint32_t n_state;
  double *theta;  /* n_params values */
  double *state;  /* n_state * n_params values (NULL when n_state is 0) */
  uint32_t precision; /* an fgrt_precision: FGRT_FLOAT64 (0) or FGRT_FLOAT32 */
} fgrt_checkpoint;

/* "float64" or "float32" (NULL for anything else). */
const char *fgrt_precision_name(fgrt_precision p);

int fgrt_ckpt_save(const char *path, const fgrt_checkpoint *ckpt, char *err, size_t errlen);
/* On success the arrays are malloc'd: release them with fgrt_ckpt_free. On
 * error *ckpt is left empty (safe to free). */
int fgrt_ckpt_load(const char *path, fgrt_checkpoint *ckpt, char *err, size_t errlen);
/* The same from bytes in memory; name is used in messages. */
int fgrt_ckpt_load_mem(const void *bytes, size_t len, const char *name, fgrt_checkpoint *ckpt, char *err,
                       size_t errlen);
void fgrt_ckpt_free(fgrt_checkpoint *ckpt);

#ifdef __cplusplus
}
#endif

#endif /* FGRT_H */
