// RUN: rm -f %t.out.c
// RUN: %fgcc %s -o %t.out.c 2>&1 | FileCheck %s
// RUN: test -e %t.out.c
// RUN: %fgcc %s -o %t.out.c 2>&1 | grep -c warning: | grep -qx 1
// RUN: grep -v "^//" %t.out.c | not grep -q "pragma omp"
// `#pragma omp` parsed without -fopenmp never reaches fgcc: it warns once
// (at the first directive) that out.c runs the code serially, and writes
// out.c without the directives.
#include <fgcc.h>

FG_DIFF double f(const double *x, int n) {
  double s = 0;
  // CHECK: openmp_ignored_warning.c:[[@LINE+1]]:9: warning: OpenMP directives are ignored: they were parsed without -fopenmp, so out.c runs this code serially
#pragma omp parallel for reduction(+:s)
  for (int i = 0; i < n; i++)
    s += x[i] * x[i];
#pragma omp simd
  for (int i = 0; i < n; i++)
    s += x[i];
  return s;
}
// CHECK-NOT: warning
