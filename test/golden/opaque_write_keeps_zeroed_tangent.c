// Storage that a call may write without writing its tangent keeps a zeroed
// tangent: a local array and a malloc'd buffer passed as void * to a
// helper called as it is (calloc for the shadow), an array cleared by memset
// through a char * cast the differentiator does not follow. An array only
// ever stored into directly gets none.
// RUN: %fgcc %s -o %t.c
// RUN: grep -v '^ *//' %t.c | FileCheck %s
// RUN: %cc -fsyntax-only %t.c
// RUN: %gcc -O2 -c %t.c -o %t.o
#include <fgcc.h>
#include <stdlib.h>
#include <string.h>

static void fill(void *p, int n) {
  double *q = p;
  for (int i = 0; i < n; i++)
    q[i] = i;
}

FG_DIFF double f(double x) {
  double a[4];
  fill(a, 4);
  a[0] = x;
  double *b = malloc(4 * sizeof *b);
  fill(b, 4);
  b[0] = x;
  double c[4];
  memset((char *)c, 0, sizeof c);
  c[0] = x;
  double d[4];
  d[0] = x;
  double r = a[1] * b[1] * c[1] * d[0];
  free(b);
  return r;
}
// CHECK-LABEL: {{^}}double f_jvp(double x, double x_dot, double *ret_dot){{$}}
// CHECK:       {{^}}    double a_dot[4] = {0};
// CHECK-NEXT:  {{^}}    fill(a, 4);
// CHECK:       {{^}}    double *b = malloc(4 * sizeof(*b));
// CHECK-NEXT:  {{^}}    double *b_dot = calloc(1, 4 * sizeof(*b));
// CHECK-NEXT:  {{^}}    fill(b, 4);
// CHECK:       {{^}}    double c_dot[4] = {0};
// CHECK-NEXT:  {{^}}    memset((char *)c, 0, sizeof(c));
// CHECK:       {{^}}    double d_dot[4];{{$}}
