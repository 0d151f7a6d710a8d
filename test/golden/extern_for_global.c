// Non-static global definitions become extern declarations in out.c (the
// object stays defined once, in in.o), keeping qualifiers and array sizes;
// static globals the generated code uses are copied with their initialiser.
// RUN: %fgcc %s -o %t.c
// RUN: grep -v '^ *//' %t.c | FileCheck %s
// RUN: %cc -fsyntax-only %t.c
// RUN: %gcc -O2 -c %t.c -o %t.o
#include <fgcc.h>

double g_w[3] = {1.0, 2.0, 3.0};
const double g_k = 0.5;
int g_n = 3;
static const double s_c = 4.0;

FG_DIFF double f(double x) { return x * g_w[g_n - 1] * g_k * s_c; }
// CHECK:       {{^}}extern double g_w[3];
// CHECK:       {{^}}extern const double g_k;
// CHECK:       {{^}}extern int g_n;
// CHECK:       {{^}}static const double s_c = 4.0;
// CHECK-NOT:   {{^}}double g_w[3] =
// CHECK-LABEL: {{^}}double f_jvp(double x, double x_dot, double *ret_dot){{$}}
// CHECK-NEXT:  {{^}}{
// CHECK-NEXT:  {{^}}    *ret_dot = x_dot * g_w[g_n - 1] * g_k * s_c;
// CHECK-NEXT:  {{^}}    return x * g_w[g_n - 1] * g_k * s_c;
