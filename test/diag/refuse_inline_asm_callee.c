// RUN: rm -f %t.out.c
// RUN: not %fgcc %s -o %t.out.c 2>&1 | FileCheck %s
// RUN: test ! -e %t.out.c
// Inline assembly in a helper that must be differentiated (it is called with
// an active argument): the error is at the asm, a note at the call.
#include <fgcc.h>

static double h(double x) {
  double y = x;
  // CHECK: refuse_inline_asm_callee.c:[[@LINE+1]]:3: error: cannot differentiate 'h': inline assembly cannot be differentiated
  __asm__ volatile("" : "+m"(y));
  return y;
}

FG_DIFF double f(double x) {
  // CHECK: refuse_inline_asm_callee.c:[[@LINE+1]]:10: note: 'h' is called here with arguments that carry a derivative
  return h(x) * x;
}
