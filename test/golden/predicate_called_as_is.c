// A helper returning an int from a double (a predicate) cannot carry a
// derivative: it is called as it is, not given a _jvp version.
// RUN: %fgcc %s -o %t.c --fn f
// RUN: grep -v '^ *//' %t.c | FileCheck %s
// RUN: %cc -fsyntax-only %t.c
// RUN: %gcc -O2 -c %t.c -o %t.o
static int is_neg(double x) { return x < 0; }
double f(double x) { return is_neg(x) ? -x : x * x; }
// CHECK-NOT: is_neg_jvp
// CHECK: {{^}}static int is_neg(double x) { return x < 0; }
// CHECK-LABEL: {{^}}double f_jvp(double x, double x_dot, double *ret_dot)
// CHECK: {{^}}    fg_t1 = is_neg(x);
// CHECK-NOT: is_neg_jvp
