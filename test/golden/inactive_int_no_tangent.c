// Integers carry no derivative: int locals and parameters get no tangent,
// even when computed from active doubles (the conversion stops it).
// RUN: %fgcc %s -o %t.c
// RUN: grep -v '^ *//' %t.c | FileCheck %s
// RUN: %cc -fsyntax-only %t.c
// RUN: %gcc -O2 -c %t.c -o %t.o
#include <fgcc.h>

FG_DIFF double f(double x, int n) {
  int k = n * 2;
  int j = (int)(x * 10.0);
  long m = k + j;
  return x * k + (double)m;
}
// CHECK-LABEL: {{^}}double f_jvp(double x, double x_dot, int n, double *ret_dot){{$}}
// CHECK-NEXT:  {{^}}{
// CHECK-NEXT:  {{^}}    int k = n * 2;
// CHECK-NEXT:  {{^}}    int j = (int)(x * 10.0);
// CHECK-NEXT:  {{^}}    long m = k + j;
// CHECK-NEXT:  {{^}}    *ret_dot = x_dot * k;
// CHECK-NEXT:  {{^}}    return x * k + (double)m;
// CHECK-NEXT:  {{^}}}
// CHECK-NOT:   {{k_dot|j_dot|m_dot|n_dot}}
