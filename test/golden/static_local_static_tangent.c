// A static local that becomes active gets a static tangent (zero-initialised,
// living as long as the primal); an inactive static local gets none.
// RUN: %fgcc %s -o %t.c
// RUN: grep -v '^ *//' %t.c | FileCheck %s
// RUN: %cc -fsyntax-only %t.c
// RUN: %gcc -O2 -c %t.c -o %t.o
#include <fgcc.h>

FG_DIFF double f(double x) {
  static double acc = 1.0;
  static int calls = 0;
  calls++;
  acc *= x;
  return acc + calls;
}
// CHECK-LABEL: {{^}}double f_jvp(double x, double x_dot, double *ret_dot){{$}}
// CHECK-DAG:   {{^}}    static double acc = 1.0;
// CHECK-DAG:   {{^}}    static double acc_dot;
// CHECK-DAG:   {{^}}    static int calls = 0;
// CHECK:       {{^}}    calls++;
// CHECK-NEXT:  {{^}}    acc_dot = acc_dot * x + acc * x_dot;
// CHECK-NEXT:  {{^}}    acc *= x;
// CHECK-NEXT:  {{^}}    *ret_dot = acc_dot;
// CHECK-NEXT:  {{^}}    return acc + calls;
// CHECK-NOT:   calls_dot
