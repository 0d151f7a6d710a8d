/* fgrt_mpi.h: libfgrt on MPI (library fgrt_mpi, built when CMake finds MPI).
 *
 * Distributed forward-gradient training (docs/distributed.md): make a
 * communicator here, put it in fgrt_train_opts.mpi_comm with
 * mpi_directions FGRT_MPI_SHARED or FGRT_MPI_PER_RANK, and call fgrt_train
 * (or fgrt_train_f) on every rank with the same model and options:
 *
 *   MPI_Init(&argc, &argv);
 *   fgrt_comm *comm = fgrt_mpi_comm(MPI_COMM_WORLD, err, sizeof err);
 *   opts.mpi_directions = FGRT_MPI_PER_RANK;
 *   opts.mpi_comm = comm;
 *   fgrt_train(&model, &opts, theta, &result, err, sizeof err);
 *   fgrt_mpi_comm_free(comm);
 *   MPI_Finalize();
 *
 * Only this header and its library need MPI: fgrt.h and libfgrt do not.
 */
#ifndef FGRT_MPI_H
#define FGRT_MPI_H

#include <mpi.h>

#include "fgrt.h"

#ifdef __cplusplus
extern "C" {
#endif

/* A communicator for fgrt_train over the ranks of comm: a duplicate of it
 * (training's collectives never meet the caller's messages) whose errors
 * return instead of aborting, so an MPI failure comes back from fgrt_train
 * as an error naming the rank. MPI must be initialised. Returns NULL with
 * err set on failure. */
fgrt_comm *fgrt_mpi_comm(MPI_Comm comm, char *err, size_t errlen);
/* Frees the duplicate (before MPI_Finalize). NULL: nothing. */
void fgrt_mpi_comm_free(fgrt_comm *c);

#ifdef __cplusplus
}
#endif

#endif /* FGRT_MPI_H */
