// reduction(+ : s), spaced as clang-format writes it, is reduction(+:s):
// the tangent joins the reduction (reduction(+:s, s_dot)), not a refusal
// of a '+ ' operator.
// RUN: %fgcc %s -o %t.c -- -fopenmp
// RUN: grep -v '^ *//' %t.c | FileCheck %s
// RUN: %cc -fopenmp -fsyntax-only %t.c
#include <fgcc.h>

FG_DIFF double sumsq(const double *w, int n) {
  double s = 0;
#pragma omp parallel for reduction(+ : s)
  for (int i = 0; i < n; i++)
    s += w[i] * w[i];
  return s;
}
// CHECK: {{^}}    #pragma omp parallel for reduction(+:s, s_dot){{$}}
