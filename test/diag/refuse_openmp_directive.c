// RUN: rm -f %t.out.c
// RUN: not %fgcc %s -o %t.out.c -- -fopenmp 2>&1 | FileCheck %s
// RUN: test ! -e %t.out.c
// With -fopenmp fgcc follows parallel, for, simd, sections, section, single,
// master, critical, barrier, atomic, task, taskwait and taskgroup; a
// directive it cannot differentiate yet (target) is refused at the
// directive, naming it, instead of a silent serial run.
#include <fgcc.h>

FG_DIFF double f(const double *x, int n) {
  double s = 0;
  // CHECK: refuse_openmp_directive.c:[[@LINE+1]]:1: error: OpenMP directive 'target' cannot be differentiated yet (fgcc follows parallel, for, simd, sections, section, single, master, critical, barrier, atomic, task, taskwait and taskgroup)
#pragma omp target
  s += x[0];
  return s + n;
}
