// `parallel sections` is one directive: each section's statement becomes
// its differentiated block, and fgcc's temporaries are private.
// RUN: %fgcc %s -o %t.c -- -fopenmp
// RUN: grep -v '^ *//' %t.c | FileCheck %s
// RUN: %gcc -fopenmp -O2 -c %t.c -o %t.o
#include <fgcc.h>
#include <math.h>

FG_DIFF double f(double a, double b) {
  double u = 0, w = 0;
#pragma omp parallel sections
  {
#pragma omp section
    u = exp(a);
#pragma omp section
    w = sin(b);
  }
  return u * w;
}
// CHECK:      {{^}}    #pragma omp parallel sections private([[T1:fg_t[0-9]+]], [[T2:fg_t[0-9]+]]){{$}}
// CHECK-NEXT: {{^}}    {{[{]$}}
// CHECK-NEXT: {{^}}        #pragma omp section{{$}}
// CHECK-NEXT: {{^}}        {{[{]$}}
// CHECK-NEXT: {{^}}            [[T1]] = exp(a);
// CHECK-NEXT: {{^}}            u_dot = [[T1]] * a_dot;
// CHECK-NEXT: {{^}}            u = [[T1]];
// CHECK-NEXT: {{^}}        {{[}]$}}
// CHECK-NEXT: {{^}}        #pragma omp section{{$}}
