// RUN: rm -f %t.out.c
// RUN: not %fgcc %s -o %t.out.c 2>&1 | FileCheck %s
// RUN: test ! -e %t.out.c
// Computed goto (GNU labels as values) is refused.
#include <fgcc.h>

FG_DIFF double f(double x, int k) {
  // CHECK: refuse_computed_goto.c:[[@LINE+1]]:{{[0-9]+}}: error: cannot differentiate 'f': computed goto is not supported
  void *t[] = {&&a, &&b};
  goto *t[k];
a:
  return x;
b:
  return x * x;
}
