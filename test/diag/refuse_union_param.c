// RUN: rm -f %t.out.c
// RUN: not %fgcc %s -o %t.out.c 2>&1 | FileCheck %s
// RUN: test ! -e %t.out.c
// An active union parameter: the use of its floating member is refused.
#include <fgcc.h>

union u { double d; long l; };

FG_DIFF double f(union u a, double x) {
  // CHECK: refuse_union_param.c:[[@LINE+1]]:12: error: unions holding floating-point data that carries a derivative cannot be differentiated
  return a.d * x;
}
