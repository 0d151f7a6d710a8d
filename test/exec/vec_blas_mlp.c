// REQUIRES: cblas
// RUN: %fgcc %s -o %t.jvp1.c
// RUN: %fgcc %s --width 8 -o %t.jvp8.c
// RUN: %cc -c %t.jvp1.c -o %t.jvp1.o
// RUN: %cc -c %t.jvp8.c -o %t.jvp8.o
// RUN: %gcc -O3 -march=native -fsyntax-only %t.jvp8.c
// RUN: %cc -DFG_TEST_MAIN %s %t.jvp1.o %t.jvp8.o -o %t.exe %blas %libm
// RUN: %t.exe
// Vector mode through CBLAS calls in ordinary code: a two-layer network
// (gemm, a bias added row by row with axpy on pointer offsets, tanh, a
// gemv, a dot with the targets, an nrm2 penalty) whose loss_jvp8 gives 8
// directions of all weights in one call. Every direction is checked
// against Richardson differences and against loss_jvp, the width-1 function.
#include <cblas.h>
#include <fgcc.h>
#include <math.h>

enum { B = 5, NIN = 4, NH = 6 };

FG_DIFF double loss(const double *W1, const double *b1, const double *w2, const double *X, const double *t) {
  double H[B * NH], y[B];
  cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, B, NH, NIN, 1.0, X, NIN, W1, NH, 0.0, H, NH);
  for (int i = 0; i < B; i++)
    cblas_daxpy(NH, 1.0, b1, 1, H + i * NH, 1);
  for (int j = 0; j < B * NH; j++)
    H[j] = tanh(H[j]);
  cblas_dgemv(CblasRowMajor, CblasNoTrans, B, NH, 1.0, H, NH, w2, 1, 0.0, y, 1);
  double fit = cblas_ddot(B, y, 1, y, 1) - 2 * cblas_ddot(B, y, 1, t, 1);
  return fit + 0.1 * cblas_dnrm2(NIN * NH, W1, 1);
}

#ifdef FG_TEST_MAIN
#include "fgcheck.h"

enum { K = 8, NW1 = NIN * NH };
double loss_jvp(const double *W1, const double *W1_dot, const double *b1, const double *b1_dot, const double *w2,
                const double *w2_dot, const double *X, const double *X_dot, const double *t, const double *t_dot,
                double *ret_dot);
double loss_jvp8(const double *W1, const double *W1_dot, const double *b1, const double *b1_dot, const double *w2,
                 const double *w2_dot, const double *X, const double *X_dot, const double *t, const double *t_dot,
                 double *ret_dot);

typedef struct { double p[NW1 + NH + NH + B * NIN + B], d[NW1 + NH + NH + B * NIN + B]; } Line;
enum { NP = NW1 + NH + NH + B * NIN + B };

static double at(const double *p) { return loss(p, p + NW1, p + NW1 + NH, p + NW1 + 2 * NH, p + NW1 + 2 * NH + B * NIN); }

static long double along(long double h, void *ctx) {
  const Line *l = ctx;
  double q[NP];
  for (int i = 0; i < NP; i++)
    q[i] = (double)(l->p[i] + h * l->d[i]);
  return at(q);
}

int main(void) {
  fg_rand_seed(13);
  for (int rep = 0; rep < 3; rep++) {
    static Line l;
    double pd[NP * K], rd[K];
    for (int i = 0; i < NP; i++) {
      l.p[i] = fg_rand_uniform(-1, 1);
      for (int k = 0; k < K; k++)
        pd[i * K + k] = fg_rand_uniform(-1, 1);
    }
    const double *p = l.p;
    double r = loss_jvp8(p, pd, p + NW1, pd + NW1 * K, p + NW1 + NH, pd + (NW1 + NH) * K, p + NW1 + 2 * NH,
                         pd + (NW1 + 2 * NH) * K, p + NW1 + 2 * NH + B * NIN, pd + (NW1 + 2 * NH + B * NIN) * K, rd);
    fg_check_close("loss_jvp8: primal", r, at(p), 0, 0);
    for (int k = 0; k < K; k++) {
      double one;
      for (int i = 0; i < NP; i++)
        l.d[i] = pd[i * K + k];
      const double *d = l.d;
      loss_jvp(p, d, p + NW1, d + NW1, p + NW1 + NH, d + NW1 + NH, p + NW1 + 2 * NH, d + NW1 + 2 * NH,
               p + NW1 + 2 * NH + B * NIN, d + NW1 + 2 * NH + B * NIN, &one);
      fg_check_close("loss_jvp8: direction k vs loss_jvp", rd[k], one, 1e-13, 1e-13);
      fg_check_close("loss_jvp8: direction k vs Richardson", rd[k], fg_richardson(along, &l, 1e-3), 1e-8, 1e-10);
    }
  }
  return fg_check_report();
}
#endif
