// x = e; becomes x_dot = de; x = e;: the tangent comes first because de may
// read the old x (here y = y * x reads y).
// RUN: %fgcc %s -o %t.c
// RUN: grep -v '^ *//' %t.c | FileCheck %s
// RUN: %cc -fsyntax-only %t.c
// RUN: %gcc -O2 -c %t.c -o %t.o
#include <fgcc.h>

FG_DIFF double f(double x, double y) {
  y = y * x;
  x = x + y;
  return x;
}
// CHECK-LABEL: {{^}}double f_jvp(double x, double x_dot, double y, double y_dot, double *ret_dot){{$}}
// CHECK-NEXT:  {{^}}{
// CHECK-NEXT:  {{^}}    y_dot = y_dot * x + y * x_dot;
// CHECK-NEXT:  {{^}}    y = y * x;
// CHECK-NEXT:  {{^}}    x_dot = x_dot + y_dot;
// CHECK-NEXT:  {{^}}    x = x + y;
// CHECK-NEXT:  {{^}}    *ret_dot = x_dot;
// CHECK-NEXT:  {{^}}    return x;
// CHECK-NEXT:  {{^}}}
