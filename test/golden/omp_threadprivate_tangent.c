// A threadprivate global that carries a derivative: its tangent is declared
// threadprivate too, and copyin copies the tangent with the value.
// RUN: %fgcc %s -o %t.c -- -fopenmp
// RUN: grep -v '^ *//' %t.c | FileCheck %s
// RUN: %gcc -fopenmp -O2 -c %t.c -o %t.o
#include <fgcc.h>

double g;
#pragma omp threadprivate(g)

FG_DIFF double f(const double *x, int n) {
  double s = 0;
  g = x[0];
#pragma omp parallel reduction(+:s) copyin(g)
  for (int i = 0; i < n; i++)
    s += g * x[i];
  return s;
}
// CHECK:      {{^}}static double g_dot; /* tangent of g */{{$}}
// CHECK-NEXT: {{^}}#pragma omp threadprivate(g_dot){{$}}
// CHECK:      {{^}}    #pragma omp parallel reduction(+:s, s_dot) copyin(g, g_dot){{$}}
