// A callee that passes its array parameter where no tangent goes (a void *
// helper called as it is) marks the caller's array: its tangent is zeroed.
// RUN: %fgcc %s -o %t.c
// RUN: grep -v '^ *//' %t.c | FileCheck %s
// RUN: %cc -fsyntax-only %t.c
// RUN: %gcc -O2 -c %t.c -o %t.o
#include <fgcc.h>

static void fill(void *p, int n) {
  double *q = p;
  for (int i = 0; i < n; i++)
    q[i] = i;
}

static double g(double *a, double x) {
  fill(a, 4);
  a[0] = x;
  return a[0] * a[1];
}

static double h(double *a, double x) {
  a[0] = x;
  return a[0];
}

FG_DIFF double f(double x) {
  double a[4];
  double b[4];
  return g(a, x) + h(b, x);
}
// CHECK-LABEL: {{^}}double f_jvp(double x, double x_dot, double *ret_dot){{$}}
// CHECK:       {{^}}    double a_dot[4] = {0};
// CHECK:       {{^}}    double b_dot[4];{{$}}
