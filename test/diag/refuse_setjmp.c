// RUN: rm -f %t.out.c
// RUN: not %fgcc %s -o %t.out.c 2>&1 | FileCheck %s
// RUN: test ! -e %t.out.c
// setjmp in a differentiated function is refused (a non-local jump cannot be
// followed by forward mode), at the call.
#include <fgcc.h>
#include <setjmp.h>

static jmp_buf env;

FG_DIFF double f(double x) {
  // CHECK: refuse_setjmp.c:[[@LINE+1]]:7: error: '{{_?}}setjmp' cannot be differentiated: non-local jumps are not supported
  if (setjmp(env))
    return x;
  return x * x;
}
