// RUN: rm -f %t.out.c
// RUN: not %fgcc %s --width 4 -o %t.out.c 2>&1 | FileCheck %s
// RUN: test ! -e %t.out.c
// RUN: %fgcc %s -o %t.one.c
// Vector mode refuses a struct initializer that leaves out the braces of a
// nested struct: the tangent struct leaves out the int member, so the
// elements could not be matched to its members. Width 1 accepts it.
#include <fgcc.h>

struct vec { double x, y; };
struct body { int id; struct vec pos; double mass; };

FG_DIFF double f(double x) {
  // CHECK: refuse_vec_struct_elided_braces.c:[[@LINE+1]]:{{[0-9]+}}: error: vector mode (--width 4) does not support an initializer of a struct that leaves out the braces of a nested struct or array yet
  struct body b = {1, x, 2 * x, x * x};
  return b.pos.x * b.pos.y + b.mass;
}
