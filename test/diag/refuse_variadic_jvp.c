// RUN: rm -f %t.out.c
// RUN: not %fgcc %s -o %t.out.c 2>&1 | FileCheck %s
// RUN: test ! -e %t.out.c
// FG_JVP on a variadic function: fgcc cannot build the call to the
// derivative from the variadic arguments, so it must refuse (it must not
// call sum and give its result a zero derivative).
#include <fgcc.h>

double sum(int n, ...);
// CHECK: refuse_variadic_jvp.c:[[@LINE+1]]:20: error: 'sum_jvp' cannot be the derivative of 'sum': {{.*}}variadic functions are not supported
FG_JVP(sum) double sum_jvp(int n, ...);

FG_DIFF double f(double x) {
  return sum(2, x, x * x);
}
