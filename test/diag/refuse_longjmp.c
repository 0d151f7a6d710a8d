// RUN: rm -f %t.out.c
// RUN: not %fgcc %s -o %t.out.c 2>&1 | FileCheck %s
// RUN: test ! -e %t.out.c
// longjmp in a differentiated function is refused, at the call.
#include <fgcc.h>
#include <setjmp.h>

static jmp_buf env;

FG_DIFF double f(double x) {
  if (x > 0)
    // CHECK: refuse_longjmp.c:[[@LINE+1]]:5: error: 'longjmp' cannot be differentiated: non-local jumps are not supported
    longjmp(env, 1);
  return x * x;
}
