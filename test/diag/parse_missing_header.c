// RUN: rm -f %t.out.c
// RUN: not %fgcc %s -o %t.out.c 2>&1 | FileCheck %s
// RUN: test ! -e %t.out.c
// A missing header is reported at the #include.
#include <fgcc.h>
// CHECK: parse_missing_header.c:[[@LINE+1]]:10: error: 'no_such_header.h' file not found
#include "no_such_header.h"

FG_DIFF double f(double x) { return x * x; }
