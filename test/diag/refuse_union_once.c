// RUN: rm -f %t.out.c
// RUN: not %fgcc %s -o %t.out.c 2>&1 | FileCheck %s
// RUN: test ! -e %t.out.c
// Each union is refused once, where it first appears (its declaration, or the
// first use of a union parameter), not again at every use of its members
// (the shape of @stdlib's abs: a double stored into a union, its bits edited).
#include <fgcc.h>
#include <stdint.h>

typedef union { double value; struct { uint32_t low, high; } words; } words_t;
union u { double d; long l; };

FG_DIFF double bits_abs(double x) {
  // CHECK: refuse_union_once.c:[[@LINE+1]]:11: error: union 'w' would hold floating-point data that carries a derivative; unions cannot be differentiated (use a struct)
  words_t w;
  w.value = x;
  w.words.high &= 0x7fffffffu;
  return w.value;
}

FG_DIFF double param(union u a, double x) {
  // CHECK: refuse_union_once.c:[[@LINE+1]]:12: error: unions holding floating-point data that carries a derivative cannot be differentiated
  return a.d * x + a.d;
}
// CHECK-NOT: error:
