// RUN: rm -f %t.out.c
// RUN: not %fgcc %s -o %t.out.c 2>&1 | FileCheck %s
// RUN: test ! -e %t.out.c
// No FG_DIFF and no --fn: the message says how to select a function.
// CHECK: fgcc: error: {{.*}}nothing_to_diff.c: nothing to differentiate: mark a function with FG_DIFF or name it with --fn

double f(double x) { return x * x; }
