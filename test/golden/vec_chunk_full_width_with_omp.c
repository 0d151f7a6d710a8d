// Vector mode at --width 8: a function with an OpenMP directive keeps its
// full-width vectors (fg_v8d, no chunk loops: chunk.c leaves functions that
// read single directions or share vectors between threads as they are),
// while another function of the same file is chunked.
// RUN: %fgcc %s --width 8 -o %t.c -- -fopenmp
// RUN: grep -v '^ *//' %t.c | FileCheck %s
// RUN: %cc -fopenmp -fsyntax-only %t.c
#include <fgcc.h>

FG_DIFF double par(const double *w, int n) {
  double t = 0;
#pragma omp parallel for reduction(+ : t)
  for (int i = 0; i < n; i++)
    t += w[i] * w[i];
  return t;
}

FG_DIFF double ser(const double *w, int n) {
  double t = 0;
  for (int i = 0; i < n; i++)
    t += w[i] * w[i];
  return t;
}
// CHECK-LABEL: {{^}}double par_jvp8(const double *w, const double *w_dot, int n, double *ret_dot){{$}}
// CHECK-NOT:   FG_EACH
// CHECK:       {{^}}    fg_v8d t_dot __attribute__((aligned(64))) = (fg_v8d){0};{{$}}
// CHECK-NOT:   FG_EACH
// CHECK-LABEL: {{^}}double ser_jvp8(const double *w, const double *w_dot, int n, double *ret_dot){{$}}
// CHECK:       {{^}}    fg_a8d t_dot{{( __attribute__\(\(aligned\(64\)\)\))?}};{{$}}
// CHECK-NEXT:  {{^}}    FG_EACH{{$}}
