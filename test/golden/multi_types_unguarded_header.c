// A header without include guard that both inputs #include (point): out.c
// includes it once, where the first input does; the second input's
// #include line becomes a comment naming the header and that input. The
// output compiles warning-free.
// RUN: %fgcc %s %S/Inputs/multi_types_other.c -o %t.c
// RUN: grep -v '^ *//' %t.c | FileCheck %s
// RUN: %cc -fsyntax-only %t.c
// RUN: %gcc -O2 -c %t.c -o %t.o
#include <fgcc.h>
#include "Inputs/multi_types_unguarded.h"

struct weights { double w1, w2; };
typedef double real;

real dot(point p, struct weights w);

FG_DIFF double f(double x) { point p = {x, x * x}; struct weights w = {2.0, 3.0}; return dot(p, w); }

// CHECK:      /* ======== {{.*}}multi_types_unguarded_header.c ======== */
// CHECK-NEXT: #include <fgcc.h>
// CHECK-NEXT: #include "{{.*}}Inputs/multi_types_unguarded.h"
// CHECK:      /* ======== {{.*}}multi_types_other.c ======== */
// CHECK-NEXT: {{^}}/* #include of multi_types_unguarded.h: above, in {{.*}}multi_types_unguarded_header.c (it has no include guard) */{{$}}
// CHECK-NOT:  #include "{{.*}}multi_types_unguarded.h"
// CHECK-LABEL: {{^}}double f_jvp(double x, double x_dot, double *ret_dot){{$}}
