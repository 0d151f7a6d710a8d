// RUN: rm -f %t.out.c
// --jvp G=G_JVP where G is not declared, then where G_JVP is not declared;
// an existing output file is left as it was.
// RUN: not %fgcc %s --jvp nosuch=g_jvp -o %t.out.c 2>&1 | FileCheck %s --check-prefix=FN
// RUN: test ! -e %t.out.c
// RUN: echo original contents > %t.out.c
// RUN: not %fgcc %s --jvp g=nosuch_jvp -o %t.out.c 2>&1 | FileCheck %s --check-prefix=JVP
// RUN: FileCheck %s --check-prefix=KEPT --input-file %t.out.c
// FN: fgcc: error: --jvp nosuch=g_jvp: no function named 'nosuch' is declared in {{.*}}jvp_option_missing.c
// JVP: fgcc: error: --jvp g=nosuch_jvp: no function named 'nosuch_jvp' is declared in {{.*}}jvp_option_missing.c
// KEPT: original contents
#include <fgcc.h>

double g(double x);
double g_jvp(double x, double x_dot, double *ret_dot);

FG_DIFF double f(double x) { return g(x) * x; }
