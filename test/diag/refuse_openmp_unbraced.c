// RUN: rm -f %t.out.c
// RUN: not %fgcc %s -o %t.out.c -- -fopenmp 2>&1 | FileCheck %s
// RUN: test ! -e %t.out.c
// fgcc reads directives between the statements of a { } block; one that
// applies to the unbraced body of a loop would be lost, so it is refused.
#include <fgcc.h>

FG_DIFF double f(const double *x, int n) {
  double s = 0;
  for (int j = 0; j < 2; j++)
  // CHECK: refuse_openmp_unbraced.c:[[@LINE+1]]:1: error: cannot differentiate 'f': an OpenMP directive fgcc cannot place: put the statement it applies to, with the directive, inside braces
#pragma omp simd reduction(+:s)
    for (int i = 0; i < n; i++)
      s += x[i] * j;
  return s;
}
