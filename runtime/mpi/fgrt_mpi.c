/*
 * fgrt_mpi.c -- libfgrt's collectives on MPI (library fgrt_mpi).
 *
 * Fills dist.h's table with MPI_Allreduce (SHARED steps, evaluations, the
 * exact method's gradient) and
 * MPI_Allgather (PER_RANK steps, hash checks, the start) on a duplicate of
 * the caller's communicator with MPI_ERRORS_RETURN: a failed collective
 * becomes "rank R: MPI_Allgather failed: <MPI's reason>" and fgrt_train
 * returns it. Whether the other ranks learn of it depends on the MPI
 * implementation (docs/distributed.md: Open MPI's mpirun ends the whole
 * job when a process dies).
 */
#include "fgrt_mpi.h"

#include "dist.h"

#include <stdio.h>
#include <stdlib.h>

typedef struct {
  fgrt_comm base; /* first: a const fgrt_comm * is one of these */
  MPI_Comm comm;
} mpi_comm;

static int mpi_fail(const fgrt_comm *c, int rc, const char *what, char *err, size_t errlen) {
  char why[MPI_MAX_ERROR_STRING] = "";
  int len = 0;
  MPI_Error_string(rc, why, &len);
  if (err && errlen)
    snprintf(err, errlen, "rank %d: %s failed: %s", c->rank, what, why);
  return -1;
}

static int allreduce_sum(const fgrt_comm *c, double *x, int n, char *err, size_t errlen) {
  int rc = MPI_Allreduce(MPI_IN_PLACE, x, n, MPI_DOUBLE, MPI_SUM, ((const mpi_comm *)c)->comm);
  return rc == MPI_SUCCESS ? 0 : mpi_fail(c, rc, "MPI_Allreduce", err, errlen);
}

static int allreduce_sum_f(const fgrt_comm *c, float *x, int n, char *err, size_t errlen) {
  int rc = MPI_Allreduce(MPI_IN_PLACE, x, n, MPI_FLOAT, MPI_SUM, ((const mpi_comm *)c)->comm);
  return rc == MPI_SUCCESS ? 0 : mpi_fail(c, rc, "MPI_Allreduce", err, errlen);
}

static int allgather(const fgrt_comm *c, const void *mine, int bytes, void *all, char *err, size_t errlen) {
  int rc = MPI_Allgather(mine, bytes, MPI_BYTE, all, bytes, MPI_BYTE, ((const mpi_comm *)c)->comm);
  return rc == MPI_SUCCESS ? 0 : mpi_fail(c, rc, "MPI_Allgather", err, errlen);
}

static fgrt_comm *failed(mpi_comm *m, const char *what, int rc, char *err, size_t errlen) {
  char why[MPI_MAX_ERROR_STRING] = "";
  int len = 0;
  if (rc != MPI_SUCCESS)
    MPI_Error_string(rc, why, &len);
  if (err && errlen)
    snprintf(err, errlen, "fgrt_mpi_comm: %s%s%s", what, len ? ": " : "", why);
  free(m);
  return NULL;
}

fgrt_comm *fgrt_mpi_comm(MPI_Comm comm, char *err, size_t errlen) {
  int init = 0, done = 0;
  MPI_Initialized(&init);
  MPI_Finalized(&done);
  if (!init || done)
    return failed(NULL, "MPI is not initialised (call MPI_Init first) or already finalised", MPI_SUCCESS, err, errlen);
  mpi_comm *m = calloc(1, sizeof *m);
  if (!m)
    return failed(NULL, "out of memory", MPI_SUCCESS, err, errlen);
  int rc = MPI_Comm_dup(comm, &m->comm);
  if (rc != MPI_SUCCESS)
    return failed(m, "MPI_Comm_dup", rc, err, errlen);
  rc = MPI_Comm_set_errhandler(m->comm, MPI_ERRORS_RETURN);
  if (rc == MPI_SUCCESS)
    rc = MPI_Comm_rank(m->comm, &m->base.rank);
  if (rc == MPI_SUCCESS)
    rc = MPI_Comm_size(m->comm, &m->base.size);
  if (rc != MPI_SUCCESS) {
    MPI_Comm_free(&m->comm);
    return failed(m, "setting up the duplicate communicator", rc, err, errlen);
  }
  m->base.allreduce_sum = allreduce_sum;
  m->base.allgather = allgather;
  m->base.allreduce_sum_f = allreduce_sum_f;
  return &m->base;
}

void fgrt_mpi_comm_free(fgrt_comm *c) {
  if (!c)
    return;
  mpi_comm *m = (mpi_comm *)c;
  MPI_Comm_free(&m->comm);
  free(m);
}
