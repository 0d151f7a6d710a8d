// RUN: rm -f %t.out.c
// RUN: not %fgcc %s -o %t.out.c 2>&1 | FileCheck %s
// RUN: test ! -e %t.out.c
// Calls through a function pointer (a parameter, a struct member, a local)
// with arguments that carry a derivative are refused at the call, with the
// way out (call the function by name).
#include <fgcc.h>

struct ops { double (*fn)(double); };
static double sq(double x) { return x * x; }

FG_DIFF double f(double (*g)(double), double x) {
  // CHECK: refuse_fnptr_call.c:[[@LINE+1]]:10: error: call through a function pointer cannot be differentiated; call the function by name so fgcc can differentiate it
  return g(x);
}

FG_DIFF double h(const struct ops *o, double x) {
  // CHECK: refuse_fnptr_call.c:[[@LINE+1]]:10: error: call through a function pointer cannot be differentiated; call the function by name
  return o->fn(x) * x;
}

FG_DIFF double k(double x) {
  double (*p)(double) = sq;
  // CHECK: refuse_fnptr_call.c:[[@LINE+1]]:10: error: call through a function pointer cannot be differentiated; call the function by name
  return p(x) + 1.0;
}
