// REQUIRES: cblas
// RUN: rm -f %t.out.c
// RUN: not %fgcc %s --width 2 -o %t.out.c 2>&1 | FileCheck %s
// RUN: test ! -e %t.out.c
// Vector mode refuses a BLAS call on data with derivatives (the rule for K
// directions is not written yet), at the call.
#include <fgcc.h>
#include <cblas.h>

FG_DIFF double f(const double *x, int n) {
  // CHECK: refuse_vec_blas.c:[[@LINE+1]]:10: error: vector mode (--width 2) does not support BLAS calls on data with derivatives ('cblas_ddot') yet
  return cblas_ddot(n, x, 1, x, 1);
}
