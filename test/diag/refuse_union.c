// RUN: rm -f %t.out.c
// RUN: not %fgcc %s -o %t.out.c 2>&1 | FileCheck %s
// RUN: test ! -e %t.out.c
// A union that would hold a value carrying a derivative is refused, with the
// way out (use a struct).
#include <fgcc.h>

union u { double d; long l; };

FG_DIFF double f(double x) {
  // CHECK: refuse_union.c:[[@LINE+1]]:11: error: union 'a' would hold floating-point data that carries a derivative; unions cannot be differentiated (use a struct)
  union u a;
  a.d = x;
  return (double)a.l;
}
