// A global written with an active value gets a file-scope static tangent in
// out.c, next to an extern declaration of the primal; a global only read, or
// written with inactive values, gets none.
// RUN: %fgcc %s -o %t.c
// RUN: grep -v '^ *//' %t.c | FileCheck %s
// RUN: %cc -fsyntax-only %t.c
// RUN: %gcc -O2 -c %t.c -o %t.o
#include <fgcc.h>

double g_state;
double g_scale = 2.0;
int g_count;

FG_DIFF double f(double x) {
  g_state = x * g_scale;
  g_count++;
  return g_state * x;
}
// CHECK:       {{^}}extern double g_state;
// CHECK:       {{^}}extern double g_scale;
// CHECK:       {{^}}extern int g_count;
// CHECK:       {{^}}static double g_state_dot; /* tangent of g_state */
// CHECK-LABEL: {{^}}double f_jvp(double x, double x_dot, double *ret_dot){{$}}
// CHECK-NEXT:  {{^}}{
// CHECK-NEXT:  {{^}}    g_state_dot = x_dot * g_scale;
// CHECK-NEXT:  {{^}}    g_state = x * g_scale;
// CHECK-NEXT:  {{^}}    g_count++;
// CHECK-NEXT:  {{^}}    *ret_dot = g_state_dot * x + g_state * x_dot;
// CHECK-NEXT:  {{^}}    return g_state * x;
// CHECK-NEXT:  {{^}}}
// CHECK-NOT:   {{g_scale_dot|g_count_dot}}
