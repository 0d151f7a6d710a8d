// RUN: rm -f %t.out.c
// RUN: not %fgcc %s -o %t.out.c 2>&1 | FileCheck %s
// RUN: test ! -e %t.out.c
// An active value stored through a call's result (no named storage).
#include <fgcc.h>

double *get_buf(void);

FG_DIFF double f(double x) {
  // CHECK: refuse_untracked_lvalue.c:[[@LINE+1]]:3: error: cannot tell which variable this assignment writes to; fgcc needs the storage of an active value to be a named variable or array
  get_buf()[0] = x;
  return get_buf()[0] * x;
}
