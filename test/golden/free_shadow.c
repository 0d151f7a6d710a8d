// free of an active pointer frees its shadow too, shadow first; free of an
// inactive pointer stays alone.
// RUN: %fgcc %s -o %t.c
// RUN: grep -v '^ *//' %t.c | FileCheck %s
// RUN: %cc -fsyntax-only %t.c
// RUN: %gcc -O2 -c %t.c -o %t.o
#include <fgcc.h>
#include <stdlib.h>

FG_DIFF double f(double x, int n) {
  double *p = malloc(n * sizeof(double));
  int *k = malloc(n * sizeof(int));
  k[0] = 1;
  p[0] = x * k[0];
  double r = p[0];
  free(p);
  free(k);
  return r;
}
// CHECK-LABEL: {{^}}double f_jvp(double x, double x_dot, int n, double *ret_dot){{$}}
// CHECK-NOT:   k_dot
// CHECK:       {{^}}    free(p_dot);
// CHECK-NEXT:  {{^}}    free(p);
// CHECK-NEXT:  {{^}}    free(k);
// CHECK-NEXT:  {{^}}    *ret_dot = r_dot;
