// RUN: rm -f %t.out.c
// RUN: not %fgcc %s --width 8 -o %t.out.c 2>&1 | FileCheck %s
// RUN: test ! -e %t.out.c
// Vector mode refuses a call to a user derivative given tangents (it has
// the width-1 convention), at the call.
#include <fgcc.h>

double g(double x);
FG_JVP(g) double g_jvp(double x, double x_dot, double *ret_dot);

FG_DIFF double f(double x) {
  // CHECK: refuse_vec_user_jvp.c:[[@LINE+1]]:10: error: vector mode (--width 8) does not support calls to user derivatives ('g_jvp': FG_JVP or --jvp) yet
  return g(x * x) + 1;
}
