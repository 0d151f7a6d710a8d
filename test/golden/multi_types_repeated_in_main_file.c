// A type that the second input defines again, the same way (struct weights
// and real, written in both files): out.c keeps the first input's
// definition, and in the second file's text the definition's lines become a
// comment saying where it is. The output compiles warning-free.
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

// CHECK:      /* ======== {{.*}}multi_types_repeated_in_main_file.c ======== */
// CHECK:      {{^}}struct weights { double w1, w2; };{{$}}
// CHECK-NEXT: {{^}}typedef double real;{{$}}
// CHECK:      /* ======== {{.*}}multi_types_other.c ======== */
// CHECK:      {{^}}/* struct weights: defined above, in {{.*}}multi_types_repeated_in_main_file.c */{{$}}
// CHECK-NEXT: {{^}}/* real: defined above, in {{.*}}multi_types_repeated_in_main_file.c */{{$}}
// CHECK-NOT:  struct weights {
// CHECK-NOT:  typedef double real
// CHECK-LABEL: {{^}}double f_jvp(double x, double x_dot, double *ret_dot){{$}}
