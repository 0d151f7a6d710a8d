// A function fgcc cannot represent (inline assembly) does not stop the
// differentiation of others: it is copied as is when called without
// derivative content, and refused only when it would need a derivative.
// RUN: %fgcc %s -o %t.c
// RUN: %cc -c %t.c -o %t.o
// RUN: FileCheck %s < %t.c
// RUN: not %fgcc %s -DCALL_WITH_ACTIVE -o %t2.c 2>&1 | FileCheck %s --check-prefix=ERR
// RUN: test ! -e %t2.c
#include <fgcc.h>

static int opaque(int x) { __asm__(""); return x; }
// CHECK: static int opaque(int x) { __asm__(""); return x; }

double scale(double y) { __asm__(""); return y; }
// CHECK: double scale(double y);

FG_DIFF double f(double x) {
#ifdef CALL_WITH_ACTIVE
  // ERR: unrepresentable_body_only_matters_if_differentiated.c:14:26: error: cannot differentiate 'scale': inline assembly cannot be differentiated
  // ERR: note: 'scale' is called here with arguments that carry a derivative
  return scale(x);
#else
  return x * x + opaque(2);
#endif
}
// CHECK-LABEL: double f_jvp(double x, double x_dot, double *ret_dot)
// CHECK: fg_t1 = opaque(2);
// CHECK: *ret_dot = x_dot * x + x * x_dot;
