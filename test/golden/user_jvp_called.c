// A user derivative is called in place of differentiating the function:
// FG_JVP(g) on g_deriv, or --jvp h=h_deriv on the command line. The callee
// itself is neither differentiated nor copied; the call follows the _jvp
// convention (arguments with their tangents, &temporary for ret_dot). The
// user prototypes name a ret_dot, so the result tangent is ret_dot1.
// RUN: %fgcc %s --jvp h=h_deriv -o %t.c
// RUN: grep -v '^ *//' %t.c | FileCheck %s
// RUN: %cc -fsyntax-only %t.c
// RUN: %gcc -O2 -c %t.c -o %t.o
#include <fgcc.h>

double g(double a);
FG_JVP(g) double g_deriv(double a, double a_dot, double *ret_dot);

static double h(double a, double b) { return a * b; }
double h_deriv(double a, double a_dot, double b, double b_dot, double *ret_dot);

FG_DIFF double f(double x, double y) { return g(x * y) + h(y, x); }
// CHECK-NOT:   {{^}}static double h(
// CHECK-LABEL: {{^}}double f_jvp(double x, double x_dot, double y, double y_dot, double *ret_dot1){{$}}
// CHECK-NEXT:  {{^}}{
// CHECK-NEXT:  {{^}}    double [[GD:fg_t[0-9]+]];
// CHECK-NEXT:  {{^}}    double [[G:fg_t[0-9]+]];
// CHECK-NEXT:  {{^}}    double [[HD:fg_t[0-9]+]];
// CHECK-NEXT:  {{^}}    double [[H:fg_t[0-9]+]];
// CHECK-NEXT:  {{^}}    [[G]] = g_deriv(x * y, x_dot * y + x * y_dot, &[[GD]]);
// CHECK-NEXT:  {{^}}    [[H]] = h_deriv(y, y_dot, x, x_dot, &[[HD]]);
// CHECK-NEXT:  {{^}}    *ret_dot1 = [[GD]] + [[HD]];
// CHECK-NEXT:  {{^}}    return [[G]] + [[H]];
// CHECK-NEXT:  {{^}}}
// CHECK-NOT:   {{g_jvp|h_jvp}}
