// RUN: %fgcc %s -o %t.jvp1.c
// RUN: %fgcc %s --width 4 -o %t.jvp4.c
// RUN: %cc -c %t.jvp1.c -o %t.jvp1.o
// RUN: %cc -c %t.jvp4.c -o %t.jvp4.o
// RUN: %gcc -O3 -march=native -fsyntax-only %t.jvp4.c
// RUN: %cc -DFG_TEST_MAIN %s %t.jvp1.o %t.jvp4.o -o %t.exe %libm
// RUN: %t.exe
// Vector mode on scalar-heavy code: loss_jvp4 carries 4 directions in one
// call (w_dot interleaved [i][k], ret_dot 4 values). Every direction is
// checked against Richardson differences and against loss_jvp, the width-1
// function, on math calls, a branch, fmax, a while loop and op-assignments.
#include <fgcc.h>
#include <math.h>

FG_DIFF double loss(const double *w, const double *x, int n) {
  double s = 0, p = 1;
  for (int i = 0; i < n; i++) {
    double z = w[i] * x[i] + 0.5 * w[(i + 1) % n];
    s += z > 0 ? log1p(exp(-z)) : -z + log1p(exp(z));
    p *= 1 + tanh(w[i]) / 4;
    s -= fmax(z, 0.25 * w[i]) / n;
  }
  int k = 0;
  while (k < 3) {
    p = sqrt(p * p + w[k] * w[k]);
    k++;
  }
  return s / p + pow(fabs(w[0]) + 1, 1.5) * sin(x[0] * w[n - 1]);
}

#ifdef FG_TEST_MAIN
#include "fgcheck.h"

enum { N = 7, K = 4 };
double loss_jvp(const double *w, const double *w_dot, const double *x, const double *x_dot, int n, double *ret_dot);
double loss_jvp4(const double *w, const double *w_dot, const double *x, const double *x_dot, int n, double *ret_dot);

typedef struct { const double *w, *x, *dw, *dx; } Line;

static long double along(long double h, void *ctx) {
  const Line *l = ctx;
  double w[N], x[N];
  for (int i = 0; i < N; i++)
    w[i] = (double)(l->w[i] + h * l->dw[i]), x[i] = (double)(l->x[i] + h * l->dx[i]);
  return loss(w, x, N);
}

int main(void) {
  fg_rand_seed(44);
  for (int rep = 0; rep < 5; rep++) {
    double w[N], x[N], wd[N * K], xd[N * K], rd[K];
    for (int i = 0; i < N; i++) {
      w[i] = fg_rand_uniform(-1.5, 1.5), x[i] = fg_rand_uniform(-2, 2);
      for (int k = 0; k < K; k++)
        wd[i * K + k] = fg_rand_uniform(-1, 1), xd[i * K + k] = fg_rand_uniform(-1, 1);
    }
    double r = loss_jvp4(w, wd, x, xd, N, rd);
    fg_check_close("loss_jvp4: primal", r, loss(w, x, N), 0, 0);
    for (int k = 0; k < K; k++) {
      double dw[N], dx[N], one;
      for (int i = 0; i < N; i++)
        dw[i] = wd[i * K + k], dx[i] = xd[i * K + k];
      loss_jvp(w, dw, x, dx, N, &one);
      fg_check_close("loss_jvp4: direction k vs loss_jvp", rd[k], one, 1e-14, 1e-15);
      fg_check_close("loss_jvp4: direction k vs Richardson", rd[k], fg_richardson(along, &(Line){w, x, dw, dx}, 1e-3),
                     1e-8, 1e-11);
    }
  }
  return fg_check_report();
}
#endif
