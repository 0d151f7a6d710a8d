// --dump=ir prints the parsed IR to stdout (globals, then each function
// with its parameters and an indented statement/expression tree, types in
// quotes, source lines after @) and writes no output file, even with -o.
// RUN: rm -f %t.c
// RUN: %fgcc %s --dump=ir | FileCheck %s
// RUN: %fgcc %s --dump ir -o %t.c | FileCheck %s
// RUN: test ! -e %t.c
#include <fgcc.h>

static double k = 2.0;

FG_DIFF double f(double x, int n) {
  double y = x * k;
  if (n > 0)
    y += x;
  return y;
}
// CHECK:      {{^}}global static-global k 'double'
// CHECK-NEXT: {{^}}func f diff returns 'double'
// CHECK-NEXT: {{^}}  param x 'double'
// CHECK-NEXT: {{^}}  param n 'int'
// CHECK-NEXT: {{^}}  block @12
// CHECK-NEXT: {{^}}    decl local y 'double' @13
// CHECK-NEXT: {{^}}      binary * 'double'
// CHECK-NEXT: {{^}}        var x 'double'
// CHECK-NEXT: {{^}}        var k 'double'
// CHECK-NEXT: {{^}}    if @14
// CHECK-NEXT: {{^}}      binary > 'int'
// CHECK-NEXT: {{^}}        var n 'int'
// CHECK-NEXT: {{^}}        num 0 'int'
// CHECK-NEXT: {{^}}      expr @15
// CHECK-NEXT: {{^}}        assign + 'double'
// CHECK-NEXT: {{^}}          var y 'double'
// CHECK-NEXT: {{^}}          var x 'double'
// CHECK-NEXT: {{^}}    return @16
// CHECK-NEXT: {{^}}      var y 'double'
// CHECK-NOT:  {{.}}
