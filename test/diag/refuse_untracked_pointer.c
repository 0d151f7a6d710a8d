// RUN: rm -f %t.out.c
// RUN: not %fgcc %s -o %t.out.c 2>&1 | FileCheck %s
// RUN: test ! -e %t.out.c
// An existing output file is left untouched (this refusal comes from the
// differentiation stage, after the analysis):
// RUN: echo original contents > %t.out.c
// RUN: not %fgcc %s -o %t.out.c 2>/dev/null
// RUN: FileCheck %s --check-prefix=KEPT --input-file %t.out.c
// KEPT: original contents
// RUN: not ls %t.out.c.tmp*
//
// A pointer whose target fgcc cannot follow (returned by an external
// function, or by a helper) is stored where a derivative is carried.
#include <fgcc.h>

double *get_buf(void);
static double *pick(void) { return get_buf(); }

FG_DIFF double f(double x) {
  // CHECK: refuse_untracked_pointer.c:[[@LINE+1]]:15: error: cannot tell where this pointer points: it is stored where a derivative is carried, but it does not come from a variable, an array or malloc fgcc can follow
  double *p = get_buf();
  p[0] = x;
  return p[0] * 2.0;
}

FG_DIFF double g(double x) {
  double *p;
  // CHECK: refuse_untracked_pointer.c:[[@LINE+1]]:7: error: cannot tell where this pointer points
  p = pick();
  *p = x * x;
  return *p;
}
