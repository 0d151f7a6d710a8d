// --line-directives points every emitted statement back at the line of
// in.c it comes from: the tangent statements of a source statement belong
// to that statement's line (not to the declaration of the variable they
// assign), and the declaration of a tangent to the line of its primal.
// Inputs/linemap.py applies the #line directives of out.c the way the
// preprocessor does and prints file:line: text for every emitted line.
// RUN: %fgcc %s --line-directives -o %t.c
// RUN: grep -v '^ *//' %t.c | FileCheck %s --check-prefix=RAW
// RUN: %python %S/Inputs/linemap.py %t.c | FileCheck %s
// RUN: %cc -fsyntax-only %t.c
// RUN: %gcc -O2 -c %t.c -o %t.o
// RUN: %fgcc %s -o %t.nolines.c
// RUN: not grep '^#line' %t.nolines.c
#include <fgcc.h>
#include <math.h>

FG_DIFF double f(double x) {
  double y = x * 2.0;
  y *= x;
  y = exp(y);
  y /= x;
  return y;
}
// RAW:      {{^}}#line 17 "{{.*}}line_directives.c"
// RAW-NEXT: {{^}}double f_jvp(double x, double x_dot, double *ret_dot){{$}}
// CHECK:      line_directives.c:17: double f_jvp(double x, double x_dot, double *ret_dot)
// CHECK:      line_directives.c:18: double y = x * 2.0;
// CHECK-NEXT: line_directives.c:18: double y_dot = x_dot * 2.0;
// CHECK-NEXT: line_directives.c:19: y_dot = y_dot * x + y * x_dot;
// CHECK-NEXT: line_directives.c:19: y *= x;
// CHECK-NEXT: line_directives.c:20: [[T:fg_t[0-9]+]] = exp(y);
// CHECK-NEXT: line_directives.c:20: y_dot = [[T]] * y_dot;
// CHECK-NEXT: line_directives.c:20: y = [[T]];
// CHECK-NEXT: line_directives.c:21: [[Q:fg_t[0-9]+]] = y / x;
// CHECK-NEXT: line_directives.c:21: y_dot = (y_dot - [[Q]] * x_dot) / x;
// CHECK-NEXT: line_directives.c:21: y = [[Q]];
// CHECK-NEXT: line_directives.c:22: *ret_dot = y_dot;
// CHECK-NEXT: line_directives.c:22: return y;
