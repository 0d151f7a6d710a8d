// RUN: %fgcc %s -o %t.jvp.c
// RUN: %cc -c %t.jvp.c -o %t.jvp.o
// RUN: %gcc -fsyntax-only %t.jvp.c
// RUN: %cc -DFG_TEST_MAIN %s %t.jvp.o -o %t.exe %libm
// RUN: %t.exe
// An output array: every element's tangent is written (out_dot starts as NaN
// and must be overwritten), including an element updated with *=.
#include <fgcc.h>
#include <math.h>

FG_DIFF void f(double x, double y, double *out, int n) {
  for (int i = 0; i < n; i++)
    out[i] = sin(x * (i + 1)) * y + i;
  out[0] *= x;
  out[n - 1] = out[0] - out[1] * y;
}

#ifdef FG_TEST_MAIN
#include "fgcheck.h"

void f_jvp(double x, double x_dot, double y, double y_dot, double *out, double *out_dot, int n);

#define N 6
typedef struct { double x, y, dx, dy; int i; } Line;

static long double along(long double h, void *ctx) {
  const Line *l = ctx;
  double out[N];
  f((double)(l->x + h * l->dx), (double)(l->y + h * l->dy), out, N);
  return out[l->i];
}

int main(void) {
  fg_rand_seed(309);
  for (int k = 0; k < 8; k++) {
    Line l;
    double x = l.x = fg_rand_uniform(-2, 2);
    double y = l.y = fg_rand_uniform(-2, 2);
    double dx = l.dx = fg_rand_uniform(-1, 1);
    double dy = l.dy = fg_rand_uniform(-1, 1);
    double out[N], out_dot[N], expect[N], hand[N];
    for (int i = 0; i < N; i++)
      out[i] = out_dot[i] = NAN;
    f_jvp(x, dx, y, dy, out, out_dot, N);
    f(x, y, expect, N);
    for (int i = 0; i < N; i++)
      hand[i] = cos(x * (i + 1)) * (i + 1) * dx * y + sin(x * (i + 1)) * dy;
    double o0 = sin(x) * y, o1 = sin(2 * x) * y + 1;
    hand[0] = hand[0] * x + o0 * dx;
    hand[N - 1] = hand[0] - hand[1] * y - o1 * dy;
    for (int i = 0; i < N; i++) {
      l.i = i;
      fg_check_close("arr_output: primal out[i]", out[i], expect[i], 0, 0);
      fg_check_close("arr_output: out_dot[i] vs Richardson", out_dot[i], fg_richardson(along, &l, 1e-3), 1e-8, 1e-12);
      fg_check_close("arr_output: out_dot[i] vs formula", out_dot[i], hand[i], 1e-10, 1e-13);
    }
  }
  return fg_check_report();
}
#endif
