// RUN: rm -f %t.out.c
// RUN: not %fgcc %s -o %t.out.c 2>&1 | FileCheck %s
// RUN: test ! -e %t.out.c
// FG_WRT on an int parameter, reported at the parameter.
#include <fgcc.h>

// CHECK: wrt_int_param.c:[[@LINE+1]]:39: error: FG_WRT parameter 'n' cannot be active: its type holds no floating-point data
FG_DIFF double f(double x, FG_WRT int n) { return x * n; }
