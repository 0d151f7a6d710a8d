// RUN: %fgcc %s -o %t.jvp.c -- -fopenmp
// RUN: %gcc -fopenmp -c %t.jvp.c -o %t.jvp.o
// RUN: %gcc -fopenmp -DFG_TEST_MAIN %s %t.jvp.o -o %t.exe %libm
// RUN: env OMP_NUM_THREADS=1 %t.exe 1
// RUN: env OMP_NUM_THREADS=2 %t.exe 2
// A parallel region: a worksharing `for` whose iterations add into a shared
// sum with `atomic` (the tangent update is atomic too), a `barrier`, then
// `single` and `critical` updates of shared values. Run with 1 and 2
// threads; tangents against Richardson differences and the formula.
#include <fgcc.h>
#include <math.h>

FG_DIFF double g(const double *x, double a, int n) {
  double m = 0, c = 1;
#pragma omp parallel
  {
#pragma omp for
    for (int i = 0; i < n; i++) {
      double u = sin(a * x[i]);
#pragma omp atomic
      m += u * u;
    }
#pragma omp barrier
#pragma omp single
    m *= a;
#pragma omp critical
    c += 0.125 * a;
  }
  return m + c;
}

#ifdef FG_TEST_MAIN
#include <omp.h>
#include <stdlib.h>
#include "fgcheck.h"

enum { N = 37 };
double g_jvp(const double *x, const double *x_dot, double a, double a_dot, int n, double *ret_dot);

typedef struct { const double *x, *dx; double a, da; } Line;

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
  fg_rand_seed(12);
  for (int rep = 0; rep < 4; rep++) {
    double x[N], dx[N], a = fg_rand_uniform(0.5, 1.5), da = fg_rand_uniform(-1, 1), rd, m = 0, dm = 0;
    for (int i = 0; i < N; i++) {
      x[i] = fg_rand_uniform(-1, 1), dx[i] = fg_rand_uniform(-1, 1);
      double u = sin(a * x[i]), du = cos(a * x[i]) * (da * x[i] + a * dx[i]);
      m += u * u, dm += 2 * u * du;
    }
    /* g = a m + 1 + 0.125 a T (each of the T threads adds once); dg = da m + a dm + 0.125 T da */
    double hand = da * m + a * dm + 0.125 * want * da;
    double r = g_jvp(x, dx, a, da, N, &rd);
    fg_check_close("g_jvp: primal", r, g(x, a, N), 1e-13, 0);
    fg_check_close("g_jvp: tangent vs formula", rd, hand, 1e-12, 1e-13);
    fg_check_close("g_jvp: tangent vs Richardson", rd, fg_richardson(along, &(Line){x, dx, a, da}, 1e-2), 1e-9,
                   1e-12);
  }
  return fg_check_report();
}
#endif
