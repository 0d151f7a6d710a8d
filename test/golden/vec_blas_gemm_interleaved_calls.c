// Vector mode: a gemm's tangent over K directions is fgblas_dgemm_k on the
// interleaved tangents. Row-major with the right operand active (W) it is
// ONE gemm (the column-major form's left operand, m*K rows, ld*K); with the
// left operand active (X) the tangent columns regrouped direction by
// direction into a temporary, one gemm, added back (fgblas_dgemm_r_k).
// REQUIRES: cblas
// RUN: %fgcc --width 4 --no-chunks %s -o %t.c
// RUN: grep -v '^ *//' %t.c | FileCheck %s
// RUN: %cc -fsyntax-only %t.c
// RUN: %gcc -O2 -c %t.c -o %t.o
#include <cblas.h>
#include <fgcc.h>

FG_DIFF void layer(FG_WRT const double *W, const double *X, double *Y, int n, int nin, int nout) {
  cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, n, nout, nin, 1.0, X, nin, W, nout, 0.0, Y, nout);
}

FG_DIFF void input(const double *W, FG_WRT const double *X, double *Y, int n, int nin, int nout) {
  cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, n, nout, nin, 1.0, X, nin, W, nout, 0.0, Y, nout);
}
// CHECK-LABEL: {{^}}static inline void fgblas_dgemm_k(int K, int which, int layout, int transa, int transb, int m, int n, int kk,
// CHECK:       {{^}}  if (layout == CblasRowMajor) {
// CHECK:       {{^}}    which = !which;
// CHECK:       {{^}}  if (which == 0 && ta == CblasNoTrans)
// CHECK-NEXT:  {{^}}    cblas_dgemm(CblasColMajor, CblasNoTrans, tb, m * K, n, kk, alpha, A, lda * K, B, ldb, beta, C, ldc * K);
// CHECK-NEXT:  {{^}}  else if (which == 0)
// CHECK-NEXT:  {{^}}    fgblas_dgemm_lt_k(K, tb, m, n, kk, alpha, A, lda, B, ldb, beta, C, ldc);
// CHECK-NEXT:  {{^}}  else
// CHECK-NEXT:  {{^}}    fgblas_dgemm_r_k(K, ta, tb, m, n, kk, alpha, A, lda, B, ldb, beta, C, ldc);
// CHECK-LABEL: {{^}}void layer_jvp4(const double *W, const double *W_dot, const double *X, double *Y, double *Y_dot, int n, int nin, int nout){{$}}
// CHECK-NEXT:  {{^}}{{{$}}
// CHECK-NEXT:  {{^}}    const fg_v4d *W_dot_v = (const fg_v4d *)W_dot;
// CHECK-NEXT:  {{^}}    fg_v4d *Y_dot_v = (fg_v4d *)Y_dot;
// CHECK-NEXT:  {{^}}    fgblas_dgemm_k(4, 1, CblasRowMajor, CblasNoTrans, CblasNoTrans, n, nout, nin, 1.0, X, nin, (const double *)W_dot_v, nout, 0.0, (double *)Y_dot_v, nout);
// CHECK-NEXT:  {{^}}    cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, n, nout, nin, 1.0, X, nin, W, nout, 0.0, Y, nout);
// CHECK-NEXT:  {{^}}}
// CHECK-LABEL: {{^}}void input_jvp4(const double *W, const double *X, const double *X_dot, double *Y, double *Y_dot, int n, int nin, int nout){{$}}
// CHECK:       {{^}}    fgblas_dgemm_k(4, 0, CblasRowMajor, CblasNoTrans, CblasNoTrans, n, nout, nin, 1.0, (const double *)X_dot_v, nin, W, nout, 0.0, (double *)Y_dot_v, nout);
// CHECK-NEXT:  {{^}}    cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, n, nout, nin, 1.0, X, nin, W, nout, 0.0, Y, nout);
