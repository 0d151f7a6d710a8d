// goto and labels are copied as they are (forward mode never reverses
// control flow); the tangent of a labelled statement goes after the label,
// so a jump to the label runs it.
// RUN: %fgcc %s -o %t.c
// RUN: grep -v '^ *//' %t.c | FileCheck %s
// RUN: %cc -fsyntax-only %t.c
// RUN: %gcc -O2 -c %t.c -o %t.o
#include <fgcc.h>

FG_DIFF double f(double x, int n) {
  double s = 1.0;
  int i = 0;
L10:
  s = s * x;
  if (++i < n)
    goto L10;
  if (s > 1e3)
    goto L20;
  s = -s;
L20:
  return s;
}
// CHECK-LABEL: {{^}}double f_jvp(double x, double x_dot, int n, double *ret_dot){{$}}
// CHECK-NEXT:  {{^}}{
// CHECK-NEXT:  {{^}}    double s = 1.0;
// CHECK-NEXT:  {{^}}    double s_dot = 0;
// CHECK-NEXT:  {{^}}    int i = 0;
// CHECK-NEXT:  {{^}}L10:
// CHECK-NEXT:  {{^}}    s_dot = s_dot * x + s * x_dot;
// CHECK-NEXT:  {{^}}    s = s * x;
// CHECK-NEXT:  {{^}}    if (++i < n) {
// CHECK-NEXT:  {{^}}        goto L10;
// CHECK-NEXT:  {{^}}    }
// CHECK-NEXT:  {{^}}    if (s > 1e3) {
// CHECK-NEXT:  {{^}}        goto L20;
// CHECK-NEXT:  {{^}}    }
// CHECK-NEXT:  {{^}}    s_dot = -s_dot;
// CHECK-NEXT:  {{^}}    s = -s;
// CHECK-NEXT:  {{^}}L20:
// CHECK-NEXT:  {{^}}    *ret_dot = s_dot;
// CHECK-NEXT:  {{^}}    return s;
// CHECK-NEXT:  {{^}}}
