/* bench_rng.c: samples per second of fgrt's fills (one core, n = 1e6 per call).
 * Not a test: build it with CMAKE_BUILD_TYPE=Release and run build/bench_rng. */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "fgrt.h"

#define N 1000000

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

static volatile double sink;

#define BENCH(name, T, fill)                                                         \
  do {                                                                               \
    T *v = malloc(N * sizeof *v);                                                    \
    if (!v) return 1;                                                                \
    fill(&r, 0, 0, 0, v, N); /* warm up */                                           \
    long calls = 0;                                                                  \
    double t0 = now(), t;                                                            \
    do {                                                                             \
      fill(&r, (uint64_t)calls, 1, 0, v, N);                                         \
      sink += (double)v[N / 2];                                                      \
      calls++;                                                                       \
    } while ((t = now() - t0) < 1.0);                                                \
    printf("%-16s %8.1f Msamples/s  (%ld fills of n = 1e6 in %.2f s)\n", name,       \
           (double)calls * N / t / 1e6, calls, t);                                   \
    free(v);                                                                         \
  } while (0)

int main(void) {
  fgrt_rng r;
  fgrt_rng_init(&r, 1);
  BENCH("normal", double, fgrt_fill_normal);
  BENCH("normal_f", float, fgrt_fill_normal_f);
  BENCH("rademacher", double, fgrt_fill_rademacher);
  BENCH("rademacher_f", float, fgrt_fill_rademacher_f);
  return 0;
}
