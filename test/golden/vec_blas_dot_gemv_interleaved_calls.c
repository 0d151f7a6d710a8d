// Vector mode: a dot's tangent with the other operand inactive is one gemv
// over the K directions (x_dot as the n x K row-major matrix, ld incx*K),
// summed into a tangent started at 0 after the primal call; a gemv with x
// active is one gemm (x_dot and y_dot as row-major matrices of K columns).
// REQUIRES: cblas
// RUN: %fgcc --width 2 %s -o %t.c
// RUN: grep -v '^ *//' %t.c | FileCheck %s
// RUN: %cc -fsyntax-only %t.c
// RUN: %gcc -O2 -c %t.c -o %t.o
#include <cblas.h>
#include <fgcc.h>

FG_DIFF double f(FG_WRT const double *x, const double *y, int n) { return cblas_ddot(n, x, 2, y, 1); }

FG_DIFF void g(const double *A, FG_WRT const double *x, double *y, int m, int n) {
  cblas_dgemv(CblasColMajor, CblasNoTrans, m, n, 2.0, A, m, x, 1, 0.0, y, 1);
}
// CHECK-LABEL: {{^}}static inline void fgblas_ddot_k(
// CHECK:       {{^}}  cblas_dgemv(CblasRowMajor, CblasTrans, n, K, alpha, x_dot, incx * K, y, incy, 1, r_dot, 1);
// CHECK-LABEL: {{^}}static inline void fgblas_dgemv_xk(
// CHECK:       {{^}}  if (incx > 0 && incy > 0) {
// CHECK:       {{^}}    cblas_dgemm(CblasRowMajor, ta, CblasNoTrans, len, K, other, alpha, A, lda, x_dot, incx * K, beta, y_dot,
// CHECK-LABEL: {{^}}double f_jvp2(const double *x, const double *x_dot, const double *y, int n, double *ret_dot){{$}}
// CHECK:       {{^}}    fg_t1 = cblas_ddot(n, x, 2, y, 1);
// CHECK-NEXT:  {{^}}    fg_t2 = (fg_v2d){0};
// CHECK-NEXT:  {{^}}    fgblas_ddot_k(2, n, 1, (const double *)x_dot_v, 2, y, 1, (double *)&fg_t2);
// CHECK-NEXT:  {{^}}    *ret_dot_v = fg_t2;
// CHECK-LABEL: {{^}}void g_jvp2(const double *A, const double *x, const double *x_dot, double *y, double *y_dot, int m, int n){{$}}
// CHECK:       {{^}}    fgblas_dgemv_xk(2, CblasColMajor, CblasNoTrans, m, n, 2.0, A, m, (const double *)x_dot_v, 1, 0.0, (double *)y_dot_v, 1);
// CHECK-NEXT:  {{^}}    cblas_dgemv(CblasColMajor, CblasNoTrans, m, n, 2.0, A, m, x, 1, 0.0, y, 1);
