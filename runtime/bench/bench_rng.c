/* bench_rng.c: throughput of fgrt's fills on each code path (one core,
 * n = 1e6 values per call). Not a test: build it with
 * CMAKE_BUILD_TYPE=Release and run build/bench_rng [seconds per figure].
 * Prints M values/s and ns/value for each path the CPU has and each fill,
 * from the fastest call of 5 rounds (best of N: on a shared machine the
 * slower calls measure the other tenants).
 *
 * bench_rng --raw writes the Rademacher stream of seed 1, direction 0,
 * steps 0, 1, 2, ... to stdout as raw bits (value j of a step is bit j % 8
 * of byte j / 8, +1 = 1) without end, for statistical batteries:
 *   bench_rng --raw | dieharder -a -g 200 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "fgrt.h"

#define N 1000000
#define ROUNDS 5

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

static volatile double sink;
static fgrt_rng rng;
static double *vd, *theta;
static float *vf;

/* One fill of n = 1e6 values, direction 1 at step `step`. */
static void normal_d(uint64_t step) { fgrt_fill_normal(&rng, step, 1, 0, vd, N), sink += vd[N / 2]; }
static void normal_f(uint64_t step) { fgrt_fill_normal_f(&rng, step, 1, 0, vf, N), sink += vf[N / 2]; }
static void rademacher_d(uint64_t step) { fgrt_fill_rademacher(&rng, step, 1, 0, vd, N), sink += vd[N / 2]; }
static void rademacher_f(uint64_t step) { fgrt_fill_rademacher_f(&rng, step, 1, 0, vf, N), sink += vf[N / 2]; }
static void axpy_normal(uint64_t step) { fgrt_axpy_normal(&rng, step, 1, 0, 1e-9, theta, N), sink += theta[N / 2]; }

static const struct {
  const char *name;
  void (*run)(uint64_t step);
} fills[] = {
    {"fgrt_fill_normal", normal_d},         {"fgrt_fill_normal_f", normal_f},
    {"fgrt_fill_rademacher", rademacher_d}, {"fgrt_fill_rademacher_f", rademacher_f},
    {"fgrt_axpy_normal", axpy_normal},
};

/* Calls per second of run: the fastest call of ROUNDS rounds of `seconds`. */
static double best_rate(void (*run)(uint64_t), double seconds) {
  double best = 1e30;
  run(0); /* warm up */
  for (int round = 0; round < ROUNDS; round++) {
    uint64_t calls = 0;
    double t0 = now(), t1 = t0, t2;
    do {
      run(calls++);
      t2 = now();
      if (t2 - t1 < best)
        best = t2 - t1;
      t1 = t2;
    } while (t2 - t0 < seconds);
  }
  return 1 / best;
}

/* The raw bit stream for --raw: the fills' values packed back into bits. */
static int write_raw(void) {
  enum { M = 1 << 20 };
  static float v[M];
  static unsigned char bytes[M / 8];
  for (uint64_t step = 0;; step++) {
    fgrt_fill_rademacher_f(&rng, step, 0, 0, v, M);
    memset(bytes, 0, sizeof bytes);
    for (size_t j = 0; j < M; j++) bytes[j / 8] |= (unsigned char)((v[j] > 0) << (j % 8));
    if (fwrite(bytes, 1, sizeof bytes, stdout) != sizeof bytes)
      return 0; /* the reader has had enough */
  }
}

int main(int argc, char **argv) {
  fgrt_rng_init(&rng, 1);
  if (argc > 1 && strcmp(argv[1], "--raw") == 0)
    return write_raw();
  double seconds = argc > 1 ? atof(argv[1]) : 0.5;
  vd = malloc(N * sizeof *vd), theta = calloc(N, sizeof *theta), vf = malloc(N * sizeof *vf);
  if (!vd || !theta || !vf)
    return 1;
  printf("%-8s %-24s %12s %10s\n", "path", "fill", "M values/s", "ns/value");
  for (int p = FGRT_CPU_AVX512; p >= FGRT_CPU_GENERIC; p--) {
    if (fgrt_rng_set_path((fgrt_cpu_path)p) != 0)
      continue;
    for (size_t f = 0; f < sizeof fills / sizeof fills[0]; f++) {
      double rate = best_rate(fills[f].run, seconds) * N;
      printf("%-8s %-24s %12.1f %10.3f\n", fgrt_rng_path_name((fgrt_cpu_path)p), fills[f].name, rate / 1e6,
             1e9 / rate);
    }
  }
  free(vd), free(theta), free(vf);
  return 0;
}
