// ++/-- on an active pointer moves its shadow the same way, shadow first;
// inside an expression the old value is kept in a temporary (p++) for both.
// RUN: %fgcc %s -o %t.c
// RUN: grep -v '^ *//' %t.c | FileCheck %s
// RUN: %cc -fsyntax-only %t.c
// RUN: %gcc -O2 -c %t.c -o %t.o
#include <fgcc.h>

FG_DIFF double f(const double *x, int n) {
  double s = 0;
  const double *p = x;
  p++;
  --p;
  for (int i = 0; i < n; i++)
    s += *p++;
  return s;
}
// CHECK-LABEL: {{^}}double f_jvp(const double *x, const double *x_dot, int n, double *ret_dot){{$}}
// CHECK:       {{^}}    const double *p = x;
// CHECK-NEXT:  {{^}}    const double *p_dot = x_dot;
// CHECK-NEXT:  {{^}}    ++p_dot;
// CHECK-NEXT:  {{^}}    ++p;
// CHECK-NEXT:  {{^}}    --p_dot;
// CHECK-NEXT:  {{^}}    --p;
// CHECK-NEXT:  {{^}}    for (int i = 0; i < n; i++) {
// CHECK-NEXT:  {{^}}        [[T:fg_t[0-9]+]] = p;
// CHECK-NEXT:  {{^}}        [[TD:fg_t[0-9]+]] = p_dot;
// CHECK-NEXT:  {{^}}        ++p_dot;
// CHECK-NEXT:  {{^}}        ++p;
// CHECK-NEXT:  {{^}}        s_dot += *[[TD]];
// CHECK-NEXT:  {{^}}        s += *[[T]];
// CHECK-NEXT:  {{^}}    }
