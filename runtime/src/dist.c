/*
 * dist.c -- distributed forward-gradient training: what crosses between
 * ranks, and the agreements that keep them in step (docs/distributed.md).
 *
 * A step's directions are counters (seed, step, direction index), so a rank
 * never needs another rank's vectors: it needs the scalars ∇f·v. SHARED:
 * every rank evaluates the same K directions on its part of the batch and
 * one all-reduce sums the weighted scalars. PER_RANK: rank r evaluates
 * directions rK..rK+K-1 and one all-gather hands every rank all P*K
 * scalars. Either way every rank then holds the same list of (direction,
 * coefficient) pairs and forms the same update from it.
 *
 * Every decision that ends or changes the run travels with the scalars so
 * no rank waits alone in a collective: an interrupt on any rank, a local
 * failure (rank 0's log or checkpoint), rank 0's evaluation and its stop
 * request.
 *
 * The exact method (backprop) runs as data-parallel backprop does, for
 * comparison: SHARED only, one all-reduce of the whole gradient a step.
 */
#include "dist.h"
#include "fgrt_int.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

int fgrt_comm_rank(const fgrt_comm *c) { return c ? c->rank : 0; }
int fgrt_comm_size(const fgrt_comm *c) { return c ? c->size : 1; }

uint64_t dist_fnv1a(uint64_t h, const void *p, size_t n) {
  const unsigned char *b = p;
  for (size_t i = 0; i < n; i++)
    h = (h ^ b[i]) * 0x100000001b3ULL;
  return h;
}

/* ---------------------------------------------------------------- set-up */

void dist_attach(dist_run *d, const fgrt_train_opts *o) {
  memset(d, 0, sizeof *d);
  d->comm = o->mpi_comm;
  d->mode = o->mpi_directions;
  d->rank = d->comm->rank;
  d->size = d->comm->size;
  d->k = o->directions;
}

int dist_open(dist_run *d, char *err, size_t errlen) {
  uint64_t total = d->mode == FGRT_MPI_PER_RANK ? (uint64_t)d->size * d->k : d->k;
  if (total > UINT32_MAX)
    return fgrt_errorf(err, errlen, "fgrt_train: %d ranks x %u directions: more than 2^32 direction indices", d->size, d->k);
  d->mine = calloc(d->k + 3, sizeof *d->mine);
  d->all = d->mode == FGRT_MPI_PER_RANK ? calloc((size_t)d->size * (d->k + 2), sizeof *d->all) : NULL;
  d->dirs = calloc(total, sizeof *d->dirs);
  d->coef = calloc(total, sizeof *d->coef);
  d->bytes_per_step = sizeof(double) * (d->mode == FGRT_MPI_PER_RANK ? (uint64_t)d->size * (d->k + 2) : d->k + 3);
  int ok = d->mine && d->dirs && d->coef && (d->all || d->mode != FGRT_MPI_PER_RANK);
  return ok ? 0 : fgrt_errorf(err, errlen, "fgrt_train: out of memory for %llu directions", (unsigned long long)total);
}

void dist_close(dist_run *d) {
  free(d->mine);
  free(d->all);
  free(d->dirs);
  free(d->coef);
  d->mine = d->all = d->coef = NULL;
  d->dirs = NULL;
}

fgrt_batch dist_share(const dist_run *d, const fgrt_batch *batch, int has_data, double *weight) {
  fgrt_batch share = *batch;
  if (!has_data) { /* nothing to split: PER_RANK ranks average, SHARED has rank 0 evaluate */
    *weight = d->mode == FGRT_MPI_PER_RANK ? 1.0 / d->size : d->rank == 0;
    return share;
  }
  uint64_t b = batch->size, lo = b * (uint64_t)d->rank / (uint64_t)d->size,
           hi = b * (uint64_t)(d->rank + 1) / (uint64_t)d->size;
  share.index = batch->index + lo;
  share.size = hi - lo;
  *weight = (double)(hi - lo) / (double)b;
  return share;
}

uint32_t dist_direction(const dist_run *d, unsigned k) {
  return d->mode == FGRT_MPI_PER_RANK ? (uint32_t)d->rank * d->k + k : k;
}

/* ---------------------------------------------------------------- messages */

/* "rank R: " before this rank's own message. */
static void prefix_rank(int rank, char *err, size_t errlen) {
  char tmp[1024];
  if (!err || !errlen)
    return;
  snprintf(tmp, sizeof tmp, "%s", err);
  snprintf(err, errlen, "rank %d: %s", rank, tmp);
}

/* "1, 3 and 7" of the ranks r with bad[r], at most the first eight. */
static void rank_list(const int *bad, int size, char *out, size_t len) {
  int count = 0, shown = 0;
  for (int r = 0; r < size; r++)
    count += bad[r] != 0;
  size_t n = 0;
  out[0] = 0;
  for (int r = 0; r < size && shown < 8 && n < len; r++)
    if (bad[r]) {
      shown++;
      const char *sep = shown == 1 ? "" : shown == count ? " and " : ", ";
      n += (size_t)snprintf(out + n, len - n, "%s%d", sep, r);
    }
  if (shown < count && n < len)
    snprintf(out + n, len - n, " and %d more", count - shown);
}

/* A collective that failed on this rank: the message is its own. */
static int collective(dist_run *d, int rc, double t0, uint64_t bytes) {
  d->seconds += fgrt_seconds() - t0;
  d->bytes += rc == 0 ? bytes : 0;
  d->blame_here |= rc != 0;
  return rc;
}

/* The failures every rank learns of at once: the failing ranks keep their
 * message (prefixed with their rank), the others name them. */
static int failed_ranks(dist_run *d, const int *bad, const char *when, char *err, size_t errlen) {
  char list[128];
  if (bad[d->rank]) {
    prefix_rank(d->rank, err, errlen);
    d->blame_here = 1;
    return -1;
  }
  rank_list(bad, d->size, list, sizeof list);
  return fgrt_errorf(err, errlen, "%s: rank %s failed (see its message); every rank stops", when, list);
}

/* ---------------------------------------------------------------- the step */

static int exchange_shared(dist_run *d, uint64_t step, int interrupt, char *err, size_t errlen) {
  unsigned k = d->k;
  d->mine[k + 1] = interrupt != 0;
  d->mine[k + 2] = d->failed;
  double t0 = fgrt_seconds();
  if (collective(d, d->comm->allreduce_sum(d->comm, d->mine, (int)k + 3, err, errlen), t0, d->bytes_per_step) != 0)
    return -1;
  if (d->mine[k + 2] > 0) {
    if (d->failed)
      return prefix_rank(d->rank, err, errlen), d->blame_here = 1, -1;
    return fgrt_errorf(err, errlen, "step %llu: another rank failed (see its message); every rank stops",
                (unsigned long long)step);
  }
  d->interrupted = d->mine[k + 1] > 0;
  d->loss = d->mine[0];
  for (unsigned j = 0; j < k; j++) { /* g = Σ (d_j / K) v_j, as one process forms it */
    d->dirs[j] = j;
    d->coef[j] = d->mine[1 + j] / k;
  }
  d->count = k;
  return 0;
}

static int exchange_per_rank(dist_run *d, uint64_t step, int interrupt, char *err, size_t errlen) {
  unsigned k = d->k, w = k + 2;
  int *bad = calloc((size_t)d->size, sizeof *bad), any = 0;
  if (!bad)
    return fgrt_errorf(err, errlen, "step %llu: out of memory", (unsigned long long)step);
  d->mine[k + 1] = (interrupt != 0) + 2.0 * d->failed;
  double t0 = fgrt_seconds();
  int rc = collective(d, d->comm->allgather(d->comm, d->mine, (int)(w * sizeof(double)), d->all, err, errlen), t0,
                      d->bytes_per_step);
  d->loss = 0;
  d->interrupted = 0;
  d->count = 0;
  for (int r = 0; rc == 0 && r < d->size; r++) { /* in rank order: the same sums on every rank */
    const double *x = d->all + (size_t)r * w;
    bad[r] = x[k + 1] >= 2;
    any |= bad[r];
    d->interrupted |= x[k + 1] == 1 || x[k + 1] == 3;
    d->loss += x[0];
    for (unsigned j = 0; j < k; j++, d->count++) {
      d->dirs[d->count] = (uint32_t)r * k + j;
      d->coef[d->count] = x[1 + j] / k;
    }
  }
  if (rc == 0 && any) {
    char when[64];
    snprintf(when, sizeof when, "step %llu", (unsigned long long)step);
    rc = failed_ranks(d, bad, when, err, errlen);
  }
  free(bad);
  return rc;
}

int dist_exchange_gradient(dist_run *d, uint64_t step, int interrupt, void *g, size_t n, size_t size, char *err,
                           size_t errlen) {
  double x[3] = {d->mine[0], interrupt != 0, d->failed};
  const fgrt_comm *c = d->comm;
  d->bytes_per_step = n * size + sizeof x;
  double t0 = fgrt_seconds();
  if (collective(d, c->allreduce_sum(c, x, 3, err, errlen), t0, sizeof x) != 0)
    return -1;
  if (x[2] > 0) {
    if (d->failed)
      return prefix_rank(d->rank, err, errlen), d->blame_here = 1, -1;
    return fgrt_errorf(err, errlen, "step %llu: another rank failed (see its message); every rank stops",
                (unsigned long long)step);
  }
  d->interrupted = x[1] > 0;
  d->loss = x[0];
  d->count = 0;
  t0 = fgrt_seconds();
  int rc = size == sizeof(float) ? c->allreduce_sum_f(c, g, (int)n, err, errlen)
                                 : c->allreduce_sum(c, g, (int)n, err, errlen);
  return collective(d, rc, t0, n * size);
}

int dist_exchange(dist_run *d, uint64_t step, int interrupt, char *err, size_t errlen) {
  return d->mode == FGRT_MPI_PER_RANK ? exchange_per_rank(d, step, interrupt, err, errlen)
                                      : exchange_shared(d, step, interrupt, err, errlen);
}

/* ---------------------------------------------------------------- agreements */

/* Every rank's pair (value, failed): gathered into all[2r], all[2r+1]. */
static uint64_t *gather_pairs(dist_run *d, uint64_t value, int failed, char *err, size_t errlen) {
  uint64_t mine[2] = {value, (uint64_t)(failed != 0)};
  uint64_t *all = calloc((size_t)d->size * 2, sizeof *all);
  if (!all) {
    fgrt_errorf(err, errlen, "out of memory");
    return NULL;
  }
  double t0 = fgrt_seconds();
  if (collective(d, d->comm->allgather(d->comm, mine, (int)sizeof mine, all, err, errlen), t0,
                 (uint64_t)d->size * sizeof mine) != 0) {
    free(all);
    return NULL;
  }
  return all;
}

/* bad[r] = rank r failed (which = 1) or its value differs from rank 0's (which = 0). */
static int mark(const uint64_t *all, int size, int which, int *bad) {
  int any = 0;
  for (int r = 0; r < size; r++) {
    bad[r] = which ? all[2 * r + 1] != 0 : all[2 * r] != all[0];
    any |= bad[r];
  }
  return any;
}

/* Failures first, then values that differ from rank 0's: -1 on every rank
 * with "<when>: <differ> on rank <list><tail>". */
static int judge_pairs(dist_run *d, const uint64_t *all, const char *when, const char *differ, const char *tail,
                       char *err, size_t errlen) {
  int *bad = calloc((size_t)d->size, sizeof *bad), rc = 0;
  char list[128];
  if (!bad)
    return fgrt_errorf(err, errlen, "%s: out of memory", when);
  if (mark(all, d->size, 1, bad))
    rc = failed_ranks(d, bad, when, err, errlen);
  else if (mark(all, d->size, 0, bad)) {
    rank_list(bad, d->size, list, sizeof list);
    rc = fgrt_errorf(err, errlen, "%s: %s on rank %s%s", when, differ, list, tail);
  }
  free(bad);
  return rc;
}

int dist_agree_start(dist_run *d, int rc, uint64_t config, char *err, size_t errlen) {
  uint64_t *all = gather_pairs(d, config, rc != 0, err, errlen);
  if (!all) /* the collective failed: its message replaces a set-up error's */
    return -1;
  rc = judge_pairs(d, all, "fgrt_train: at the start", "the options, model size or resumed step differ from rank 0's",
                   " (every rank must call fgrt_train with the same ones)", err, errlen);
  free(all);
  return rc;
}

int dist_agree_eval(dist_run *d, double *metrics, int n_metrics, int *stop, char *err, size_t errlen) {
  double x[FGRT_MAX_METRICS + 1] = {0};
  if (d->rank == 0) {
    memcpy(x, metrics, (size_t)n_metrics * sizeof *x);
    x[n_metrics] = *stop != 0;
  }
  double t0 = fgrt_seconds(); /* rank 0's values plus zeros: exactly rank 0's values */
  if (collective(d, d->comm->allreduce_sum(d->comm, x, n_metrics + 1, err, errlen), t0,
                 (uint64_t)(n_metrics + 1) * sizeof(double)) != 0)
    return -1;
  memcpy(metrics, x, (size_t)n_metrics * sizeof *x);
  *stop = x[n_metrics] > 0;
  return 0;
}

int dist_check(dist_run *d, uint64_t step, const void *const *vec, int nvec, size_t bytes, char *err,
               size_t errlen) {
  uint64_t h = DIST_FNV_OFFSET;
  for (int i = 0; i < nvec; i++)
    h = dist_fnv1a(h, vec[i], bytes);
  uint64_t *all = gather_pairs(d, h, d->failed, err, errlen);
  if (!all)
    return -1;
  char when[64];
  snprintf(when, sizeof when, "step %llu", (unsigned long long)step);
  char tail[96];
  snprintf(tail, sizeof tail, " (hash %016llx, rank 0's %016llx)", (unsigned long long)all[2 * d->rank],
           (unsigned long long)all[0]);
  int rc = judge_pairs(d, all, when,
                       "the parameters are no longer bit-identical across ranks: their hash differs from rank 0's",
                       tail, err, errlen);
  free(all);
  return rc;
}
