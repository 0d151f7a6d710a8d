// RUN: rm -f %t.out.c
// RUN: not %fgcc %s -o %t.out.c -- -fopenmp 2>&1 | FileCheck %s
// RUN: test ! -e %t.out.c
// With -fopenmp the directives reach fgcc, which cannot differentiate them
// yet: refused at the directive, naming it, instead of a silent serial run.
#include <fgcc.h>

FG_DIFF double f(const double *x, int n) {
  double s = 0;
  // CHECK: refuse_openmp_directive.c:[[@LINE+1]]:1: error: cannot differentiate 'f': OpenMP directives (here ParallelForDirective) cannot be differentiated yet; without -fopenmp they are ignored and the code runs serially
#pragma omp parallel for reduction(+:s)
  for (int i = 0; i < n; i++)
    s += x[i] * x[i];
  return s;
}
