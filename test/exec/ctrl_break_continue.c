// RUN: %fgcc %s -o %t.jvp.c
// RUN: %cc -c %t.jvp.c -o %t.jvp.o
// RUN: %gcc -fsyntax-only %t.jvp.c
// RUN: %cc -DFG_TEST_MAIN %s %t.jvp.o -o %t.exe %libm
// RUN: %t.exe
// break and continue in a loop, with a data-dependent break.
#include <fgcc.h>

FG_DIFF double f(int n, const double *w, double x) {
  double s = 0.0;
  for (int i = 0; i < n; i++) {
    if (i % 3 == 1)
      continue;
    if (w[i] * x > 5.0)
      break;
    s += w[i] * x * x;
  }
  return s;
}

#ifdef FG_TEST_MAIN
#include <math.h>
#include "fgcheck.h"

double f_jvp(int n, const double *w, const double *w_dot, double x, double x_dot, double *ret_dot);

#define NMAX 16
typedef struct { int n; double w[NMAX], dw[NMAX], x, dx; } Line;

static long double along(long double h, void *ctx) {
  const Line *l = ctx;
  double w[NMAX];
  for (int i = 0; i < l->n; i++)
    w[i] = (double)(l->w[i] + h * l->dw[i]);
  return f(l->n, w, (double)(l->x + h * l->dx));
}

int main(void) {
  fg_rand_seed(505);
  for (int k = 0; k < 8; k++) {
    Line l;
    int n = l.n = 12;
    double *w = l.w, *dw = l.dw;
    for (int i = 0; i < n; i++) {
      w[i] = fg_rand_uniform(0, 3.5);
      dw[i] = fg_rand_uniform(-1, 1);
    }
    double x = l.x = fg_rand_uniform(1, 2);
    int near = 0; /* away from the break threshold */
    for (int i = 0; i < n; i++)
      near |= fabs(w[i] * x - 5.0) < 0.1;
    if (near) {
      k--;
      continue;
    }
    double dx = l.dx = fg_rand_uniform(-1, 1);
    double w_copy[NMAX], dw_copy[NMAX];
    for (int i = 0; i < n; i++) {
      w_copy[i] = w[i];
      dw_copy[i] = dw[i];
    }
    double ret_dot = NAN;
    double r = f_jvp(n, w_copy, dw_copy, x, dx, &ret_dot);
    double hand = 0;
    for (int i = 0; i < n; i++) {
      if (i % 3 == 1)
        continue;
      if (w[i] * x > 5.0)
        break;
      hand += dw[i] * x * x + w[i] * 2 * x * dx;
    }
    fg_check_close("ctrl_break_continue: primal", r, f(n, w, x), 0, 0);
    fg_check_close("ctrl_break_continue: tangent vs Richardson", ret_dot, fg_richardson(along, &l, 1e-3), 1e-8, 1e-12);
    fg_check_close("ctrl_break_continue: tangent vs formula", ret_dot, hand, 1e-10, 1e-13);
    for (int i = 0; i < n; i++) {
      fg_check_close("ctrl_break_continue: input w unchanged", w_copy[i], w[i], 0, 0);
      fg_check_close("ctrl_break_continue: input w_dot unchanged", dw_copy[i], dw[i], 0, 0);
    }
  }
  return fg_check_report();
}
#endif
