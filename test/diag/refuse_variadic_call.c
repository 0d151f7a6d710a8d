// RUN: rm -f %t.out.c
// RUN: not %fgcc %s -o %t.out.c 2>&1 | FileCheck %s
// RUN: test ! -e %t.out.c
// A call to a user-defined variadic function with arguments that carry a
// derivative is refused at the call.
#include <fgcc.h>
#include <stdarg.h>

static double sum(int n, ...) {
  va_list ap;
  double s = 0;
  va_start(ap, n);
  for (int i = 0; i < n; i++)
    s += va_arg(ap, double);
  va_end(ap);
  return s;
}

FG_DIFF double f(double x) {
  // CHECK: refuse_variadic_call.c:[[@LINE+1]]:10: error: cannot differentiate the call to variadic function 'sum' with arguments that carry a derivative
  return sum(2, x, x * x);
}
