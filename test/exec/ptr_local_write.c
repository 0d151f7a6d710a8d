// RUN: %fgcc %s -o %t.jvp.c
// RUN: %cc -c %t.jvp.c -o %t.jvp.o
// RUN: %gcc -fsyntax-only %t.jvp.c
// RUN: %cc -DFG_TEST_MAIN %s %t.jvp.o -o %t.exe %libm
// RUN: %t.exe
// Writing through pointers into a local array: *b++ = ..., b[-1], c[0],
// *(c + 1), and a pointer loop with != as the end test.
#include <fgcc.h>

FG_DIFF double f(double x, double y) {
  double buf[5];
  double *b = buf;
  *b++ = x;
  *b++ = y;
  *b++ = x * y;
  double *c = buf + 3;
  c[0] = b[-1] + x;
  *(c + 1) = c[0] * y;
  double s = 0.0;
  for (double *p = buf; p != buf + 5; ++p)
    s += *p * *p;
  return s;
}

#ifdef FG_TEST_MAIN
#include <math.h>
#include "fgcheck.h"

double f_jvp(double x, double x_dot, double y, double y_dot, double *ret_dot);

int main(void) {
  fg_rand_seed(311);
  for (int k = 0; k < 10; k++) {
    double x = fg_rand_uniform(-2, 2);
    double y = fg_rand_uniform(-2, 2);

    double dx = fg_rand_uniform(-1, 1);
    double dy = fg_rand_uniform(-1, 1);
    fg_line2 l = {f, x, y, dx, dy};
    double ret_dot = NAN;
    double r = f_jvp(x, dx, y, dy, &ret_dot);
    double v[5] = {x, y, x * y, x * y + x, (x * y + x) * y};
    double d[5] = {dx, dy, dx * y + x * dy, dx * y + x * dy + dx, (dx * y + x * dy + dx) * y + (x * y + x) * dy};
    double hand = 0;
    for (int i = 0; i < 5; i++)
      hand += 2 * v[i] * d[i];
    fg_check_close("ptr_local_write: primal", r, f(x, y), 0, 0);
    fg_check_close("ptr_local_write: tangent vs Richardson", ret_dot, fg_richardson(fg_along2, &l, 1e-3), 1e-8, 1e-12);
    fg_check_close("ptr_local_write: tangent vs formula", ret_dot, hand, 1e-10, 1e-13);
  }
  return fg_check_report();
}
#endif
