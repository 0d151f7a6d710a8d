// RUN: rm -f %t.out.c
// RUN: not %fgcc %s --width 4 -o %t.out.c 2>&1 | FileCheck %s
// RUN: test ! -e %t.out.c
// RUN: %fgcc %s -o %t.one.c
// Vector mode refuses a struct that carries derivatives (its tangent would
// need K copies of the struct), naming the variable; width 1 accepts it.
#include <fgcc.h>

typedef struct { double a, b; } Pair;

FG_DIFF double f(double x) {
  // CHECK: refuse_vec_struct.c:[[@LINE+1]]:8: error: vector mode (--width 4) does not support structs or unions that carry derivatives yet
  Pair p = {x, 2 * x};
  return p.a * p.b;
}
