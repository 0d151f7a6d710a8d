// RUN: rm -f %t.out.c
// RUN: not %fgcc %s -o %t.out.c 2>&1 | FileCheck %s
// RUN: test ! -e %t.out.c
// An undeclared identifier is reported in clang's words, at its use.
#include <fgcc.h>

FG_DIFF double f(double x) {
  // CHECK: parse_undeclared.c:[[@LINE+1]]:14: error: use of undeclared identifier 'y'
  return x * y;
}
