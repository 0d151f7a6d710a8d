// RUN: rm -f %t.out.c
// RUN: not %fgcc %s --width 4 -o %t.out.c 2>&1 | FileCheck %s
// RUN: test ! -e %t.out.c
// Vector mode refuses struct tangents for a width-K user derivative
// (FG_JVP_WIDTH): its declaration would have to name struct vec_dot4, which
// only out.c defines.
#include <fgcc.h>

struct vec { double x, y; };

double norm2(const struct vec *v);
FG_JVP_WIDTH(norm2, 4) double my_norm2_jvp4(const struct vec *v, const double *v_dot, double *ret_dot) {
  for (int k = 0; k < 4; k++)
    ret_dot[k] = 2 * (v->x * v_dot[k] + v->y * v_dot[4 + k]);
  return v->x * v->x + v->y * v->y;
}

FG_DIFF double f(double x) {
  struct vec v = {x, 2 * x};
  // CHECK: refuse_vec_struct_user_jvp_width.c:[[@LINE+1]]:{{[0-9]+}}: error: vector mode (--width 4) does not support struct tangents for the width-4 derivative 'my_norm2_jvp4' (FG_JVP_WIDTH) yet
  return norm2(&v) * x;
}
