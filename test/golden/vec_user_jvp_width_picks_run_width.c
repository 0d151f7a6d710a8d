// Of g's user derivatives (width 1: FG_JVP; widths 4 and 8: FG_JVP_WIDTH),
// a run calls the one of its own width, else the width-1 one: --width 4
// calls g_jvp4 once, --width 8 g_jvp8 once, --width 2 (no width-2
// derivative) g_jvp once per direction, the default width 1 g_jvp. The
// others are ignored.
// RUN: %fgcc %s -o %t1.c
// RUN: grep -v '^ *//' %t1.c | FileCheck %s --check-prefix=W1
// RUN: %fgcc %s --width 2 -o %t2.c
// RUN: grep -v '^ *//' %t2.c | FileCheck %s --check-prefix=W2
// RUN: %fgcc %s --width 4 --no-chunks -o %t4.c
// RUN: grep -v '^ *//' %t4.c | FileCheck %s --check-prefix=W4
// RUN: %fgcc %s --width 8 --no-chunks -o %t8.c
// RUN: grep -v '^ *//' %t8.c | FileCheck %s --check-prefix=W8
// RUN: %cc -fsyntax-only %t1.c
// RUN: %cc -fsyntax-only %t2.c
// RUN: %cc -fsyntax-only %t4.c
// RUN: %cc -fsyntax-only %t8.c
#include <fgcc.h>

double g(double x);
FG_JVP(g) double g_jvp(double x, double x_dot, double *ret_dot);
FG_JVP_WIDTH(g, 4) double g_jvp4(double x, const double *x_dot, double *ret_dot);
FG_JVP_WIDTH(g, 8) double g_jvp8(double x, const double *x_dot, double *ret_dot);

FG_DIFF double f(double x) { return g(x * x); }
// W1-LABEL: {{^}}double f_jvp(double x, double x_dot1, double *ret_dot1){{$}}
// W1-NOT:   g_jvp{{[48]}}(
// W1:       = g_jvp(x * x, x_dot1 * x + x * x_dot1, &{{fg_t[0-9]+}});
// W1-NOT:   g_jvp{{[48]}}(
// W2-LABEL: {{^}}double f_jvp2(double x, const double *x_dot1, double *ret_dot1){{$}}
// W2-NOT:   g_jvp{{[48]}}(
// W2:       g_jvp({{fg_arg[0-9]+}}, {{fg_arg[0-9]+}}[0], &{{fg_arg[0-9]+}}), {{fg_arg[0-9]+}} = g_jvp({{fg_arg[0-9]+}}, {{fg_arg[0-9]+}}[1], &{{fg_arg[0-9]+}}),
// W2-NOT:   g_jvp{{[48]}}(
// W4-LABEL: {{^}}double f_jvp4(double x, const double *x_dot1, double *ret_dot1){{$}}
// W4-NOT:   g_jvp{{8?}}(
// W4:       {{^}}    {{fg_t[0-9]+}} = g_jvp4(x * x, ({{fg_arg[0-9]+}} = x_dot1_v * x + x * x_dot1_v, (const double *)&{{fg_arg[0-9]+}}), (double *)&{{fg_t[0-9]+}});
// W4-NOT:   g_jvp{{8?}}(
// W8-LABEL: {{^}}double f_jvp8(double x, const double *x_dot1, double *ret_dot1){{$}}
// W8-NOT:   g_jvp{{4?}}(
// W8:       {{^}}    {{fg_t[0-9]+}} = g_jvp8(x * x, ({{fg_arg[0-9]+}} = x_dot1_v * x + x * x_dot1_v, (const double *)&{{fg_arg[0-9]+}}), (double *)&{{fg_t[0-9]+}});
// W8-NOT:   g_jvp{{4?}}(
