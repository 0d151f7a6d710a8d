// exp(a) is computed once into a temporary that serves both the primal and
// the tangent (d exp(a) = exp(a) da); each call gets its own temporary,
// declared at the top of the function.
// RUN: %fgcc %s -o %t.c
// RUN: grep -v '^ *//' %t.c | FileCheck %s
// RUN: %cc -fsyntax-only %t.c
// RUN: %gcc -O2 -c %t.c -o %t.o
#include <fgcc.h>
#include <math.h>

FG_DIFF double f(double x, double y) {
  double a;
  a = exp(x * y);
  return a + exp(y);
}
// CHECK-LABEL: {{^}}double f_jvp(double x, double x_dot, double y, double y_dot, double *ret_dot){{$}}
// CHECK-NEXT:  {{^}}{
// CHECK-NEXT:  {{^}}    double [[T1:fg_t[0-9]+]];
// CHECK-NEXT:  {{^}}    double [[T2:fg_t[0-9]+]];
// CHECK-NEXT:  {{^}}    double a;
// CHECK-NEXT:  {{^}}    double a_dot;{{$}}
// CHECK-NEXT:  {{^}}    [[T1]] = exp(x * y);
// CHECK-NEXT:  {{^}}    a_dot = [[T1]] * (x_dot * y + x * y_dot);
// CHECK-NEXT:  {{^}}    a = [[T1]];
// CHECK-NEXT:  {{^}}    [[T2]] = exp(y);
// CHECK-NEXT:  {{^}}    *ret_dot = a_dot + [[T2]] * y_dot;
// CHECK-NEXT:  {{^}}    return a + [[T2]];
// CHECK-NEXT:  {{^}}}
// CHECK-NOT:   exp(
