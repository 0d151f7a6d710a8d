// RUN: rm -f %t.out.c
// RUN: not %fgcc %s -o %t.out.c 2>&1 | FileCheck %s
// RUN: test ! -e %t.out.c
// A function with no body receives an active scalar and a pointer to storage
// that has no tangent yet; it may write a value depending on x there (y is
// then read). The call must be refused like any other external call carrying
// a derivative: compiling it with a zero derivative for y would be wrong.
#include <fgcc.h>

void g(double x, double *out);
int solve(double a, double *root);

FG_DIFF double f(double x) {
  double y;
  // CHECK: refuse_external_out_pointer.c:[[@LINE+1]]:{{[0-9]+}}: error: {{.*}}'g'{{.*}}FG_JVP(g) or --jvp g=NAME
  g(x, &y);
  return y;
}

FG_DIFF double h(double x) {
  double r = 0;
  // CHECK: refuse_external_out_pointer.c:[[@LINE+1]]:{{[0-9]+}}: error: {{.*}}'solve'{{.*}}FG_JVP(solve) or --jvp solve=NAME
  if (solve(x, &r))
    return 0;
  return r * r;
}
