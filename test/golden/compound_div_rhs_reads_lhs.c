// x /= e where e reads x itself: the primal-first rule
// (x /= e; x_dot = (x_dot - x * de) / e;) would evaluate e and de a second
// time with the NEW x. Correct output must use the old value of e (and of
// the primal in de): here d(b / (b + y)) = (b_dot * y - b * y_dot) / (b + y)^2,
// so e = b + y has to be saved before b changes (or the tangent computed first).
// RUN: %fgcc %s -o %t.c
// RUN: grep -v '^ *//' %t.c | FileCheck %s
// RUN: %cc -fsyntax-only %t.c
// RUN: %gcc -O2 -c %t.c -o %t.o
#include <fgcc.h>

FG_DIFF double f(double x, double y) {
  double b = x;
  b /= b + y;
  return b;
}
// The denominator and de must not be re-evaluated after the primal update:
// CHECK-LABEL: {{^}}double f_jvp(double x, double x_dot, double y, double y_dot, double *ret_dot){{$}}
// CHECK:       {{^}}    double b_dot = x_dot;
// CHECK-NEXT:  {{^}}    fg_t1 = b / (b + y);
// CHECK-NEXT:  {{^}}    b_dot = (b_dot - fg_t1 * (b_dot + y_dot)) / (b + y);
// CHECK-NEXT:  {{^}}    b = fg_t1;
// CHECK:       {{^}}    *ret_dot = b_dot;
