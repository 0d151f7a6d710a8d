// RUN: rm -f %t.out.c
// RUN: not %fgcc %s -o %t.out.c 2>&1 | FileCheck %s
// RUN: test ! -e %t.out.c
// Inline assembly in a differentiated function is refused at the asm
// statement.
#include <fgcc.h>

FG_DIFF double f(double x) {
  double y = x;
  // CHECK: refuse_inline_asm.c:[[@LINE+1]]:3: error: cannot differentiate 'f': inline assembly cannot be differentiated
  __asm__ volatile("" : "+m"(y));
  return y * x;
}
