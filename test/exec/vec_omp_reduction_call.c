// RUN: %fgcc %s --width 4 -o %t.jvp4.c -- -fopenmp
// RUN: %gcc -fopenmp -c %t.jvp4.c -o %t.jvp4.o
// RUN: %gcc -fopenmp -DFG_TEST_MAIN %s %t.jvp4.o -o %t.exe %libm
// RUN: env OMP_NUM_THREADS=1 %t.exe 1
// RUN: env OMP_NUM_THREADS=2 %t.exe 2
// Vector mode with OpenMP: a parallel loop's reduction(+:s) reduces the
// vector tangent s_dot through the reduction out.c declares for it, the
// private and lastprivate tangents are vectors, and the argument temporary
// of the call to the helper (a vector tangent through a flat pointer) is
// private to each thread. Every one of the 4 directions is checked against
// Richardson differences of the parallel primal and against the formula,
// with 1 and 2 threads.
#include <fgcc.h>
#include <math.h>

static double sq_sin(double t) { return sin(t) * t; }

FG_DIFF double f(const double *x, int n, double a) {
  double s = 0, t, last = 0, d = 0;
#pragma omp parallel for reduction(+:s) reduction(-:d) private(t) lastprivate(last)
  for (int i = 0; i < n; i++) {
    t = a * x[i];
    last = sq_sin(t);
    s += last * x[i];
    d -= exp(0.1 * t);
  }
  return s + 2 * last + d;
}

#ifdef FG_TEST_MAIN
#include <omp.h>
#include <stdlib.h>
#include "fgcheck.h"

enum { N = 23, K = 4 };
double f_jvp4(const double *x, const double *x_dot, int n, double a, const double *a_dot, double *ret_dot);

typedef struct { const double *x, *dx; double a, da; } Line;

static long double along(long double h, void *ctx) {
  const Line *l = ctx;
  double x[N];
  for (int i = 0; i < N; i++)
    x[i] = (double)(l->x[i] + h * l->dx[i]);
  return f(x, N, (double)(l->a + h * l->da));
}

int main(int argc, char **argv) {
  int threads = 0;
#pragma omp parallel
#pragma omp single
  threads = omp_get_num_threads();
  fg_check_close("the run has the threads asked for", threads, argc > 1 ? atoi(argv[1]) : 1, 0, 0);
  fg_rand_seed(9);
  for (int rep = 0; rep < 3; rep++) {
    double x[N], xd[N * K], a = fg_rand_uniform(0.5, 1.5), ad[K], rd[K];
    for (int i = 0; i < N; i++)
      x[i] = fg_rand_uniform(-1, 1);
    for (int j = 0; j < N * K; j++)
      xd[j] = fg_rand_uniform(-1, 1);
    for (int k = 0; k < K; k++)
      ad[k] = fg_rand_uniform(-1, 1);
    double r = f_jvp4(x, xd, N, a, ad, rd);
    fg_check_close("f_jvp4: primal", r, f(x, N, a), 1e-14, 0);
    for (int k = 0; k < K; k++) {
      double dx[N], hand = 0;
      for (int i = 0; i < N; i++) { /* t = a x, d(sin(t) t x) = (cos(t) t + sin(t)) dt x + sin(t) t dx */
        dx[i] = xd[i * K + k];
        double t = a * x[i], dt = ad[k] * x[i] + a * dx[i], dl = (cos(t) * t + sin(t)) * dt;
        hand += dl * x[i] + sin(t) * t * dx[i] - 0.1 * exp(0.1 * t) * dt + (i == N - 1 ? 2 * dl : 0);
      }
      fg_check_close("f_jvp4: direction vs formula", rd[k], hand, 1e-13, 1e-14);
      fg_check_close("f_jvp4: direction vs Richardson", rd[k], fg_richardson(along, &(Line){x, dx, a, ad[k]}, 1e-2),
                     1e-9, 1e-12);
    }
  }
  return fg_check_report();
}
#endif
