// RUN: rm -f %t.out.c
// RUN: not %fgcc %s --width 8 -o %t.out.c 2>&1 | FileCheck %s
// RUN: test ! -e %t.out.c
// Vector mode calls a width-1 user derivative (FG_JVP) once per direction,
// which works for scalar tangents; the interleaved tangents of a pointer
// argument cannot be handed to it without copies: refused, at the call,
// with a note on the width-K derivative that would take them
// (FG_JVP_WIDTH; vec_user_jvp_width_once.c).
#include <fgcc.h>

double sum(const double *x, int n);
FG_JVP(sum) double sum_jvp(const double *x, const double *x_dot, int n, double *ret_dot);

FG_DIFF double f(const double *x, int n) {
  // CHECK: refuse_vec_user_jvp.c:[[@LINE+3]]:10: error: vector mode (--width 8) does not support passing the tangents of pointer argument 2 to the width-1 derivative 'sum_jvp' (FG_JVP) yet
  // CHECK-NEXT: {{^}}  return sum(x, n) * 2;
  // CHECK-NEXT: {{^}}         ^
  return sum(x, n) * 2;
  // CHECK-NEXT: refuse_vec_user_jvp.c:[[@LINE-1]]:10: note: a derivative of 'sum' for this width takes them all in one call: declare it with FG_JVP_WIDTH(sum, 8) (docs/usage.md)
}
