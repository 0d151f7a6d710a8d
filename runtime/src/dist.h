/* dist.h -- libfgrt internal: distributed training (docs/distributed.md).
 *
 * The training driver's side of a distributed run: which part of the batch
 * and which directions are this rank's, the one exchange of scalars a step,
 * the agreements that keep every rank's decisions the same (start, stop,
 * failures), and the hash check that the parameters stay bit-identical.
 *
 * The collectives themselves come from an fgrt_comm, a table of two
 * operations: libfgrt needs no MPI, and fgrt_mpi.c (library fgrt_mpi)
 * fills the table with MPI_Allreduce and MPI_Allgather.
 */
#ifndef FGRT_DIST_H
#define FGRT_DIST_H

#include "fgrt.h"

/* A communicator: its rank, its size and its collectives. Each returns 0,
 * or -1 with "rank R: <what> failed: <why>" in err. */
struct fgrt_comm {
  int rank, size;
  /* x[0..n) = the sum over the ranks of x[0..n), on every rank */
  int (*allreduce_sum)(const fgrt_comm *c, double *x, int n, char *err, size_t errlen);
  /* all[r*bytes .. (r+1)*bytes) = rank r's mine[0..bytes), on every rank */
  int (*allgather)(const fgrt_comm *c, const void *mine, int bytes, void *all, char *err, size_t errlen);
  /* allreduce_sum on floats (the exact method's float32 gradient) */
  int (*allreduce_sum_f)(const fgrt_comm *c, float *x, int n, char *err, size_t errlen);
};

/* The distributed state of one run. comm NULL: one process, and none of the
 * functions below is called. */
typedef struct {
  const fgrt_comm *comm;
  fgrt_mpi_directions mode;
  int rank, size;
  unsigned k;               /* directions per rank and step */
  double *mine;             /* this rank's scalars of a step: loss, K derivatives, flags */
  double *all;              /* every rank's (PER_RANK) */
  uint32_t *dirs;           /* the combined update: g = Σ coef[j] v_{dirs[j]} */
  double *coef;
  size_t count;
  double loss;              /* the step's loss over the whole batch */
  int failed;               /* a local error waits to be told to the other ranks */
  int interrupted;          /* some rank was interrupted (agreed) */
  int blame_here;           /* the run's error began on this rank */
  uint64_t bytes, bytes_per_step;
  double seconds;
} dist_run;

/* Takes the communicator, mode and K of o (o->mpi_comm not NULL). */
void dist_attach(dist_run *d, const fgrt_train_opts *o);
/* Allocates the buffers; checks what only the communicator can tell
 * (P*K directions fit their 32-bit index). Local: no collective. */
int dist_open(dist_run *d, char *err, size_t errlen);
void dist_close(dist_run *d);

/* This rank's share of the batch: examples [rB/P, (r+1)B/P) of its index
 * list, and its weight, the share's size over B (the whole batch on every
 * rank when there is no data: weight 1/P PER_RANK, rank 0 alone SHARED). */
fgrt_batch dist_share(const dist_run *d, const fgrt_batch *batch, int has_data, double *weight);
/* The direction index of this rank's direction k: k SHARED, rank*K + k PER_RANK. */
uint32_t dist_direction(const dist_run *d, unsigned k);

/* The step's exchange. On entry mine[0] = weight * loss, mine[1 + k] =
 * weight * ∇f·v_k (weight: dist_share's). On success d->loss and the
 * combined update (dirs, coef, count) are the same on every rank. Fails
 * (-1) on an MPI error and when some rank had failed (d->failed). */
int dist_exchange(dist_run *d, uint64_t step, int interrupt, char *err, size_t errlen);

/* An exact-gradient step (SHARED: data-parallel backprop, the DDP baseline).
 * On entry mine[0] = weight * loss and g = weight * ∇f on this rank's share,
 * n values of `size` bytes (4: float, 8: double). One all-reduce of the
 * scalars (loss, flags), then one of g: the batch's gradient on every rank. */
int dist_exchange_gradient(dist_run *d, uint64_t step, int interrupt, void *g, size_t n, size_t size, char *err,
                           size_t errlen);

/* Start: every rank set up (rc 0) with the same options (config, a digest).
 * Fails on every rank when one failed or differs, naming the rank. */
int dist_agree_start(dist_run *d, int rc, uint64_t config, char *err, size_t errlen);
/* After rank 0's evaluation: its metrics and stop flag on every rank. */
int dist_agree_eval(dist_run *d, double *metrics, int n_metrics, int *stop, char *err, size_t errlen);
/* The parameters and optimizer state (nvec vectors of `bytes` each) hash
 * the same on every rank, and no rank failed (d->failed): else -1 on every
 * rank, naming the step and the ranks. */
int dist_check(dist_run *d, uint64_t step, const void *const *vec, int nvec, size_t bytes, char *err,
               size_t errlen);

/* FNV-1a, 64 bits, of n bytes continuing from h (start: DIST_FNV_OFFSET). */
#define DIST_FNV_OFFSET 0xcbf29ce484222325ULL
uint64_t dist_fnv1a(uint64_t h, const void *p, size_t n);

#endif
