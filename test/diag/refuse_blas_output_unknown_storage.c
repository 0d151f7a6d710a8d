// A CBLAS call writing a derivative into storage fgcc cannot name (a pointer
// returned by an opaque function) is refused at the argument.
// REQUIRES: cblas
// RUN: rm -f %t.c
// RUN: not %fgcc %s -o %t.c 2>&1 | FileCheck %s
// RUN: test ! -e %t.c
#include <cblas.h>
#include <fgcc.h>

double *scratch(int n);

FG_DIFF double f(FG_WRT const double *x, int n) {
  double *y = scratch(n);
  cblas_dcopy(n, x, 1, scratch(n), 1);
  return y[0];
}
// CHECK: refuse_blas_output_unknown_storage.c:14:24: error: cannot tell which variable 'cblas_dcopy' writes to
