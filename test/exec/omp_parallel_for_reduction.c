// RUN: %fgcc %s -o %t.jvp.c -- -fopenmp
// RUN: %gcc -fopenmp -c %t.jvp.c -o %t.jvp.o
// RUN: %gcc -fopenmp -DFG_TEST_MAIN %s %t.jvp.o -o %t.exe %libm
// RUN: env OMP_NUM_THREADS=1 %t.exe 1
// RUN: env OMP_NUM_THREADS=2 %t.exe 2
// OpenMP kept in the derivative: `parallel for` with reduction(+:s),
// private(t) and a schedule; the reduction also sums s_dot, t_dot is private
// like t and the temporaries are private to each thread. Run with 1 and 2
// threads; each run checks the tangent against Richardson differences of
// the (parallel) primal and against the formula.
#include <fgcc.h>
#include <math.h>

FG_DIFF double f(const double *x, int n) {
  double s = 0, t;
#pragma omp parallel for reduction(+:s) private(t) schedule(static, 3)
  for (int i = 0; i < n; i++) {
    t = exp(0.5 * x[i]) * x[i];
    s += t * t;
  }
  return s;
}

#ifdef FG_TEST_MAIN
#include <omp.h>
#include <stdlib.h>
#include "fgcheck.h"

enum { N = 101 };
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
  fg_check_close("the run has the threads asked for", threads, argc > 1 ? atoi(argv[1]) : 1, 0, 0);
  fg_rand_seed(11);
  for (int rep = 0; rep < 4; rep++) {
    double x[N], dx[N], rd, hand = 0;
    for (int i = 0; i < N; i++) {
      x[i] = fg_rand_uniform(-1, 1), dx[i] = fg_rand_uniform(-1, 1);
      double e = exp(0.5 * x[i]), t = e * x[i]; /* d(t^2) = 2 t e (0.5 x + 1) dx */
      hand += 2 * t * e * (0.5 * x[i] + 1) * dx[i];
    }
    double r = f_jvp(x, dx, N, &rd);
    fg_check_close("f_jvp: primal", r, f(x, N), 1e-14, 0);
    fg_check_close("f_jvp: tangent vs formula", rd, hand, 1e-13, 1e-14);
    fg_check_close("f_jvp: tangent vs Richardson", rd, fg_richardson(along, &(Line){x, dx}, 1e-2), 1e-9, 1e-12);
  }
  return fg_check_report();
}
#endif
