// f2c's "Parameter adjustments" (--x to index from 1) shift the shadow too,
// before the primal, and the loop indexes both with the primal index.
// RUN: %fgcc %s --fn dsum_ -o %t.c
// RUN: grep -v '^ *//' %t.c | FileCheck %s
// RUN: %cc -fsyntax-only %t.c
// RUN: %gcc -O2 -c %t.c -o %t.o
typedef double doublereal;
typedef long int integer;

doublereal dsum_(integer *n, doublereal *dx)
{
    integer i__1;
    doublereal ret_val;
    integer i__;

    --dx;

    ret_val = 0.;
    i__1 = *n;
    for (i__ = 1; i__ <= i__1; ++i__) {
	ret_val += dx[i__] * dx[i__];
    }
    return ret_val;
}
// CHECK:       {{^}}doublereal dsum_(integer *n, doublereal *dx);
// CHECK-LABEL: {{^}}doublereal dsum__jvp(integer *n, doublereal *dx, doublereal *dx_dot, doublereal *ret_dot){{$}}
// CHECK:       {{^}}    --dx_dot;
// CHECK-NEXT:  {{^}}    --dx;
// CHECK-NEXT:  {{^}}    ret_val_dot = 0;
// CHECK-NEXT:  {{^}}    ret_val = 0.;
// CHECK:       {{^}}        ret_val_dot += dx_dot[i__] * dx[i__] + dx[i__] * dx_dot[i__];
// CHECK-NEXT:  {{^}}        ret_val += dx[i__] * dx[i__];
// CHECK:       {{^}}    *ret_dot = ret_val_dot;
// CHECK-NEXT:  {{^}}    return ret_val;
