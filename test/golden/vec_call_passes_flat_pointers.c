// Vector mode (--width 4): tangent functions call each other with flat
// pointers, as users call them: a vector argument goes through a temporary,
// (tmp = v, (const double *)&tmp), and the result's tangent comes back
// through (double *)&t.
// RUN: %fgcc %s --width 4 --no-chunks -o %t.c
// RUN: grep -v '^ *//' %t.c | FileCheck %s
// RUN: %cc -fsyntax-only %t.c
// RUN: %gcc -O2 -c %t.c -o %t.o
#include <fgcc.h>

static double sq(double a) { return a * a; }

FG_DIFF double f(double x) { return sq(x + 1); }
// CHECK:       {{^}}static double sq_jvp4(double a, const double *a_dot, double *ret_dot);
// CHECK:       {{^}}double f_jvp4(double x, const double *x_dot, double *ret_dot){{$}}
// CHECK-NEXT:  {{^}}{
// CHECK-NEXT:  {{^}}    fg_v4d [[A:fg_arg[0-9]+]];
// CHECK-NEXT:  {{^}}    fg_v4d x_dot_v = *(const fg_v4d *)x_dot;
// CHECK-NEXT:  {{^}}    fg_v4d *ret_dot_v = (fg_v4d *)ret_dot;
// CHECK-NEXT:  {{^}}    fg_v4d [[R:fg_t[0-9]+]];
// CHECK-NEXT:  {{^}}    double [[P:fg_t[0-9]+]];
// CHECK-NEXT:  {{^}}    [[P]] = sq_jvp4(x + 1, ([[A]] = x_dot_v, (const double *)&[[A]]), (double *)&[[R]]);
// CHECK-NEXT:  {{^}}    *ret_dot_v = [[R]];
// CHECK-NEXT:  {{^}}    return [[P]];
// CHECK:       {{^}}static double sq_jvp4(double a, const double *a_dot, double *ret_dot){{$}}
// CHECK-NEXT:  {{^}}{
// CHECK-NEXT:  {{^}}    fg_v4d a_dot_v = *(const fg_v4d *)a_dot;
// CHECK-NEXT:  {{^}}    fg_v4d *ret_dot_v = (fg_v4d *)ret_dot;
// CHECK-NEXT:  {{^}}    *ret_dot_v = a_dot_v * a + a * a_dot_v;
// CHECK-NEXT:  {{^}}    return a * a;
