// RUN: rm -f %t.out.c
// RUN: not %fgcc %s --fn g -o %t.out.c 2>&1 | FileCheck %s
// RUN: test ! -e %t.out.c
// --fn naming a function that has no definition in the file (h is only
// declared, g does not exist).
// RUN: not %fgcc %s --fn h -o %t.out.c 2>&1 | FileCheck %s --check-prefix=DECL
// RUN: test ! -e %t.out.c
// CHECK: fgcc: error: --fn g: no definition of a function named 'g' in {{.*}}fn_missing.c
// DECL: fgcc: error: --fn h: no definition of a function named 'h' in {{.*}}fn_missing.c

double h(double x);
double f(double x) { return x * h(x); }
