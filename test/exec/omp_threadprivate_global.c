// RUN: %fgcc %s -o %t.jvp.c -- -fopenmp
// RUN: %gcc -fopenmp -c %t.jvp.c -o %t.jvp.o
// RUN: %gcc -fopenmp -DFG_TEST_MAIN %s %t.jvp.o -o %t.exe %libm
// RUN: env OMP_NUM_THREADS=1 %t.exe 1
// RUN: env OMP_NUM_THREADS=2 %t.exe 2
// A threadprivate global carrying a derivative: its tangent is
// threadprivate too (each thread's copy of g has its own g_dot), and
// copyin(g) copies the master thread's tangent with its value. With one
// shared tangent the threads would overwrite each other's (the test fails
// with 2 threads). Checked against Richardson differences of the parallel
// primal and the formula, with the static schedule's thread of each
// iteration.
#include <fgcc.h>
#include <math.h>
#include <omp.h>

double g;
#pragma omp threadprivate(g)

FG_DIFF double f(const double *x, int n) {
  double s = 0;
  g = x[1] * x[1];
#pragma omp parallel reduction(+:s) copyin(g)
  {
    g = g + sin(x[0]) * (1 + omp_get_thread_num());
#pragma omp for schedule(static)
    for (int i = 0; i < n; i++)
      s += g * x[i];
  }
  return s;
}

#ifdef FG_TEST_MAIN
#include <stdlib.h>
#include "fgcheck.h"

enum { N = 40 };
double f_jvp(const double *x, const double *x_dot, int n, double *ret_dot);

typedef struct { const double *x, *dx; } Line;

static long double along(long double h, void *ctx) {
  const Line *l = ctx;
  double x[N];
  for (int i = 0; i < N; i++)
    x[i] = (double)(l->x[i] + h * l->dx[i]);
  return f(x, N);
}

int main(int argc, char **argv) {
  int threads = 0;
#pragma omp parallel
#pragma omp single
  threads = omp_get_num_threads();
  int want = argc > 1 ? atoi(argv[1]) : 1;
  fg_check_close("the run has the threads asked for", threads, want, 0, 0);
  fg_rand_seed(3);
  for (int rep = 0; rep < 4; rep++) {
    double x[N], dx[N], rd, hand = 0;
    for (int i = 0; i < N; i++)
      x[i] = fg_rand_uniform(-1, 1), dx[i] = fg_rand_uniform(-1, 1);
    for (int i = 0; i < N; i++) { /* N divisible by the threads: static gives thread t iterations t N/T .. */
      int t = i / (N / threads);
      double gi = x[1] * x[1] + sin(x[0]) * (1 + t), dgi = 2 * x[1] * dx[1] + cos(x[0]) * dx[0] * (1 + t);
      hand += dgi * x[i] + gi * dx[i];
    }
    double r = f_jvp(x, dx, N, &rd);
    fg_check_close("f_jvp: primal", r, f(x, N), 1e-14, 0);
    fg_check_close("f_jvp: tangent vs formula", rd, hand, 1e-13, 1e-14);
    fg_check_close("f_jvp: tangent vs Richardson", rd, fg_richardson(along, &(Line){x, dx}, 1e-2), 1e-9, 1e-12);
  }
  return fg_check_report();
}
#endif
