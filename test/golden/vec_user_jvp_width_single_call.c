// A width-4 user derivative (FG_JVP_WIDTH(wdot, 4)) at --width 4 is called
// once per call of wdot, each tangent a flat pointer as NAME_jvp4 takes it:
// a pointer's widened tangent cast to the parameter's type, a scalar's
// vector through a temporary ((const double *)&tmp), the result's tangent
// through (double *)&t. The inactive pointer c gets a null tangent (0), the
// inactive scalar 2.0 a temporary of 4 zeros.
// RUN: %fgcc %s --width 4 --no-chunks -o %t.c
// RUN: grep -v '^ *//' %t.c | FileCheck %s
// RUN: %cc -fsyntax-only %t.c
// RUN: %gcc -O2 -c %t.c -o %t.o
#include <fgcc.h>

double wdot(const double *x, const double *c, double s, double *out, int n);
FG_JVP_WIDTH(wdot, 4)
double wdot_jvp4(const double *x, const double *x_dot, const double *c, const double *c_dot, double s,
                 const double *s_dot, double *out, double *out_dot, int n, double *ret_dot);

FG_DIFF double f(FG_WRT const double *x, FG_WRT double s, const double *c, double *out, int n) {
  return wdot(x, c, s * s, out, n) + wdot(c, c, 2.0, out + n, n);
}
// CHECK-LABEL: {{^}}double f_jvp4(const double *x, const double *x_dot1, double s, const double *s_dot1, const double *c, double *out, double *out_dot1, int n, double *ret_dot1){{$}}
// CHECK-NEXT:  {{^}}{
// CHECK-NEXT:  {{^}}    fg_v4d [[A1:fg_arg[0-9]+]];
// CHECK-NEXT:  {{^}}    fg_v4d [[A2:fg_arg[0-9]+]];
// CHECK-NEXT:  {{^}}    const fg_v4d *x_dot1_v = (const fg_v4d *)x_dot1;
// CHECK-NEXT:  {{^}}    fg_v4d s_dot1_v = *(const fg_v4d *)s_dot1;
// CHECK-NEXT:  {{^}}    fg_v4d *out_dot1_v = (fg_v4d *)out_dot1;
// CHECK-NEXT:  {{^}}    fg_v4d *ret_dot1_v = (fg_v4d *)ret_dot1;
// CHECK-NEXT:  {{^}}    fg_v4d [[R1:fg_t[0-9]+]];
// CHECK-NEXT:  {{^}}    double [[P1:fg_t[0-9]+]];
// CHECK-NEXT:  {{^}}    fg_v4d [[R2:fg_t[0-9]+]];
// CHECK-NEXT:  {{^}}    double [[P2:fg_t[0-9]+]];
// CHECK-NEXT:  {{^}}    [[P1]] = wdot_jvp4(x, (const double *)x_dot1_v, c, 0, s * s, ([[A1]] = s_dot1_v * s + s * s_dot1_v, (const double *)&[[A1]]), out, (double *)out_dot1_v, n, (double *)&[[R1]]);
// CHECK-NEXT:  {{^}}    [[P2]] = wdot_jvp4(c, 0, c, 0, 2.0, ([[A2]] = (fg_v4d){0}, (const double *)&[[A2]]), out + n, (double *)(out_dot1_v + n), n, (double *)&[[R2]]);
// CHECK-NEXT:  {{^}}    *ret_dot1_v = [[R1]] + [[R2]];
// CHECK-NEXT:  {{^}}    return [[P1]] + [[P2]];
// CHECK-NEXT:  {{^}}}
