// return e; becomes *ret_dot = de; return e; at every return, early ones
// included (a braced block when the return was a lone if-branch); a void
// function has no ret_dot.
// RUN: %fgcc %s -o %t.c
// RUN: grep -v '^ *//' %t.c | FileCheck %s
// RUN: %cc -fsyntax-only %t.c
// RUN: %gcc -O2 -c %t.c -o %t.o
#include <fgcc.h>

FG_DIFF double f(double x) {
  if (x < 0)
    return -x;
  return x * x;
}

FG_DIFF void g(double x, double *out) {
  if (x < 0)
    return;
  *out = x;
}
// CHECK-LABEL: {{^}}double f_jvp(double x, double x_dot, double *ret_dot){{$}}
// CHECK-NEXT:  {{^}}{
// CHECK-NEXT:  {{^}}    if (x < 0) {
// CHECK-NEXT:  {{^}}        *ret_dot = -x_dot;
// CHECK-NEXT:  {{^}}        return -x;
// CHECK-NEXT:  {{^}}    }
// CHECK-NEXT:  {{^}}    *ret_dot = x_dot * x + x * x_dot;
// CHECK-NEXT:  {{^}}    return x * x;
// CHECK-NEXT:  {{^}}}
// CHECK-LABEL: {{^}}void g_jvp(double x, double x_dot, double *out, double *out_dot){{$}}
// CHECK-NEXT:  {{^}}{
// CHECK-NEXT:  {{^}}    if (x < 0) {
// CHECK-NEXT:  {{^}}        return;
// CHECK-NEXT:  {{^}}    }
// CHECK-NEXT:  {{^}}    *out_dot = x_dot;
// CHECK-NEXT:  {{^}}    *out = x;
// CHECK-NEXT:  {{^}}}
