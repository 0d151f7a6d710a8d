// RUN: rm -f %t.out.c
// RUN: not %fgcc %s -o %t.out.c 2>&1 | FileCheck %s
// RUN: test ! -e %t.out.c
// This refusal comes from the last stage (the emitter): an existing output
// file is still left untouched.
// RUN: echo original contents > %t.out.c
// RUN: not %fgcc %s -o %t.out.c 2>/dev/null
// RUN: FileCheck %s --check-prefix=KEPT --input-file %t.out.c
// KEPT: original contents
// RUN: not ls %t.out.c.tmp*
#include <fgcc.h>

// CHECK: refuse_global_unknown_size.c:[[@LINE+1]]:15: error: the size of global 'tab' is not known here, so it cannot have a tangent
extern double tab[];

FG_DIFF double f(double x) {
  tab[0] = x;
  return tab[0] * x;
}
