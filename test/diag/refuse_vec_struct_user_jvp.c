// RUN: rm -f %t.out.c
// RUN: not %fgcc %s --width 4 -o %t.out.c 2>&1 | FileCheck %s
// RUN: test ! -e %t.out.c
// RUN: %fgcc %s -o %t.one.c
// Vector mode refuses to pass a struct's tangent to a width-1 user
// derivative (FG_JVP), which takes one direction's struct; width 1 calls it.
#include <fgcc.h>

struct vec { double x, y; };

double norm2(struct vec v);
FG_JVP(norm2) double my_norm2_jvp(struct vec v, struct vec v_dot, double *ret_dot) {
  *ret_dot = 2 * (v.x * v_dot.x + v.y * v_dot.y);
  return v.x * v.x + v.y * v.y;
}

FG_DIFF double f(double x) {
  struct vec v = {x, 2 * x};
  // CHECK: refuse_vec_struct_user_jvp.c:[[@LINE+1]]:{{[0-9]+}}: error: vector mode (--width 4) does not support passing the tangent of struct argument 1 to the user derivative 'my_norm2_jvp' yet
  return norm2(v) * x;
}
