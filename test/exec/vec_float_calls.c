// RUN: %fgcc %s --width 8 -o %t.jvp8.c
// RUN: %cc -c %t.jvp8.c -o %t.jvp8.o
// RUN: %gcc -O3 -march=native -c %t.jvp8.c -o %t.gcc.o
// RUN: %cc -DFG_TEST_MAIN %s %t.jvp8.o -o %t.exe %libm
// RUN: %t.exe
// Vector mode across calls and precisions: outer (float) calls inner (an
// FG_DIFF function, so a public jvp8 with flat tangent pointers) and a
// static helper with a double result and an output pointer; double
// intermediates of float values convert each direction between vector
// precisions. An active global carries a value between statements. Each of the 8 directions is
// checked against Richardson differences in long double.
#include <fgcc.h>
#include <math.h>

double acc;

static double helper(float a, double b, float *out) {
  *out = a * (float)b;
  return exp(0.5 * a) * b;
}

FG_DIFF float inner(float u, float v) { return sinf(u) * v + u / (1 + v * v); }

FG_DIFF float outer(float x, float y) {
  float o;
  double t = helper(x, (double)y * 2, &o);
  acc = t * x; /* the global's tangent is written before it is read */
  float i = inner(x * o, y);
  return (float)(t + acc) * i + inner(o, 2.0f);
}

#ifdef FG_TEST_MAIN
#include "fgcheck.h"

enum { K = 8 };
float outer_jvp8(float x, const float *x_dot, float y, const float *y_dot, float *ret_dot);
float inner_jvp8(float u, const float *u_dot, float v, const float *v_dot, float *ret_dot);

typedef struct { float x, y, dx, dy; } Line;

static long double along(long double h, void *ctx) {
  const Line *l = ctx;
  acc = 0.25;
  return outer((float)(l->x + h * l->dx), (float)(l->y + h * l->dy));
}

int main(void) {
  fg_rand_seed(8);
  for (int rep = 0; rep < 4; rep++) {
    float x = (float)fg_rand_uniform(-1, 1), y = (float)fg_rand_uniform(-1, 1), xd[K], yd[K], rd[K];
    for (int k = 0; k < K; k++)
      xd[k] = (float)fg_rand_uniform(-1, 1), yd[k] = (float)fg_rand_uniform(-1, 1);
    acc = 0.25;
    float ref = outer(x, y);
    acc = 0.25;
    float r = outer_jvp8(x, xd, y, yd, rd);
    fg_check_close("outer_jvp8: primal", r, ref, 0, 0);
    for (int k = 0; k < K; k++) {
      Line l = {x, y, xd[k], yd[k]};
      fg_check_close("outer_jvp8: direction k vs Richardson", rd[k], fg_richardson(along, &l, 1e-2), 1e-4, 1e-5);
    }
    float ud[K], vd[K], id[K];
    for (int k = 0; k < K; k++)
      ud[k] = (float)(k - 3), vd[k] = (float)(k % 3);
    inner_jvp8(x, ud, y, vd, id);
    for (int k = 0; k < K; k++) /* d inner = (cos u v + 1/(1+v^2)) du + (sin u - 2uv/(1+v^2)^2) dv */
      fg_check_close("inner_jvp8: direction k vs formula", id[k],
                     (cosf(x) * y + 1 / (1 + y * y)) * ud[k] + (sinf(x) - 2 * x * y / ((1 + y * y) * (1 + y * y))) * vd[k],
                     1e-5, 1e-6);
  }
  return fg_check_report();
}
#endif
