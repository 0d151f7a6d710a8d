// memcpy between active buffers copies the shadows too (same size, shadow
// first); a memcpy from inactive data into an active buffer zeroes the
// destination's shadow with memset.
// RUN: %fgcc %s -o %t.c
// RUN: grep -v '^ *//' %t.c | FileCheck %s
// RUN: %cc -fsyntax-only %t.c
// RUN: %gcc -O2 -c %t.c -o %t.o
#include <fgcc.h>
#include <string.h>

static const double tbl[4] = {1, 2, 3, 4};

FG_DIFF void f(FG_WRT const double *x, double *y, double *z, int n) {
  memcpy(y, x, n * sizeof(double));
  memcpy(z, tbl, 4 * sizeof(double));
}
// CHECK-LABEL: {{^}}void f_jvp(const double *x, const double *x_dot, double *y, double *y_dot, double *z, double *z_dot, int n){{$}}
// CHECK-NEXT:  {{^}}{
// CHECK-NEXT:  {{^}}    memcpy(y_dot, x_dot, n * {{\(?}}sizeof{{ ?}}({{ ?}}double{{ ?}}){{\)?}});
// CHECK-NEXT:  {{^}}    memcpy(y, x, n * {{\(?}}sizeof{{ ?}}({{ ?}}double{{ ?}}){{\)?}});
// CHECK-NEXT:  {{^}}    memset(z_dot, 0, 4 * {{\(?}}sizeof{{ ?}}({{ ?}}double{{ ?}}){{\)?}});
// CHECK-NEXT:  {{^}}    memcpy(z, tbl, 4 * {{\(?}}sizeof{{ ?}}({{ ?}}double{{ ?}}){{\)?}});
// CHECK-NEXT:  {{^}}}
