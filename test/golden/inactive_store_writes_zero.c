// Storing a value without a tangent into storage that has one writes an
// explicit zero into the tangent (the tangent is not zeroed at its
// declaration, so the zero must be written where the primal is).
// RUN: %fgcc %s -o %t.c
// RUN: grep -v '^ *//' %t.c | FileCheck %s
// RUN: %cc -fsyntax-only %t.c
// RUN: %gcc -O2 -c %t.c -o %t.o
#include <fgcc.h>

FG_DIFF double f(double x, int n) {
  double a[8];
  for (int i = 0; i < 8; i++) {
    if (i < n)
      a[i] = x * i;
    else
      a[i] = 1.0;
  }
  double s = 0.0;
  for (int i = 0; i < 8; i++)
    s += a[i];
  return s;
}
// CHECK-LABEL: {{^}}double f_jvp(double x, double x_dot, int n, double *ret_dot){{$}}
// CHECK:       {{^}}    double a_dot[8];{{$}}
// CHECK:       {{^}}            a_dot[i] = x_dot * i;
// CHECK-NEXT:  {{^}}            a[i] = x * i;
// CHECK-NEXT:  {{^}}        } else {
// CHECK-NEXT:  {{^}}            a_dot[i] = 0;
// CHECK-NEXT:  {{^}}            a[i] = 1.0;
