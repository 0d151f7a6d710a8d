// x /= e; becomes q = x / e; x_dot = (x_dot - q * de) / e; x = q;: the
// quotient rule d(x/e) = (dx - (x/e) de) / e, with e and de read before x
// changes; when e has no tangent, simply x_dot /= e; x /= e;
// RUN: %fgcc %s -o %t.c
// RUN: grep -v '^ *//' %t.c | FileCheck %s
// RUN: %cc -fsyntax-only %t.c
// RUN: %gcc -O2 -c %t.c -o %t.o
#include <fgcc.h>

FG_DIFF double f(double x, double y, double *a) {
  double s = x;
  s /= y * y;
  a[0] /= s;
  return s;
}
// CHECK-LABEL: {{^}}double f_jvp(double x, double x_dot, double y, double y_dot, double *a, double *a_dot, double *ret_dot){{$}}
// CHECK:       {{^}}    double s_dot = x_dot;
// CHECK-NEXT:  {{^}}    fg_t1 = s / (y * y);
// CHECK-NEXT:  {{^}}    s_dot = (s_dot - fg_t1 * (y_dot * y + y * y_dot)) / (y * y);
// CHECK-NEXT:  {{^}}    s = fg_t1;
// CHECK-NEXT:  {{^}}    fg_t2 = a[0] / s;
// CHECK-NEXT:  {{^}}    a_dot[0] = (a_dot[0] - fg_t2 * s_dot) / s;
// CHECK-NEXT:  {{^}}    a[0] = fg_t2;
