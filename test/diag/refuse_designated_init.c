// RUN: rm -f %t.out.c
// RUN: not %fgcc %s -o %t.out.c 2>&1 | FileCheck %s
// RUN: test ! -e %t.out.c
// A designated initializer holding a value that carries a derivative is
// refused at the initializer.
#include <fgcc.h>

struct pt { double a, b; };

FG_DIFF double f(double x) {
  // CHECK: refuse_designated_init.c:[[@LINE+1]]:17: error: {{.*}}designated initializer{{.*}} cannot hold floating-point data in a differentiated function
  struct pt p = {.b = x, .a = 1.0};
  return p.a * p.b;
}
