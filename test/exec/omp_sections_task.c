// RUN: %fgcc %s -o %t.jvp.c -- -fopenmp
// RUN: %gcc -fopenmp -c %t.jvp.c -o %t.jvp.o
// RUN: %gcc -fopenmp -DFG_TEST_MAIN %s %t.jvp.o -o %t.exe %libm
// RUN: env OMP_NUM_THREADS=1 %t.exe 1
// RUN: env OMP_NUM_THREADS=2 %t.exe 2
// OpenMP sections and tasks kept in the derivative: each section and each
// task computes its values' tangents beside them, fgcc's temporaries are
// private to each section and task, taskwait and taskgroup still order
// them. Run with 1 and 2 threads, checked against Richardson differences
// and the formula.
#include <fgcc.h>
#include <math.h>

FG_DIFF double f(const double *x, int n) {
  double u = 0, w = 0, p = 0, q = 0, s = 0;
#pragma omp parallel sections
  {
#pragma omp section
    u = exp(x[0]) * x[1];
#pragma omp section
    w = cos(x[1] * x[2]);
  }
#pragma omp parallel
  {
#pragma omp single
    {
#pragma omp task shared(p)
      p = sqrt(x[0] * x[0] + x[3]);
#pragma omp task shared(q)
      q = log(2 + x[2] * x[3]);
#pragma omp taskwait
#pragma omp taskgroup
      {
#pragma omp task shared(s)
        for (int i = 0; i < n; i++)
          s += x[i] * x[i] * p;
      }
      s = s * q;
    }
  }
  return u * w + s;
}

#ifdef FG_TEST_MAIN
#include <omp.h>
#include <stdlib.h>
#include "fgcheck.h"

enum { N = 9 };
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
  fg_rand_seed(7);
  for (int rep = 0; rep < 6; rep++) {
    double x[N], dx[N], rd;
    for (int i = 0; i < N; i++)
      x[i] = fg_rand_uniform(0.2, 1), dx[i] = fg_rand_uniform(-1, 1);
    double e = exp(x[0]), u = e * x[1], du = e * dx[0] * x[1] + e * dx[1];
    double w = cos(x[1] * x[2]), dw = -sin(x[1] * x[2]) * (dx[1] * x[2] + x[1] * dx[2]);
    double r2 = x[0] * x[0] + x[3], p = sqrt(r2), dp = (2 * x[0] * dx[0] + dx[3]) / (2 * p);
    double q = log(2 + x[2] * x[3]), dq = (dx[2] * x[3] + x[2] * dx[3]) / (2 + x[2] * x[3]);
    double ss = 0, dss = 0;
    for (int i = 0; i < N; i++)
      ss += x[i] * x[i], dss += 2 * x[i] * dx[i];
    /* f = u w + ss p q */
    double hand = du * w + u * dw + dss * p * q + ss * dp * q + ss * p * dq;
    double r = f_jvp(x, dx, N, &rd);
    fg_check_close("f_jvp: primal", r, f(x, N), 1e-14, 0);
    fg_check_close("f_jvp: tangent vs formula", rd, hand, 1e-13, 1e-14);
    fg_check_close("f_jvp: tangent vs Richardson", rd, fg_richardson(along, &(Line){x, dx}, 1e-2), 1e-9, 1e-12);
  }
  return fg_check_report();
}
#endif
