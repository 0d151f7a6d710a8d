// RUN: %fgcc %s -o %t.jvp.c
// RUN: %cc -c %t.jvp.c -o %t.jvp.o
// RUN: %gcc -fsyntax-only %t.jvp.c
// RUN: %cc -DFG_TEST_MAIN %s %t.jvp.o -o %t.exe %libm
// RUN: %t.exe
// A global variable written then read inside the function (it carries a
// tangent), a global read only (no tangent needed), an int global counter:
// f_jvp has the same side effects on the globals as f.
#include <fgcc.h>

double g_scale = 3.0;
double g_acc;
int g_calls;

FG_DIFF double f(double x, double y) {
  g_calls++;
  g_acc = x * y;
  g_acc += g_scale * x;
  return g_acc * y;
}

#ifdef FG_TEST_MAIN
#include <math.h>
#include "fgcheck.h"

double f_jvp(double x, double x_dot, double y, double y_dot, double *ret_dot);

int main(void) {
  fg_rand_seed(405);
  for (int k = 0; k < 10; k++) {
    double x = fg_rand_uniform(-2, 2);
    double y = fg_rand_uniform(-2, 2);
    double dx = fg_rand_uniform(-1, 1);
    double dy = fg_rand_uniform(-1, 1);
    fg_line2 l = {f, x, y, dx, dy};
    g_scale = 2.0 + k;
    g_acc = NAN;
    int calls = g_calls;
    double ret_dot = NAN;
    double r = f_jvp(x, dx, y, dy, &ret_dot);
    fg_check_close("global_var: g_calls incremented by f_jvp", g_calls, calls + 1, 0, 0);
    fg_check_close("global_var: g_acc written by f_jvp", g_acc, x * y + g_scale * x, 0, 0);
    double hand = (dx * y + x * dy + g_scale * dx) * y + (x * y + g_scale * x) * dy;
    fg_check_close("global_var: primal", r, f(x, y), 0, 0);
    fg_check_close("global_var: tangent vs Richardson", ret_dot, fg_richardson(fg_along2, &l, 1e-3), 1e-8, 1e-12);
    fg_check_close("global_var: tangent vs formula", ret_dot, hand, 1e-10, 1e-13);
  }
  return fg_check_report();
}
#endif
