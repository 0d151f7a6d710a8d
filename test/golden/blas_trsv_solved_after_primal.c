// x = A^-1 x with A active: the primal solve first, then x_dot -= op(A_dot) x
// with the new x (helper fgblas_dtrmv_add, written into out.c), then the
// same solve on x_dot.
// REQUIRES: cblas
// RUN: %fgcc %s -o %t.c
// RUN: grep -v '^ *//' %t.c | FileCheck %s
// RUN: %cc -fsyntax-only %t.c
// RUN: %gcc -O2 -c %t.c -o %t.o
#include <cblas.h>
#include <fgcc.h>

FG_DIFF void solve(FG_WRT const double *A, double *x, int n) {
  cblas_dtrsv(CblasRowMajor, CblasLower, CblasNoTrans, CblasNonUnit, n, A, n, x, 1);
}
// CHECK:       {{^}}static inline void fgblas_dtrmv_add(
// CHECK-LABEL: {{^}}void solve_jvp(const double *A, const double *A_dot, double *x, double *x_dot, int n){{$}}
// CHECK-NEXT:  {{^}}{{{$}}
// CHECK-NEXT:  {{^}}    cblas_dtrsv(CblasRowMajor, CblasLower, CblasNoTrans, CblasNonUnit, n, A, n, x, 1);
// CHECK-NEXT:  {{^}}    fgblas_dtrmv_add(CblasRowMajor, CblasLower, CblasNoTrans, CblasNonUnit, n, -1, A_dot, n, x, 1, x_dot);
// CHECK-NEXT:  {{^}}    cblas_dtrsv(CblasRowMajor, CblasLower, CblasNoTrans, CblasNonUnit, n, A, n, x_dot, 1);
// CHECK-NEXT:  {{^}}}
