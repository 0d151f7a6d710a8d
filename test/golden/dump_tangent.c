// --dump=tangent prints the IR of the generated tangent functions to
// stdout (the _jvp with its tangent parameters, each primal statement
// preceded by its tangent statements) and writes no output file.
// RUN: rm -f %t.c
// RUN: %fgcc %s --dump=tangent | FileCheck %s
// RUN: %fgcc %s --dump=tangent -o %t.c | FileCheck %s
// RUN: test ! -e %t.c
#include <fgcc.h>

static double k = 2.0;

FG_DIFF double f(double x, int n) {
  double y = x * k;
  return y * n;
}
// CHECK-NOT:  {{^}}func f {{.*}}
// CHECK:      {{^}}func f_jvp returns 'double'
// CHECK-NEXT: {{^}}  param x 'double'
// CHECK-NEXT: {{^}}  param x_dot 'double'
// CHECK-NEXT: {{^}}  param n 'int'
// CHECK-NEXT: {{^}}  param ret_dot 'double *'
// CHECK-NEXT: {{^}}  block @12
// CHECK-NEXT: {{^}}    decl local y 'double' @13
// CHECK-NEXT: {{^}}      binary * 'double'
// CHECK-NEXT: {{^}}        var x 'double'
// CHECK-NEXT: {{^}}        var k 'double'
// CHECK-NEXT: {{^}}    decl local y_dot 'double' @13
// CHECK-NEXT: {{^}}      binary * 'double'
// CHECK-NEXT: {{^}}        var x_dot 'double'
// CHECK-NEXT: {{^}}        var k 'double'
// CHECK-NEXT: {{^}}    expr @14
// CHECK-NEXT: {{^}}      assign 'double'
// CHECK-NEXT: {{^}}        deref 'double'
// CHECK-NEXT: {{^}}          var ret_dot 'double *'
// CHECK-NEXT: {{^}}        binary * 'double'
// CHECK-NEXT: {{^}}          var y_dot 'double'
// CHECK-NEXT: {{^}}          cast implicit 'double'
// CHECK-NEXT: {{^}}            var n 'int'
// CHECK-NEXT: {{^}}    return @14
// CHECK-NEXT: {{^}}      binary * 'double'
// CHECK-NEXT: {{^}}        var y 'double'
// CHECK-NEXT: {{^}}        cast implicit 'double'
// CHECK-NEXT: {{^}}          var n 'int'
// CHECK-NOT:  {{.}}
