// RUN: rm -f %t.out.c
// RUN: not %fgcc %s -o %t.out.c -- -fopenmp 2>&1 | FileCheck %s
// RUN: test ! -e %t.out.c
// A max reduction of a value that carries a derivative has no tangent
// reduction (which thread's tangent wins is not a reduction of tangents):
// refused, naming the clause and the variable.
#include <fgcc.h>

FG_DIFF double f(const double *x, int n) {
  double m = x[0];
  // CHECK: refuse_openmp_max_reduction.c:[[@LINE+1]]:1: error: reduction(max:m): 'm' carries a derivative and a 'max' reduction has no tangent reduction (only + and - do)
#pragma omp parallel for reduction(max:m)
  for (int i = 0; i < n; i++)
    m = x[i] > m ? x[i] : m;
  return m;
}
