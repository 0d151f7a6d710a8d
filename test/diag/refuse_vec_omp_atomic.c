// RUN: rm -f %t.out.c
// RUN: not %fgcc %s --width 4 -o %t.out.c -- -fopenmp 2>&1 | FileCheck %s
// RUN: test ! -e %t.out.c
// In vector mode a tangent is a GCC vector, which OpenMP cannot update
// atomically: an atomic update of a value with a derivative is refused at
// its directive (a reduction or a critical section does the same work).
#include <fgcc.h>

FG_DIFF double f(const double *x, int n) {
  double s = 0;
#pragma omp parallel for
  for (int i = 0; i < n; i++) {
    // CHECK: refuse_vec_omp_atomic.c:[[@LINE+1]]:1: error: vector mode (--width 4) cannot make the tangent update of this atomic update atomic: use a reduction or a critical section
#pragma omp atomic
    s += x[i] * x[i];
  }
  return s;
}
