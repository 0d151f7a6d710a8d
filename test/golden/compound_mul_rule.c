// x *= e; becomes x_dot = x_dot * e + x * de; x *= e; (the tangent first, on
// the old x), on a scalar and on an array element.
// RUN: %fgcc %s -o %t.c
// RUN: grep -v '^ *//' %t.c | FileCheck %s
// RUN: %cc -fsyntax-only %t.c
// RUN: %gcc -O2 -c %t.c -o %t.o
#include <fgcc.h>

FG_DIFF double f(double x, double y, double *a) {
  double s = x;
  s *= y + x;
  a[1] *= s;
  return s;
}
// CHECK-LABEL: {{^}}double f_jvp(double x, double x_dot, double y, double y_dot, double *a, double *a_dot, double *ret_dot){{$}}
// CHECK:       {{^}}    double s_dot = x_dot;
// CHECK-NEXT:  {{^}}    s_dot = s_dot * (y + x) + s * (y_dot + x_dot);
// CHECK-NEXT:  {{^}}    s *= y + x;
// CHECK-NEXT:  {{^}}    a_dot[1] = a_dot[1] * s + a[1] * s_dot;
// CHECK-NEXT:  {{^}}    a[1] *= s;
