// RUN: rm -f %t.out.c
// RUN: not %fgcc %s -o %t.out.c 2>&1 | FileCheck %s
// RUN: test ! -e %t.out.c
// A GNU statement expression is refused at the expression.
#include <fgcc.h>

FG_DIFF double f(double x) {
  // CHECK: refuse_stmt_expr.c:[[@LINE+1]]:14: error: cannot differentiate 'f': statement expressions ({ ... }) are not supported
  double y = ({ double t = x * x; t + 1.0; });
  return y;
}
