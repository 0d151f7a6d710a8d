// RUN: rm -f %t.out.c
// RUN: not %fgcc %s -o %t.out.c 2>&1 | FileCheck %s
// RUN: test ! -e %t.out.c
// A C syntax error is reported in clang's format, at its line, and no output
// file is written.
#include <fgcc.h>

FG_DIFF double f(double x) {
  // CHECK: parse_error.c:[[@LINE+1]]:{{[0-9]+}}: error:
  return x * ;
}
