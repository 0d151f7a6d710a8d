// RUN: rm -f %t.out.c
// RUN: not %fgcc %s -o %t.out.c 2>&1 | FileCheck %s
// RUN: test ! -e %t.out.c
// An active value written through a global pointer: fgcc cannot know what gp
// points to, so it cannot give its target a tangent. It must refuse (the
// tangent it would invent, a static `double *gp_dot` nobody sets, is NULL).
#include <fgcc.h>

// CHECK: refuse_global_pointer.c:[[@LINE+1]]:16: error: global 'gp' holds a pointer to data that carries a derivative
extern double *gp;

FG_DIFF double f(double x) {
  gp[0] = x;
  return gp[0] * x;
}
