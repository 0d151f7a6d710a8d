// Vector mode (--width 4): a shadow buffer holds 4 values per element, so
// its malloc and the memcpy that mirrors the primal's take 4 times the
// primal's bytes; the primal calls keep theirs.
// RUN: %fgcc %s --width 4 --no-chunks -o %t.c
// RUN: grep -v '^ *//' %t.c | FileCheck %s
// RUN: %cc -fsyntax-only %t.c
// RUN: %gcc -O2 -c %t.c -o %t.o
#include <fgcc.h>
#include <stdlib.h>
#include <string.h>

FG_DIFF double f(const double *x, int n) {
  double *buf = malloc(sizeof(double) * n);
  memcpy(buf, x, sizeof(double) * n);
  double t = buf[0] * buf[n - 1];
  free(buf);
  return t;
}
// CHECK:       {{^}}    double *buf = malloc(sizeof(double) * n);
// CHECK-NEXT:  {{^}}    fg_v4d *buf_dot = malloc(4 * (sizeof(double) * n));
// CHECK-NEXT:  {{^}}    memcpy(buf_dot, x_dot_v, 4 * (sizeof(double) * n));
// CHECK-NEXT:  {{^}}    memcpy(buf, x, sizeof(double) * n);
// CHECK:       {{^}}    free(buf_dot);
// CHECK-NEXT:  {{^}}    free(buf);
