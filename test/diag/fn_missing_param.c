// RUN: rm -f %t.out.c
// RUN: not %fgcc %s --fn f:x,z -o %t.out.c 2>&1 | FileCheck %s
// RUN: test ! -e %t.out.c
// --fn NAME:P naming a parameter the function does not have.
// CHECK: fgcc: error: --fn f: 'f' has no parameter named 'z'

double f(double x, double y) { return x * y; }
