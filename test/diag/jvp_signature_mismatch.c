// RUN: rm -f %t.out.c
// RUN: not %fgcc %s -o %t.out.c 2>&1 | FileCheck %s
// RUN: test ! -e %t.out.c
// FG_JVP(g) on a function whose signature does not follow the _jvp
// convention for g (double g_jvp(double x, double x_dot, double *ret_dot)):
// fgcc must refuse at the declaration instead of writing a call that does not
// compile.
#include <fgcc.h>

double g(double x);
// CHECK: jvp_signature_mismatch.c:[[@LINE+1]]:{{[0-9]+}}: error: {{.*}}g_jvp
FG_JVP(g) double g_jvp(double x);

FG_DIFF double f(double x) { return g(x) * x; }
