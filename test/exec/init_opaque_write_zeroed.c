// RUN: %fgcc %s -o %t.jvp.c
// RUN: %cc -c %t.jvp.c -o %t.jvp.o
// RUN: %gcc -fsyntax-only %t.jvp.c
// RUN: %cc -DFG_TEST_MAIN %s %t.jvp.o -o %t.exe %libm
// RUN: %t.exe
// Storage a call writes without writing its tangent keeps a zeroed tangent:
// a local array and a malloc'd buffer passed as void * to a helper fgcc
// calls as it is, a local array cleared by memset through a char * cast.
// Stack and heap are filled with NaNs before each call, so a missing zero
// shows up as a NaN derivative.
#include <fgcc.h>
#include <stdlib.h>
#include <string.h>

static void fill(void *p, int n) {
  double *q = p;
  for (int i = 0; i < n; i++)
    q[i] = 0.25 * i;
}

FG_DIFF double f(double x, double y) {
  double a[6];
  fill(a, 6);
  a[1] = x * y;
  double *b = malloc(6 * sizeof *b);
  if (!b)
    return 0.0;
  fill(b, 6);
  b[2] = y;
  double c[4];
  memset((char *)c, 0, sizeof c);
  c[3] = x;
  double s = 0.0;
  for (int i = 0; i < 6; i++)
    s += a[i] * b[i];
  for (int i = 0; i < 4; i++)
    s += c[i] * x;
  free(b);
  return s;
}

#ifdef FG_TEST_MAIN
#include <math.h>
#include "fgcheck.h"

double f_jvp(double x, double x_dot, double y, double y_dot, double *ret_dot);

static void dirty(void) {
  volatile double junk[4096];
  for (int i = 0; i < 4096; i++)
    junk[i] = NAN;
  volatile double *p = malloc(6 * sizeof *p), *q = malloc(6 * sizeof *q);
  for (int i = 0; i < 6; i++)
    p[i] = q[i] = NAN;
  free((void *)p);
  free((void *)q);
}

int main(void) {
  fg_rand_seed(1203);
  for (int k = 0; k < 10; k++) {
    double x = fg_rand_uniform(-2, 2), y = fg_rand_uniform(-2, 2);
    double dx = fg_rand_uniform(-1, 1), dy = fg_rand_uniform(-1, 1);
    fg_line2 l = {f, x, y, dx, dy};
    double ret_dot = NAN;
    dirty();
    double r = f_jvp(x, dx, y, dy, &ret_dot);
    /* s = 0.25 x y + 0.5 y + const + x^2 */
    double hand = 0.25 * (dx * y + x * dy) + 0.5 * dy + 2 * x * dx;
    fg_check_close("init_opaque_write_zeroed: primal", r, f(x, y), 0, 0);
    fg_check_close("init_opaque_write_zeroed: tangent vs Richardson", ret_dot,
                   fg_richardson(fg_along2, &l, 1e-2), 1e-8, 1e-12);
    fg_check_close("init_opaque_write_zeroed: tangent vs formula", ret_dot, hand, 1e-10, 1e-13);
  }
  return fg_check_report();
}
#endif
