// RUN: rm -f %t.out.c
// RUN: not %fgcc %s --fn f:x,n -o %t.out.c 2>&1 | FileCheck %s
// RUN: test ! -e %t.out.c
// --fn NAME:P naming an int parameter (it cannot carry a derivative):
// reported at the parameter.

// CHECK: fn_int_param.c:[[@LINE+1]]:24: error: parameter 'n' of 'f' cannot be active: its type holds no floating-point data
double f(double x, int n) { return x * n; }
