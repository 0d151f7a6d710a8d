// Two inputs with a static sq() each, and a static k each: every one of
// them becomes NAME__STEM (the file name without folder and extension), in
// the IR and, through #define ... #undef around that file's text, in the
// copied text. The header's static inline twice() is read by both files and
// stays one function under its own name. other() is defined in the second
// file and differentiated from its body. --fn names a function of the
// second file.
// RUN: %fgcc %s %S/Inputs/multi_static_other.c -o %t.c
// RUN: grep -v '^ *//' %t.c | FileCheck %s
// RUN: %cc -I%S/Inputs -fsyntax-only %t.c
// RUN: %gcc -I%S/Inputs -O2 -c %t.c -o %t.o
// RUN: %fgcc %s %S/Inputs/multi_static_other.c --fn other -o %t.fn.c
// RUN: grep -v '^ *//' %t.fn.c | FileCheck %s --check-prefix=FN
#include <fgcc.h>
#include "Inputs/multi_shared.h"

static double k = 0.5;

static double sq(double t) { return k * t * t; }

FG_DIFF double f(double x) { return sq(x) + other(twice(x)) + sq(k); }

// CHECK:      /* ======== {{.*}}multi_static_names.c ======== */
// CHECK-NEXT: #define k k__multi_static_names /* static in {{.*}}multi_static_names.c */
// CHECK-NEXT: #define sq sq__multi_static_names /* static in {{.*}}multi_static_names.c */
// CHECK:      static double k = 0.5;
// CHECK:      static double sq(double t) { return k * t * t; }
// CHECK:      double f(double x);
// CHECK:      #undef k
// CHECK-NEXT: #undef sq
// CHECK:      /* ======== {{.*}}multi_static_other.c ======== */
// CHECK-NEXT: #define k k__multi_static_other /* static in {{.*}}multi_static_other.c */
// CHECK-NEXT: #define sq sq__multi_static_other /* static in {{.*}}multi_static_other.c */
// CHECK:      static double k = 3.0;
// CHECK:      static double sq(double t) { return t * t + k; }
// CHECK:      double other(double u);
// CHECK:      #undef k
// CHECK-NEXT: #undef sq
// CHECK-LABEL: {{^}}double f_jvp(double x, double x_dot, double *ret_dot){{$}}
// CHECK:       sq__multi_static_names_jvp(x, x_dot, &
// CHECK:       twice_jvp(x, x_dot, &
// CHECK:       other_jvp(
// CHECK:       sq__multi_static_names(k__multi_static_names)
// CHECK-LABEL: {{^}}static double sq__multi_static_names_jvp(double t, double t_dot, double *ret_dot){{$}}
// CHECK-LABEL: {{^}}static double other_jvp(double u, double u_dot, double *ret_dot){{$}}
// CHECK:       sq__multi_static_other_jvp(u, u_dot, &
// CHECK:       sq__multi_static_other(k__multi_static_other)
// CHECK-NOT:   twice__
// CHECK-NOT:   twice_jvp_
// FN-LABEL:    {{^}}double other_jvp(double u, double u_dot, double *ret_dot){{$}}
