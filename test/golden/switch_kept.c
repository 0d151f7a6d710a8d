// switch is copied as it is: case labels, break, default, a block in a
// case; each case's statements get their tangents in place.
// RUN: %fgcc %s -o %t.c
// RUN: grep -v '^ *//' %t.c | FileCheck %s
// RUN: %cc -fsyntax-only %t.c
// RUN: %gcc -O2 -c %t.c -o %t.o
#include <fgcc.h>

FG_DIFF double f(int mode, double x) {
  double r = x;
  switch (mode) {
  case 0:
    r = x * x;
    break;
  case 1: {
    double t = x + 1.0;
    r = t * x;
  } break;
  default:
    r = -x;
  }
  return r;
}
// CHECK-LABEL: {{^}}double f_jvp(int mode, double x, double x_dot, double *ret_dot){{$}}
// CHECK-NEXT:  {{^}}{
// CHECK-NEXT:  {{^}}    double r = x;
// CHECK-NEXT:  {{^}}    double r_dot = x_dot;
// CHECK-NEXT:  {{^}}    switch (mode) {
// CHECK-NEXT:  {{^}}    case 0:
// CHECK-NEXT:  {{^}}        r_dot = x_dot * x + x * x_dot;
// CHECK-NEXT:  {{^}}        r = x * x;
// CHECK-NEXT:  {{^}}        break;
// CHECK-NEXT:  {{^}}    case 1:
// CHECK-NEXT:  {{^}}        {
// CHECK-NEXT:  {{^}}            double t = x + 1.0;
// CHECK-NEXT:  {{^}}            double t_dot = x_dot;
// CHECK-NEXT:  {{^}}            r_dot = t_dot * x + t * x_dot;
// CHECK-NEXT:  {{^}}            r = t * x;
// CHECK-NEXT:  {{^}}        }
// CHECK-NEXT:  {{^}}        break;
// CHECK-NEXT:  {{^}}    default:
// CHECK-NEXT:  {{^}}        r_dot = -x_dot;
// CHECK-NEXT:  {{^}}        r = -x;
// CHECK-NEXT:  {{^}}    }
// CHECK-NEXT:  {{^}}    *ret_dot = r_dot;
// CHECK-NEXT:  {{^}}    return r;
// CHECK-NEXT:  {{^}}}
