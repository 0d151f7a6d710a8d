// Static functions are copied into out.c only when the generated code calls
// their primal: a static helper called only through its _jvp is not copied
// (its _jvp is), one never called is dropped, and one called with inactive
// arguments is copied verbatim.
// RUN: %fgcc %s -o %t.c
// RUN: grep -v '^ *//' %t.c | FileCheck %s
// RUN: %cc -fsyntax-only %t.c
// RUN: %gcc -O2 -c %t.c -o %t.o
#include <fgcc.h>

static double sq(double a) { return a * a; }
static double never(double a) { return a + 1; }
static int clamp(int k) { return k < 0 ? 0 : k; }

FG_DIFF double f(double x, int n) { return sq(x) * clamp(n); }

double other(double y) { return never(y); }
// CHECK-NOT:   static double sq(double a) {
// CHECK-NOT:   never
// CHECK:       {{^}}static int clamp(int k) { return k < 0 ? 0 : k; }
// CHECK-NOT:   never
// CHECK:       {{^}}double f(double x, int n);
// CHECK:       {{^}}double other(double y);
// CHECK:       {{^}}static double sq_jvp(double a, double a_dot, double *ret_dot);
// CHECK-LABEL: {{^}}double f_jvp(double x, double x_dot, int n, double *ret_dot){{$}}
// CHECK:       {{^}}    [[R:fg_t[0-9]+]] = sq_jvp(x, x_dot, &[[D:fg_t[0-9]+]]);
// CHECK-NEXT:  {{^}}    [[C:fg_t[0-9]+]] = clamp(n);
// CHECK-NEXT:  {{^}}    *ret_dot = [[D]] * [[C]];
// CHECK-NEXT:  {{^}}    return [[R]] * [[C]];
// CHECK-LABEL: {{^}}static double sq_jvp(double a, double a_dot, double *ret_dot){{$}}
// CHECK-NOT:   never
