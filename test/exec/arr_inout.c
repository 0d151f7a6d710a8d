// RUN: %fgcc %s -o %t.jvp.c
// RUN: %cc -c %t.jvp.c -o %t.jvp.o
// RUN: %gcc -fsyntax-only %t.jvp.c
// RUN: %cc -DFG_TEST_MAIN %s %t.jvp.o -o %t.exe %libm
// RUN: %t.exe
// An in/out array updated in place: x_dot carries the input tangent in and
// the output tangent out; each update reads the already updated x[i-1].
#include <fgcc.h>

FG_DIFF void f(double *x, int n, double a) {
  for (int i = 0; i < n; i++)
    x[i] = x[i] * x[i] * a + (i ? x[i - 1] : 0.0);
}

#ifdef FG_TEST_MAIN
#include <math.h>
#include "fgcheck.h"

void f_jvp(double *x, double *x_dot, int n, double a, double a_dot);

#define N 7
typedef struct { double x[N], dx[N], a, da; int i; } Line;

static long double along(long double h, void *ctx) {
  const Line *l = ctx;
  double x[N];
  for (int i = 0; i < N; i++)
    x[i] = (double)(l->x[i] + h * l->dx[i]);
  f(x, N, (double)(l->a + h * l->da));
  return x[l->i];
}

int main(void) {
  fg_rand_seed(310);
  for (int k = 0; k < 8; k++) {
    Line l;
    for (int i = 0; i < N; i++) {
      l.x[i] = fg_rand_uniform(-1, 1);
      l.dx[i] = fg_rand_uniform(-1, 1);
    }
    l.a = fg_rand_uniform(-1, 1);
    l.da = fg_rand_uniform(-1, 1);
    double x[N], x_dot[N], expect[N], hand[N];
    for (int i = 0; i < N; i++) {
      x[i] = expect[i] = l.x[i];
      x_dot[i] = l.dx[i];
    }
    f_jvp(x, x_dot, N, l.a, l.da);
    f(expect, N, l.a);
    for (int i = 0; i < N; i++)
      hand[i] = 2 * l.x[i] * l.dx[i] * l.a + l.x[i] * l.x[i] * l.da + (i ? hand[i - 1] : 0.0);
    for (int i = 0; i < N; i++) {
      l.i = i;
      fg_check_close("arr_inout: primal x[i]", x[i], expect[i], 0, 0);
      fg_check_close("arr_inout: x_dot[i] vs Richardson", x_dot[i], fg_richardson(along, &l, 1e-3), 1e-8, 1e-12);
      fg_check_close("arr_inout: x_dot[i] vs formula", x_dot[i], hand[i], 1e-10, 1e-13);
    }
  }
  return fg_check_report();
}
#endif
