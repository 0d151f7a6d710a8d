// Vector mode (--width 4): the vector types first, the function named
// f_jvp4 with flat tangent pointers (a scalar's tangent points to its 4
// values), vector views of them at the top of the body, and one tangent
// statement per primal statement on whole vectors.
// RUN: %fgcc %s --width 4 --no-chunks -o %t.c
// RUN: grep -v '^ *//' %t.c | FileCheck %s
// RUN: %cc -fsyntax-only %t.c
// RUN: %gcc -O2 -c %t.c -o %t.o
#include <fgcc.h>
#include <math.h>

FG_DIFF double f(const double *w, double s, int n) {
  double t = 0;
  for (int i = 0; i < n; i++)
    t += exp(w[i]) * s;
  return t;
}
// CHECK:       {{^}}typedef double fg_v4d __attribute__((vector_size(32), aligned(8)));{{$}}
// CHECK-NEXT:  {{^}}typedef float fg_v4f __attribute__((vector_size(16), aligned(4)));{{$}}
// CHECK:       {{^}}double f_jvp4(const double *w, const double *w_dot, double s, const double *s_dot, int n, double *ret_dot){{$}}
// CHECK-NEXT:  {{^}}{
// CHECK-NEXT:  {{^}}    const fg_v4d *w_dot_v = (const fg_v4d *)w_dot;
// CHECK-NEXT:  {{^}}    fg_v4d s_dot_v = *(const fg_v4d *)s_dot;
// CHECK-NEXT:  {{^}}    fg_v4d *ret_dot_v = (fg_v4d *)ret_dot;
// CHECK-NEXT:  {{^}}    double [[E:fg_t[0-9]+]];
// CHECK-NEXT:  {{^}}    double t = 0;
// CHECK-NEXT:  {{^}}    fg_v4d t_dot = (fg_v4d){0};
// CHECK-NEXT:  {{^}}    for (int i = 0; i < n; i++) {
// CHECK-NEXT:  {{^}}        [[E]] = exp(w[i]);
// CHECK-NEXT:  {{^}}        t_dot += [[E]] * w_dot_v[i] * s + [[E]] * s_dot_v;
// CHECK-NEXT:  {{^}}        t += [[E]] * s;
// CHECK-NEXT:  {{^}}    }
// CHECK-NEXT:  {{^}}    *ret_dot_v = t_dot;
// CHECK-NEXT:  {{^}}    return t;
// CHECK-NEXT:  {{^}}}
