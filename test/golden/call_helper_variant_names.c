// A helper called with several activity patterns gets one version per
// pattern, suffixed with the activity of its parameters (h_jvp_10,
// h_jvp_01, h_jvp_11); a helper called with one pattern is plain g_jvp.
// The helpers' versions are static; only the selected f_jvp is external.
// RUN: %fgcc %s -o %t.c
// RUN: grep -v '^ *//' %t.c | FileCheck %s
// RUN: %cc -fsyntax-only %t.c
// RUN: %gcc -O2 -c %t.c -o %t.o
#include <fgcc.h>

double h(double a, double b) { return a * b; }
double g(double a, double b) { return a - b; }

FG_DIFF double f(FG_WRT double x, double c) { return h(x, c) + h(c, x) + h(x, x) + h(c, c) + g(x, c); }
// CHECK:       {{^}}double f_jvp(double x, double x_dot, double c, double *ret_dot);
// CHECK-DAG:   {{^}}static double h_jvp_10(double a, double a_dot, double b, double *ret_dot);
// CHECK-DAG:   {{^}}static double h_jvp_01(double a, double b, double b_dot, double *ret_dot);
// CHECK-DAG:   {{^}}static double h_jvp_11(double a, double a_dot, double b, double b_dot, double *ret_dot);
// CHECK-DAG:   {{^}}static double g_jvp(double a, double a_dot, double b, double *ret_dot);
// CHECK-LABEL: {{^}}double f_jvp(double x, double x_dot, double c, double *ret_dot){{$}}
// CHECK-DAG:   = h_jvp_10(x, x_dot, c, &{{fg_t[0-9]+}});
// CHECK-DAG:   = h_jvp_01(c, x, x_dot, &{{fg_t[0-9]+}});
// CHECK-DAG:   = h_jvp_11(x, x_dot, x, x_dot, &{{fg_t[0-9]+}});
// CHECK-DAG:   = g_jvp(x, x_dot, c, &{{fg_t[0-9]+}});
// CHECK-DAG:   h(c, c)
// CHECK-LABEL: {{^}}static double h_jvp_10(double a, double a_dot, double b, double *ret_dot){{$}}
// CHECK-LABEL: {{^}}static double h_jvp_01(double a, double b, double b_dot, double *ret_dot){{$}}
// CHECK-LABEL: {{^}}static double h_jvp_11(double a, double a_dot, double b, double b_dot, double *ret_dot){{$}}
// CHECK-LABEL: {{^}}static double g_jvp(double a, double a_dot, double b, double *ret_dot){{$}}
// CHECK-NOT:   h_jvp_00
