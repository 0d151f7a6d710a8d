// RUN: %fgcc %s -o %t.jvp.c
// RUN: %cc -c %t.jvp.c -o %t.jvp.o
// RUN: %gcc -fsyntax-only %t.jvp.c
// RUN: %cc -DFG_TEST_MAIN %s %t.jvp.o -o %t.exe %libm
// RUN: %t.exe
// do-while: the body runs at least once (also for n = 0).
#include <fgcc.h>

FG_DIFF double f(double x, double y, int n) {
  double s = y;
  int k = 0;
  do {
    s = s * x + (k + 1) * y;
    k++;
  } while (k < n);
  return s;
}

#ifdef FG_TEST_MAIN
#include <math.h>
#include "fgcheck.h"

double f_jvp(double x, double x_dot, double y, double y_dot, int n, double *ret_dot);

typedef struct { double x, y, dx, dy; int n; } Line;

static long double along(long double h, void *ctx) {
  const Line *l = ctx;
  return f((double)(l->x + h * l->dx), (double)(l->y + h * l->dy), l->n);
}

int main(void) {
  fg_rand_seed(504);
  for (int k = 0; k < 8; k++) {
    Line l;
    double x = l.x = fg_rand_uniform(-1.5, 1.5);
    double y = l.y = fg_rand_uniform(-2, 2);
    double dx = l.dx = fg_rand_uniform(-1, 1);
    double dy = l.dy = fg_rand_uniform(-1, 1);
    int n = l.n = k - 1; /* -1 and 0 run the body once */
    double ret_dot = NAN;
    double r = f_jvp(x, dx, y, dy, n, &ret_dot);
    double s = y, ds = dy;
    int j = 0;
    do {
      ds = ds * x + s * dx + (j + 1) * dy;
      s = s * x + (j + 1) * y;
      j++;
    } while (j < n);
    fg_check_close("ctrl_do_while: primal", r, f(x, y, n), 0, 0);
    fg_check_close("ctrl_do_while: tangent vs Richardson", ret_dot, fg_richardson(along, &l, 1e-3), 1e-8, 1e-12);
    fg_check_close("ctrl_do_while: tangent vs formula", ret_dot, ds, 1e-10, 1e-13);
  }
  return fg_check_report();
}
#endif
