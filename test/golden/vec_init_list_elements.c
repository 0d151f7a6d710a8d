// Vector mode (--width 4): each element of an initializer list of tangent
// storage is a vector; a constant's zero tangent is (fg_v4d){0}, also in a
// conditional's inactive branch.
// RUN: %fgcc %s --width 4 --no-chunks -o %t.c
// RUN: grep -v '^ *//' %t.c | FileCheck %s
// RUN: %cc -fsyntax-only %t.c
// RUN: %gcc -O2 -c %t.c -o %t.o
#include <fgcc.h>

FG_DIFF double f(double a, double b, int n) {
  double w[3] = {a, 1.5, n > 0 ? b : 2.0};
  return w[0] * w[1] + w[2];
}
// CHECK: {{^}}    fg_v4d w_dot[3] = {a_dot_v, (fg_v4d){0}, (n > 0) ? b_dot_v : (fg_v4d){0}};
