// RUN: rm -f %t.out.c
// RUN: not %fgcc %s --width 8 -o %t.out.c 2>&1 | FileCheck %s
// RUN: test ! -e %t.out.c
// Vector mode calls a user derivative (width 1) once per direction, which
// works for scalar tangents; the interleaved tangents of a pointer argument
// cannot be handed to it without copies: refused, at the call.
#include <fgcc.h>

double sum(const double *x, int n);
FG_JVP(sum) double sum_jvp(const double *x, const double *x_dot, int n, double *ret_dot);

FG_DIFF double f(const double *x, int n) {
  // CHECK: refuse_vec_user_jvp.c:[[@LINE+1]]:10: error: vector mode (--width 8) does not support passing the tangents of pointer argument 2 to the derivative 'sum_jvp' (width 1; FG_JVP) yet
  return sum(x, n) * 2;
}
