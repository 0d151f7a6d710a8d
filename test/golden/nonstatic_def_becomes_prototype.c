// Each non-static function definition of in.c becomes a prototype in out.c
// (the definition stays in in.o), differentiated or not; the rest of the
// text (includes, macros, types) is kept.
// RUN: %fgcc %s -o %t.c
// RUN: grep -v '^ *//' %t.c | FileCheck %s
// RUN: %cc -fsyntax-only %t.c
// RUN: %gcc -O2 -c %t.c -o %t.o
#include <fgcc.h>
#include <math.h>

#define SCALE 2.0
typedef double real;
struct box { real lo, hi; };

real width(const struct box *b) { return b->hi - b->lo; }

int count(int n) {
  return n + 1;
}

FG_DIFF real f(real x) { return SCALE * sin(x); }
// CHECK:      {{^}}#include <fgcc.h>
// CHECK-NEXT: {{^}}#include <math.h>
// CHECK:      {{^}}#define SCALE 2.0
// CHECK-NEXT: {{^}}typedef double real;
// CHECK-NEXT: {{^}}struct box { real lo, hi; };
// CHECK:      {{^}}real width(const struct box *b);
// CHECK:      {{^}}int count(int n);
// CHECK:      {{^}}real f(real x);
// CHECK-NOT:  b->hi - b->lo
// CHECK-NOT:  return n + 1;
// CHECK:       {{^}}real f_jvp(real x, real x_dot, real *ret_dot);
// CHECK-LABEL: {{^}}real f_jvp(real x, real x_dot, real *ret_dot){{$}}
// CHECK:       {{^}}    [[T:fg_t[0-9]+]] = sin(x);
// CHECK-NEXT:  {{^}}    *ret_dot = SCALE * (cos(x) * x_dot);
// CHECK-NEXT:  {{^}}    return SCALE * [[T]];
