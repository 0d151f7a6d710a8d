// RUN: rm -f %t.out.c
// RUN: not %fgcc %s -o %t.out.c 2>&1 | FileCheck %s
// RUN: test ! -e %t.out.c
// A call to a function with no body in this file and no built-in rule, with
// an argument that carries a derivative, is refused at the call, naming the
// way out (FG_JVP or --jvp).
#include <fgcc.h>

double g(double x);

FG_DIFF double f(double x) {
  // CHECK: refuse_external_call.c:[[@LINE+1]]:16: error: no derivative for 'g': it has no body in this file and no built-in rule; supply one with FG_JVP(g) or --jvp g=NAME
  return 2.0 * g(x);
}
