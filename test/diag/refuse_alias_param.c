// RUN: rm -f %t.out.c
// RUN: not %fgcc %s -o %t.out.c 2>&1 | FileCheck %s
// RUN: test ! -e %t.out.c
// A pointer parameter that is not active (x) may alias active data (through
// p, which points to w or x): refused at the parameter, with the way out.
#include <fgcc.h>

// CHECK: refuse_alias_param.c:[[@LINE+1]]:56: error: parameter 'x' of 'f' may point to data that carries a derivative; make it active (FG_WRT, or --fn f:...,x)
FG_DIFF double f(FG_WRT const double *w, const double *x, int c) {
  const double *p = c ? w : x;
  return p[0] * x[1];
}
