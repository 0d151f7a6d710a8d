// A gemm with only A active: one tangent gemm on A_dot, carrying beta, before
// the primal; B's term is not emitted, and no fgblas helper is written.
// REQUIRES: cblas
// RUN: %fgcc %s -o %t.c
// RUN: grep -v '^ *//' %t.c | FileCheck %s
// RUN: %cc -fsyntax-only %t.c
// RUN: %gcc -O2 -c %t.c -o %t.o
#include <cblas.h>
#include <fgcc.h>

FG_DIFF void layer(FG_WRT const double *W, const double *X, double *Y, int n, int nin, int nout) {
  cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, n, nout, nin, 1.0, X, nin, W, nout, 0.0, Y, nout);
}
// CHECK-NOT:   fgblas_
// CHECK-LABEL: {{^}}void layer_jvp(const double *W, const double *W_dot, const double *X, double *Y, double *Y_dot, int n, int nin, int nout){{$}}
// CHECK-NEXT:  {{^}}{{{$}}
// CHECK-NEXT:  {{^}}    cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, n, nout, nin, 1.0, X, nin, W_dot, nout, 0.0, Y_dot, nout);
// CHECK-NEXT:  {{^}}    cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, n, nout, nin, 1.0, X, nin, W, nout, 0.0, Y, nout);
// CHECK-NEXT:  {{^}}}
