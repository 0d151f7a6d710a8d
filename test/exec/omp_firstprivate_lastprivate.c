// RUN: %fgcc %s -o %t.jvp.c -- -fopenmp
// RUN: %gcc -fopenmp -c %t.jvp.c -o %t.jvp.o
// RUN: %gcc -fopenmp -DFG_TEST_MAIN %s %t.jvp.o -o %t.exe %libm
// RUN: env OMP_NUM_THREADS=1 %t.exe 1
// RUN: env OMP_NUM_THREADS=2 %t.exe 2
// OpenMP data sharing followed by the tangents: an active firstprivate
// variable's tangent starts in each thread from the value before the loop,
// an active lastprivate one's leaves the loop with the sequentially last
// iteration's value. Run with 1 and 2 threads; each run checks the tangent
// against Richardson differences of the (parallel) primal and against the
// formula.
#include <fgcc.h>
#include <math.h>

FG_DIFF double f(const double *x, int n, double a) {
  double s = 0, c = a * a, last = 0;
#pragma omp parallel for firstprivate(c) lastprivate(last) reduction(+:s) schedule(static, 2)
  for (int i = 0; i < n; i++) {
    last = sin(c * x[i]);
    s += last * x[i];
    c = c + 0; /* written in the loop: each thread's own copy */
  }
  return s + 3 * last;
}

#ifdef FG_TEST_MAIN
#include <omp.h>
#include <stdlib.h>
#include "fgcheck.h"

enum { N = 37 };
double f_jvp(const double *x, const double *x_dot, int n, double a, double a_dot, double *ret_dot);

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
  fg_rand_seed(5);
  for (int rep = 0; rep < 4; rep++) {
    double x[N], dx[N], rd, hand = 0, a = fg_rand_uniform(0.5, 1.5), da = fg_rand_uniform(-1, 1);
    double c = a * a, dc = 2 * a * da;
    for (int i = 0; i < N; i++)
      x[i] = fg_rand_uniform(-1, 1), dx[i] = fg_rand_uniform(-1, 1);
    for (int i = 0; i < N; i++) { /* d(sin(c x) x) = cos(c x) (dc x + c dx) x + sin(c x) dx */
      double dl = cos(c * x[i]) * (dc * x[i] + c * dx[i]);
      hand += dl * x[i] + sin(c * x[i]) * dx[i] + (i == N - 1 ? 3 * dl : 0);
    }
    double r = f_jvp(x, dx, N, a, da, &rd);
    fg_check_close("f_jvp: primal", r, f(x, N, a), 1e-14, 0);
    fg_check_close("f_jvp: tangent vs formula", rd, hand, 1e-13, 1e-14);
    fg_check_close("f_jvp: tangent vs Richardson", rd, fg_richardson(along, &(Line){x, dx, a, da}, 1e-2), 1e-9,
                   1e-12);
  }
  return fg_check_report();
}
#endif
