// RUN: rm -f %t.out.c
// RUN: not %fgcc %s --width 4 -o %t.out.c 2>&1 | FileCheck %s
// RUN: test ! -e %t.out.c
// RUN: not %fgcc %s --width 4 --jvp k=k_jvp@3 -o %t.out.c 2>&1 | FileCheck %s --check-prefix=OPT
// RUN: sh -c '%fgcc %s --width 4 --jvp k=k_jvp@3 -o %t.out.c 2>/dev/null; test $? -eq 2'
// RUN: test ! -e %t.out.c
// Width-K user derivatives that are not: FG_JVP_WIDTH with a width that is
// no power of two from 2 to 64, and one whose scalar tangent is passed by
// value (width K takes a pointer to its K values), are refused at the
// declaration; --jvp G=NAME@K with such a K is a bad command line.
#include <fgcc.h>

double g(double x);
FG_JVP_WIDTH(g, 3) double g_jvp3(double x, const double *x_dot, double *ret_dot);
// CHECK: jvp_width_bad.c:[[@LINE-1]]:27: error: FG_JVP_WIDTH(g, 3): the width must be a power of two from 2 to 64 (FG_JVP(g) is the derivative of width 1)

double h(double x, double y);
FG_JVP_WIDTH(h, 4) double h_jvp4(double x, const double *x_dot, double y, double y_dot, double *ret_dot);
// CHECK: jvp_width_bad.c:[[@LINE-1]]:82: error: 'h_jvp4' cannot be the width-4 derivative of 'h': parameter 4 ('y_dot'), the tangent of the scalar 'y', must point to its 4 values (const double *)
// CHECK-NEXT: {{^}}FG_JVP_WIDTH(h, 4) double h_jvp4(double x, const double *x_dot, double y, double y_dot, double *ret_dot);
// CHECK-NEXT: {{^}}                                                                                 ^

double k(double x);
double k_jvp(double x, const double *x_dot, double *ret_dot);
// OPT: fgcc: error: --jvp 'k=k_jvp@3': the width after '@' must be a power of two from 2 to 64 (without '@', the derivative has width 1)

FG_DIFF double f(double x) { return g(x) * h(x, x) * k(x); }
