// With FG_WRT (or --fn NAME:P), floating parameters not selected are
// inactive: passed alone, no tangent, and they do not make locals active.
// A const pointer to data that is not selected is inactive too.
// RUN: %fgcc %s -o %t.c
// RUN: grep -v '^ *//' %t.c | FileCheck %s
// RUN: %cc -fsyntax-only %t.c
// RUN: %gcc -O2 -c %t.c -o %t.o
#include <fgcc.h>

FG_DIFF double f(FG_WRT double x, double s, const double *tbl, int n) {
  double c = s * tbl[n - 1];
  double y = c * x;
  return y + c;
}
// CHECK:       {{^}}double f_jvp(double x, double x_dot, double s, const double *tbl, int n, double *ret_dot);
// CHECK-LABEL: {{^}}double f_jvp(double x, double x_dot, double s, const double *tbl, int n, double *ret_dot){{$}}
// CHECK-NEXT:  {{^}}{
// CHECK-NEXT:  {{^}}    double c = s * tbl[n - 1];
// CHECK-NEXT:  {{^}}    double y = c * x;
// CHECK-NEXT:  {{^}}    double y_dot = c * x_dot;
// CHECK-NEXT:  {{^}}    *ret_dot = y_dot;
// CHECK-NEXT:  {{^}}    return y + c;
// CHECK-NEXT:  {{^}}}
// CHECK-NOT:   {{s_dot|tbl_dot|c_dot}}
