// RUN: %fgcc %s -o %t.jvp.c
// RUN: %cc -c %t.jvp.c -o %t.jvp.o
// RUN: %gcc -fsyntax-only %t.jvp.c
// RUN: %cc -DFG_TEST_MAIN %s %t.jvp.o -o %t.exe %libm
// RUN: %t.exe
// A malloc'd buffer's shadow comes from malloc, not calloc: a loop storing
// active values into some elements and constants into others must write an
// explicit 0 into the shadow of the others. Before each call two buffers of
// the same size are filled with NaNs and freed, so that malloc hands them
// back (under ASan malloc fills with 0xbe): a missing zero shows up.
#include <fgcc.h>
#include <stdlib.h>

#define N 9

FG_DIFF double f(double x, double y) {
  double *a = malloc(N * sizeof *a);
  if (!a)
    return 0.0;
  for (int i = 0; i < N; i++) {
    if (i % 2)
      a[i] = 1.0 / i; /* inactive: a_dot[i] = 0 */
    else
      a[i] = x * i + y;
  }
  double s = 0.0;
  for (int i = 0; i < N; i++)
    s += a[i] * a[i];
  free(a);
  return s;
}

#ifdef FG_TEST_MAIN
#include <math.h>
#include "fgcheck.h"

double f_jvp(double x, double x_dot, double y, double y_dot, double *ret_dot);

static void dirty_heap(void) {
  volatile double *p = malloc(N * sizeof *p), *q = malloc(N * sizeof *q);
  for (int i = 0; i < N; i++)
    p[i] = q[i] = NAN;
  free((void *)p);
  free((void *)q);
}

int main(void) {
  fg_rand_seed(1202);
  for (int k = 0; k < 10; k++) {
    double x = fg_rand_uniform(-2, 2), y = fg_rand_uniform(-2, 2);
    double dx = fg_rand_uniform(-1, 1), dy = fg_rand_uniform(-1, 1);
    fg_line2 l = {f, x, y, dx, dy};
    double ret_dot = NAN;
    dirty_heap();
    double r = f_jvp(x, dx, y, dy, &ret_dot);
    double hand = 0;
    for (int i = 0; i < N; i += 2)
      hand += 2 * (x * i + y) * (dx * i + dy);
    fg_check_close("init_inactive_store_zero_malloc: primal", r, f(x, y), 0, 0);
    fg_check_close("init_inactive_store_zero_malloc: tangent vs Richardson", ret_dot,
                   fg_richardson(fg_along2, &l, 1e-2), 1e-8, 1e-12);
    fg_check_close("init_inactive_store_zero_malloc: tangent vs formula", ret_dot, hand, 1e-10, 1e-13);
  }
  return fg_check_report();
}
#endif
