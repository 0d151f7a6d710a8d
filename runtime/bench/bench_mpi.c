/*
 * bench_mpi.c -- what one step's exchange costs on this machine's MPI
 * (docs/distributed.md, "Measured"): the median time of
 *   - the shared step's MPI_Allreduce of K+3 doubles,
 *   - the per-rank step's MPI_Allgather of K+2 doubles per rank,
 *   - DDP's MPI_Allreduce of the n-value float32 gradient,
 * for K = 1 and n = 7,850 (logistic regression) and 1,863,690 (the paper's
 * MLP). Not a test. Run: mpirun -np P build/bench_mpi
 */
#include <mpi.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { K = 1, SMALL_REPS = 2001, BIG_REPS = 21 };

static int cmp(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

/* The median over reps of the slowest rank's time of op(i). */
static double median_time(void (*op)(void *), void *arg, int reps) {
  double *t = malloc((size_t)reps * sizeof *t);
  for (int i = 0; i < reps; i++) {
    MPI_Barrier(MPI_COMM_WORLD);
    double t0 = MPI_Wtime();
    op(arg);
    double dt = MPI_Wtime() - t0;
    MPI_Allreduce(&dt, &t[i], 1, MPI_DOUBLE, MPI_MAX, MPI_COMM_WORLD);
  }
  qsort(t, (size_t)reps, sizeof *t, cmp);
  double m = t[reps / 2];
  free(t);
  return m;
}

static void shared(void *arg) { MPI_Allreduce(MPI_IN_PLACE, arg, K + 3, MPI_DOUBLE, MPI_SUM, MPI_COMM_WORLD); }

static double *gathered;
static void per_rank(void *arg) {
  MPI_Allgather(arg, K + 2, MPI_DOUBLE, gathered, K + 2, MPI_DOUBLE, MPI_COMM_WORLD);
}

static int ddp_n;
static void ddp(void *arg) { MPI_Allreduce(MPI_IN_PLACE, arg, ddp_n, MPI_FLOAT, MPI_SUM, MPI_COMM_WORLD); }

int main(int argc, char **argv) {
  MPI_Init(&argc, &argv);
  int rank, size;
  MPI_Comm_rank(MPI_COMM_WORLD, &rank);
  MPI_Comm_size(MPI_COMM_WORLD, &size);
  double mine[K + 3] = {0};
  gathered = calloc((size_t)size * (K + 2), sizeof *gathered);
  double ts = median_time(shared, mine, SMALL_REPS), tp = median_time(per_rank, mine, SMALL_REPS);
  if (rank == 0)
    printf("P=%d: shared all-reduce of %d B: %.1f us; per-rank all-gather of %d B: %.1f us\n", size,
           (int)sizeof mine, 1e6 * ts, size * (K + 2) * 8, 1e6 * tp);
  const int ns[] = {7850, 1863690};
  for (int i = 0; i < 2; i++) {
    ddp_n = ns[i];
    float *g = calloc((size_t)ddp_n, sizeof *g);
    double t = median_time(ddp, g, BIG_REPS);
    if (rank == 0)
      printf("P=%d: DDP all-reduce of n=%d floats (%d B): %.1f us\n", size, ddp_n, 4 * ddp_n, 1e6 * t);
    free(g);
  }
  free(gathered);
  MPI_Finalize();
  return 0;
}
