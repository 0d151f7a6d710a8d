// RUN: %fgcc %s -o %t.jvp.c
// RUN: %cc -c %t.jvp.c -o %t.jvp.o
// RUN: %gcc -fsyntax-only %t.jvp.c
// RUN: %cc -DFG_TEST_MAIN %s %t.jvp.o -o %t.exe %libm
// RUN: %t.exe
// A helper writing an output array: called on the caller's output parameter
// and on a local array whose values flow back into the output.
#include <fgcc.h>

static void fill(double *out, int n, double a, double b) {
  for (int i = 0; i < n; i++)
    out[i] = a * i + b * b;
}

FG_DIFF void f(double x, double y, double *out) {
  double buf[3];
  fill(out, 4, x, y);
  fill(buf, 3, y, x * y);
  out[3] += buf[2] * x;
}

#ifdef FG_TEST_MAIN
#include <math.h>
#include "fgcheck.h"

void f_jvp(double x, double x_dot, double y, double y_dot, double *out, double *out_dot);

typedef struct { double x, y, dx, dy; int i; } Line;

static long double along(long double h, void *ctx) {
  const Line *l = ctx;
  double out[4];
  f((double)(l->x + h * l->dx), (double)(l->y + h * l->dy), out);
  return out[l->i];
}

int main(void) {
  fg_rand_seed(703);
  for (int k = 0; k < 8; k++) {
    Line l;
    double x = l.x = fg_rand_uniform(-2, 2);
    double y = l.y = fg_rand_uniform(-2, 2);
    double dx = l.dx = fg_rand_uniform(-1, 1);
    double dy = l.dy = fg_rand_uniform(-1, 1);
    double out[4], out_dot[4], expect[4], hand[4];
    for (int i = 0; i < 4; i++)
      out[i] = out_dot[i] = NAN;
    f_jvp(x, dx, y, dy, out, out_dot);
    f(x, y, expect);
    for (int i = 0; i < 4; i++)
      hand[i] = dx * i + 2 * y * dy;
    double b2 = y * 2 + x * y * x * y, db2 = dy * 2 + 2 * x * y * (dx * y + x * dy);
    hand[3] += db2 * x + b2 * dx;
    for (int i = 0; i < 4; i++) {
      l.i = i;
      fg_check_close("call_helper_out_array: primal out[i]", out[i], expect[i], 0, 0);
      fg_check_close("call_helper_out_array: out_dot[i] vs Richardson", out_dot[i], fg_richardson(along, &l, 1e-3), 1e-8, 1e-12);
      fg_check_close("call_helper_out_array: out_dot[i] vs formula", out_dot[i], hand[i], 1e-10, 1e-13);
    }
  }
  return fg_check_report();
}
#endif
