// T x = e; becomes T x = e; T x_dot = de;: the primal declaration first, its
// tangent right after, with the same type; an uninitialised declaration gets
// an uninitialised tangent (written where the primal is).
// RUN: %fgcc %s -o %t.c
// RUN: grep -v '^ *//' %t.c | FileCheck %s
// RUN: %cc -fsyntax-only %t.c
// RUN: %gcc -O2 -c %t.c -o %t.o
#include <fgcc.h>

FG_DIFF double f(double x) {
  double a = x * x;
  float b = (float)a;
  double c;
  c = a + b;
  return c;
}
// CHECK-LABEL: {{^}}double f_jvp(double x, double x_dot, double *ret_dot){{$}}
// CHECK-NEXT:  {{^}}{
// CHECK-NEXT:  {{^}}    double a = x * x;
// CHECK-NEXT:  {{^}}    double a_dot = x_dot * x + x * x_dot;
// CHECK-NEXT:  {{^}}    float b = (float)a;
// CHECK-NEXT:  {{^}}    float b_dot = (float)a_dot;
// CHECK-NEXT:  {{^}}    double c;
// CHECK-NEXT:  {{^}}    double c_dot;{{$}}
// CHECK-NEXT:  {{^}}    c_dot = a_dot + b_dot;
// CHECK-NEXT:  {{^}}    c = a + b;
