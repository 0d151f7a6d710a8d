// RUN: rm -f %t.out.c
// RUN: not %fgcc %s -o %t.out.c 2>&1 | FileCheck %s
// RUN: test ! -e %t.out.c
// Every clang error is reported (not only the first), in order, and a type
// error counts as an error.
#include <fgcc.h>

struct pt { double a; };

FG_DIFF double f(double x) {
  struct pt p = {x};
  // CHECK: parse_several_errors.c:[[@LINE+1]]:{{[0-9]+}}: error: no member named 'b' in 'struct pt'
  double y = p.b;
  // CHECK: parse_several_errors.c:[[@LINE+1]]:{{[0-9]+}}: error: invalid operands to binary expression
  return y * "text";
}
