// RUN: %fgcc %s --width 4 -o %t.jvp4.c -- -fopenmp
// RUN: %gcc -fopenmp -c %t.jvp4.c -o %t.jvp4.o
// RUN: %gcc -fopenmp -DFG_TEST_MAIN %s %t.jvp4.o -o %t.exe %libm
// RUN: env OMP_NUM_THREADS=1 %t.exe 1
// RUN: env OMP_NUM_THREADS=2 %t.exe 2
// Vector mode with an OpenMP atomic update: `#pragma omp atomic` on `m +=
// u * u` and `w[i % 3] -= ...` (m, w with derivatives) makes each of the 4
// directions' tangent updates atomic, one scalar atomic per direction (OpenMP
// has no atomic vector update). Run with 1 and 2 threads; every direction
// against the formula and against Richardson differences.
#include <fgcc.h>
#include <math.h>

FG_DIFF double g(const double *x, double a, int n) {
  double m = 0, w[3] = {1, 2, 3};
#pragma omp parallel for
  for (int i = 0; i < n; i++) {
    double u = sin(a * x[i]);
#pragma omp atomic
    m += u * u;
#pragma omp atomic
    w[i % 3] -= a * x[i];
  }
  return m * a + w[0] * w[1] + w[2];
}

#ifdef FG_TEST_MAIN
#include <omp.h>
#include <stdlib.h>
#include "fgcheck.h"

enum { N = 37, K = 4 };
double g_jvp4(const double *x, const double *x_dot, double a, const double *a_dot, int n, double *ret_dot);

typedef struct { const double *x; double dx[N], a, da; } Line;

static long double along(long double h, void *ctx) {
  const Line *l = ctx;
  double x[N];
  for (int i = 0; i < N; i++)
    x[i] = (double)(l->x[i] + h * l->dx[i]);
  return g(x, (double)(l->a + h * l->da), N);
}

int main(int argc, char **argv) {
  int threads = 0, want = argc > 1 ? atoi(argv[1]) : 1;
#pragma omp parallel
#pragma omp single
  threads = omp_get_num_threads();
  fg_check_close("the run has the threads asked for", threads, want, 0, 0);
  fg_rand_seed(13);
  for (int rep = 0; rep < 4; rep++) {
    double x[N], xd[N * K], a = fg_rand_uniform(0.5, 1.5), ad[K], rd[K];
    for (int i = 0; i < N; i++) {
      x[i] = fg_rand_uniform(-1, 1);
      for (int k = 0; k < K; k++)
        xd[i * K + k] = fg_rand_uniform(-1, 1);
    }
    for (int k = 0; k < K; k++)
      ad[k] = fg_rand_uniform(-1, 1);
    double r = g_jvp4(x, xd, a, ad, N, rd);
    fg_check_close("g_jvp4: primal", r, g(x, a, N), 1e-13, 0);
    for (int k = 0; k < K; k++) {
      Line l = {x, {0}, a, ad[k]};
      double m = 0, dm = 0, w[3] = {1, 2, 3}, dw[3] = {0, 0, 0};
      for (int i = 0; i < N; i++) {
        l.dx[i] = xd[i * K + k];
        double u = sin(a * x[i]), du = cos(a * x[i]) * (ad[k] * x[i] + a * l.dx[i]);
        m += u * u, dm += 2 * u * du;
        w[i % 3] -= a * x[i], dw[i % 3] -= ad[k] * x[i] + a * l.dx[i];
      }
      double hand = dm * a + m * ad[k] + dw[0] * w[1] + w[0] * dw[1] + dw[2];
      fg_check_close("g_jvp4: direction vs formula", rd[k], hand, 1e-12, 1e-13);
      fg_check_close("g_jvp4: direction vs Richardson", rd[k], fg_richardson(along, &l, 1e-2), 1e-9, 1e-12);
    }
  }
  return fg_check_report();
}
#endif
