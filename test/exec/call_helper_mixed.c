// RUN: %fgcc %s -o %t.jvp.c
// RUN: %cc -c %t.jvp.c -o %t.jvp.o
// RUN: %gcc -fsyntax-only %t.jvp.c
// RUN: %cc -DFG_TEST_MAIN %s %t.jvp.o -o %t.exe %libm
// RUN: %t.exe
// One helper called with each activity pattern: (active, inactive),
// (inactive, active), (inactive, inactive) and (active, active).
#include <fgcc.h>

double h(double a, double b) { return a * a * b; }

FG_DIFF double f(FG_WRT double x, double c) { return h(x, c) + h(c, x) + h(c, c) * x + h(x, x); }

#ifdef FG_TEST_MAIN
#include <math.h>
#include "fgcheck.h"

double f_jvp(double x, double x_dot, double c, double *ret_dot);

typedef struct { double x, c, dx; } Line;

static long double along(long double t, void *ctx) {
  const Line *l = ctx;
  return f((double)(l->x + t * l->dx), l->c);
}

int main(void) {
  fg_rand_seed(702);
  for (int k = 0; k < 8; k++) {
    Line l;
    double x = l.x = fg_rand_uniform(-2, 2);
    double c = l.c = fg_rand_uniform(-2, 2);
    double dx = l.dx = fg_rand_uniform(-1, 1);
    double ret_dot = NAN;
    double r = f_jvp(x, dx, c, &ret_dot);
    double hand = (2 * x * c + c * c + c * c * c + 3 * x * x) * dx;
    fg_check_close("call_helper_mixed: primal", r, f(x, c), 0, 0);
    fg_check_close("call_helper_mixed: tangent vs Richardson", ret_dot, fg_richardson(along, &l, 1e-3), 1e-8, 1e-12);
    fg_check_close("call_helper_mixed: tangent vs formula", ret_dot, hand, 1e-10, 1e-13);
  }
  return fg_check_report();
}
#endif
