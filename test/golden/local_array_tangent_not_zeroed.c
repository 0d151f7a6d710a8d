// A local array without an initializer gets a tangent without one: every
// store into z[j] writes z_dot[j] (here inside the sample loop, where a
// zeroing `= {0}` would cost a memset per sample).
// RUN: %fgcc %s -o %t.c
// RUN: grep -v '^ *//' %t.c | FileCheck %s
// RUN: %cc -fsyntax-only %t.c
// RUN: %gcc -O2 -c %t.c -o %t.o
#include <fgcc.h>

FG_DIFF double f(FG_WRT const double *w, const double *x, int n) {
  double s = 0.0;
  for (int i = 0; i < n; i++) {
    double z[4];
    for (int j = 0; j < 4; j++)
      z[j] = w[j] * x[i];
    for (int j = 0; j < 4; j++)
      s += z[j] * z[j];
  }
  return s;
}
// CHECK-LABEL: {{^}}double f_jvp(const double *w, const double *w_dot, const double *x, int n, double *ret_dot){{$}}
// CHECK:       {{^}}        double z[4];{{$}}
// CHECK-NEXT:  {{^}}        double z_dot[4];{{$}}
// CHECK-NEXT:  {{^}}        for (int j = 0; j < 4; j++) {
// CHECK-NEXT:  {{^}}            z_dot[j] = w_dot[j] * x[i];
// CHECK-NEXT:  {{^}}            z[j] = w[j] * x[i];
// CHECK-NOT:   {0}
