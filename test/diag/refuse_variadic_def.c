// RUN: rm -f %t.out.c
// RUN: not %fgcc %s -o %t.out.c 2>&1 | FileCheck %s
// RUN: test ! -e %t.out.c
// Differentiating a variadic function itself is refused at its name.
#include <fgcc.h>

// CHECK: refuse_variadic_def.c:[[@LINE+1]]:16: error: cannot differentiate variadic function 'f'
FG_DIFF double f(double x, ...) { return x * x; }
