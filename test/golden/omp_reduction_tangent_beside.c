// With -fopenmp the directive stays before its loop: the active reduction
// variable's tangent joins the reduction, an active private variable's
// tangent is private too, fgcc's temporary becomes private, and the other
// clauses are copied.
// RUN: %fgcc %s -o %t.c -- -fopenmp
// RUN: grep -v '^ *//' %t.c | FileCheck %s
// RUN: %gcc -fopenmp -O2 -c %t.c -o %t.o
#include <fgcc.h>
#include <math.h>

FG_DIFF double f(const double *x, int n) {
  double s = 0, t;
#pragma omp parallel for reduction(+:s) private(t) schedule(static)
  for (int i = 0; i < n; i++) {
    t = exp(x[i]);
    s += t;
  }
  return s;
}
// CHECK:      {{^}}    #pragma omp parallel for reduction(+:s, s_dot) private(t, t_dot) schedule(static) private([[T:fg_t[0-9]+]]){{$}}
// CHECK-NEXT: {{^}}    for (int i = 0; i < n; i++) {
// CHECK-NEXT: {{^}}        [[T]] = exp(x[i]);
