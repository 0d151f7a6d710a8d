// A tangent name already used anywhere in in.c gets a number: a user local
// named x_dot makes the tangent of x x_dot1 (and the user's x_dot, inactive,
// has no tangent); a user ret_dot makes the result tangent ret_dot1.
// RUN: %fgcc %s -o %t.c
// RUN: grep -v '^ *//' %t.c | FileCheck %s
// RUN: %cc -fsyntax-only %t.c
// RUN: %gcc -O2 -c %t.c -o %t.o
#include <fgcc.h>

static const double ret_dot = 0.5;

FG_DIFF double f(double x) {
  double x_dot = 3.0;
  double y = x * x_dot + ret_dot;
  return y;
}
// CHECK:       {{^}}double f_jvp(double x, double x_dot1, double *ret_dot1);
// CHECK-LABEL: {{^}}double f_jvp(double x, double x_dot1, double *ret_dot1){{$}}
// CHECK-NEXT:  {{^}}{
// CHECK-NEXT:  {{^}}    double x_dot = 3.0;
// CHECK-NEXT:  {{^}}    double y = x * x_dot + ret_dot;
// CHECK-NEXT:  {{^}}    double y_dot = x_dot1 * x_dot;
// CHECK-NEXT:  {{^}}    *ret_dot1 = y_dot;
// CHECK-NEXT:  {{^}}    return y;
// CHECK-NEXT:  {{^}}}
// CHECK-NOT:   x_dot_dot
