// RUN: rm -f %t.out.c
// RUN: not %fgcc %s -o %t.out.c 2>&1 | FileCheck %s
// RUN: test ! -e %t.out.c
// FG_JVP(g) naming a function that is not declared.
#include <fgcc.h>

// CHECK: jvp_attr_missing.c:[[@LINE+1]]:23: error: FG_JVP(nosuch): no function named 'nosuch' is declared
FG_JVP(nosuch) double g_jvp(double x, double x_dot, double *ret_dot);

FG_DIFF double f(double x) { return x * x; }
