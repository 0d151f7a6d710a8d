// An active pointer from malloc gets a shadow from malloc of the same size,
// not zeroed (each store into p[i] writes p_dot[i], as for the primal):
// declared primal then shadow; assigned shadow then primal. An uninitialised
// pointer's shadow is uninitialised too.
// RUN: %fgcc %s -o %t.c
// RUN: grep -v '^ *//' %t.c | FileCheck %s
// RUN: %cc -fsyntax-only %t.c
// RUN: %gcc -O2 -c %t.c -o %t.o
#include <fgcc.h>
#include <stdlib.h>

FG_DIFF double f(double x, int n) {
  double *p = malloc(n * sizeof *p);
  double *q;
  q = malloc(8 * n);
  p[0] = x;
  q[0] = p[0] * x;
  double r = q[0];
  free(q);
  free(p);
  return r;
}
// CHECK-LABEL: {{^}}double f_jvp(double x, double x_dot, int n, double *ret_dot){{$}}
// CHECK:       {{^}}    double *p = malloc(n * sizeof(*p));
// CHECK-NEXT:  {{^}}    double *p_dot = malloc(n * sizeof(*p));
// CHECK-NEXT:  {{^}}    double *q;
// CHECK-NEXT:  {{^}}    double *q_dot;{{$}}
// CHECK-NEXT:  {{^}}    q_dot = malloc(8 * n);
// CHECK-NEXT:  {{^}}    q = malloc(8 * n);
// CHECK-NEXT:  {{^}}    p_dot[0] = x_dot;
// CHECK-NEXT:  {{^}}    p[0] = x;
