// The _jvp calling convention, exactly: each active parameter followed by
// its tangent of the same type, inactive parameters alone, and for a
// floating result a final R *ret_dot (none for void or int results).
// RUN: %fgcc %s -o %t.c
// RUN: grep -v '^ *//' %t.c | FileCheck %s
// RUN: %cc -fsyntax-only %t.c
// RUN: %gcc -O2 -c %t.c -o %t.o
#include <fgcc.h>

struct pt { double x, y; int tag; };

FG_DIFF double scalar(double x, int n) { return x * n; }
FG_DIFF double cptr(const double *v, int n) { return v[n - 1] * v[0]; }
FG_DIFF void output(const double *v, double *w, int n) { w[n - 1] = 2 * v[0]; }
FG_DIFF double wrt_cptr(int n, const double *x, FG_WRT const double *w) { return x[n] * w[n]; }
FG_DIFF double sptr(struct pt *p) { return p->x * p->y; }
FG_DIFF double sval(struct pt p) { return p.x * p.y; }
FG_DIFF float flt(float a) { return a * a; }
FG_DIFF long double ldbl(long double a) { return a * a; }
FG_DIFF void vd(double a, double *o) { *o = a * a; }
FG_DIFF int in(double a) { return (int)a; }

// CHECK:      {{^}}double scalar_jvp(double x, double x_dot, int n, double *ret_dot);
// CHECK-NEXT: {{^}}double cptr_jvp(const double *v, const double *v_dot, int n, double *ret_dot);
// CHECK-NEXT: {{^}}void output_jvp(const double *v, const double *v_dot, double *w, double *w_dot, int n);
// CHECK-NEXT: {{^}}double wrt_cptr_jvp(int n, const double *x, const double *w, const double *w_dot, double *ret_dot);
// CHECK-NEXT: {{^}}double sptr_jvp(struct pt *p, struct pt *p_dot, double *ret_dot);
// CHECK-NEXT: {{^}}double sval_jvp(struct pt p, struct pt p_dot, double *ret_dot);
// CHECK-NEXT: {{^}}float flt_jvp(float a, float a_dot, float *ret_dot);
// CHECK-NEXT: {{^}}long double ldbl_jvp(long double a, long double a_dot, long double *ret_dot);
// CHECK-NEXT: {{^}}void vd_jvp(double a, double a_dot, double *o, double *o_dot);
// CHECK-NEXT: {{^}}int in_jvp(double a, double a_dot);
// CHECK-LABEL: {{^}}double sptr_jvp(struct pt *p, struct pt *p_dot, double *ret_dot){{$}}
// CHECK-NEXT:  {{^}}{
// CHECK-NEXT:  {{^}}    *ret_dot = p_dot->x * p->y + p->x * p_dot->y;
// CHECK-LABEL: {{^}}double sval_jvp(struct pt p, struct pt p_dot, double *ret_dot){{$}}
// CHECK-NEXT:  {{^}}{
// CHECK-NEXT:  {{^}}    *ret_dot = p_dot.x * p.y + p.x * p_dot.y;
// CHECK-LABEL: {{^}}int in_jvp(double a, double a_dot){{$}}
// CHECK-NEXT:  {{^}}{
// CHECK-NEXT:  {{^}}    (void)a_dot;
// CHECK-NEXT:  {{^}}    return (int)a;
// CHECK-NEXT:  {{^}}}
