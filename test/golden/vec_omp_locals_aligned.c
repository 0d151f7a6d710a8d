// Vector mode with OpenMP: the vector types are aligned(element) to view
// interleaved arrays, and clang loses that reduced alignment on variables a
// region captures (aligned loads: a crash). So vector locals are declared at
// the vector's natural alignment, and out.c declares the + reduction of the
// vector type for reduction(+:s, s_dot).
// RUN: %fgcc %s --width 4 -o %t.c -- -fopenmp
// RUN: grep -v '^ *//' %t.c | FileCheck %s
// RUN: %cc -fopenmp -O2 -c %t.c -o %t.o
// RUN: %gcc -fopenmp -O2 -c %t.c -o %t.gcc.o
#include <fgcc.h>

FG_DIFF double f(const double *x, int n, double a) {
  double s = 0;
#pragma omp parallel for reduction(+:s)
  for (int i = 0; i < n; i++)
    s += a * x[i];
  return s;
}
// CHECK: {{^}}#pragma omp declare reduction(+ : fg_v4d : omp_out += omp_in) initializer(omp_priv = (fg_v4d){0}){{$}}
// CHECK: {{^}}    fg_v4d a_dot_v __attribute__((aligned(32))) = *(const fg_v4d *)a_dot;{{$}}
// CHECK: {{^}}    fg_v4d s_dot __attribute__((aligned(32))) = (fg_v4d){0};{{$}}
// CHECK: {{^}}    #pragma omp parallel for reduction(+:s, s_dot){{$}}
