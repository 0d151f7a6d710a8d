// RUN: rm -f %t.out.c
// RUN: not %fgcc %s -o %t.out.c 2>&1 | FileCheck %s
// RUN: test ! -e %t.out.c
// A call to a function with no body that receives a pointer to data carrying
// a derivative (it may read or write it) is refused at the argument, naming
// the way out.
#include <fgcc.h>

void g(double *v, int n);

FG_DIFF double f(double x) {
  double v[2] = {x, x};
  // CHECK: refuse_external_pointer_arg.c:[[@LINE+1]]:5: error: cannot differentiate the call to 'g': it receives a pointer to data that carries a derivative and has no body in this file; supply a derivative with FG_JVP(g) or --jvp g=NAME
  g(v, 2);
  return v[0];
}
