// RUN: %fgcc %s --width 4 -o %t.jvp4.c
// RUN: %cc -c %t.jvp4.c -o %t.jvp4.o
// RUN: %gcc -O2 -fsyntax-only %t.jvp4.c
// RUN: %cc -DFG_TEST_MAIN %s %t.jvp4.o -o %t.exe %libm
// RUN: %t.exe
// A user derivative (FG_JVP, one direction) in vector mode: called once per
// direction with that direction's scalar tangents, its results gathered
// into the 4 tangents; f calls g twice, so g_jvp runs 8 times. Every
// direction is checked against Richardson differences and the formula.
#include <fgcc.h>

double g(double x);
FG_JVP(g) double g_jvp(double x, double x_dot, double *ret_dot);

FG_DIFF double f(double x, double y) { return g(x * y) + y * g(x); }

#ifdef FG_TEST_MAIN
#include <math.h>
#include "fgcheck.h"

enum { K = 4 };
double f_jvp4(double x, const double *x_dot, double y, const double *y_dot, double *ret_dot);

static int g_jvp_calls;

double g(double x) { return x * x * x + sin(x); }

double g_jvp(double x, double x_dot, double *ret_dot) {
  g_jvp_calls++;
  *ret_dot = (3 * x * x + cos(x)) * x_dot;
  return g(x);
}

typedef struct { double x, y, dx, dy; } Line;

static long double along(long double h, void *ctx) {
  const Line *l = ctx;
  return f((double)(l->x + h * l->dx), (double)(l->y + h * l->dy));
}

int main(void) {
  fg_rand_seed(4);
  for (int rep = 0; rep < 6; rep++) {
    double x = fg_rand_uniform(-2, 2), y = fg_rand_uniform(-2, 2), dx[K], dy[K], rd[K];
    for (int k = 0; k < K; k++)
      dx[k] = fg_rand_uniform(-1, 1), dy[k] = fg_rand_uniform(-1, 1);
    int calls = g_jvp_calls;
    double r = f_jvp4(x, dx, y, dy, rd);
    fg_check_close("g_jvp called once per direction and call of g", g_jvp_calls - calls, 2 * K, 0, 0);
    fg_check_close("f_jvp4: primal", r, f(x, y), 0, 0);
    for (int k = 0; k < K; k++) {
      double u = x * y, du = dx[k] * y + x * dy[k];
      double hand = (3 * u * u + cos(u)) * du + dy[k] * g(x) + y * (3 * x * x + cos(x)) * dx[k];
      fg_check_close("f_jvp4: direction k vs Richardson", rd[k], fg_richardson(along, &(Line){x, y, dx[k], dy[k]}, 1e-3),
                     1e-8, 1e-12);
      fg_check_close("f_jvp4: direction k vs formula", rd[k], hand, 1e-13, 1e-14);
    }
  }
  return fg_check_report();
}
#endif
