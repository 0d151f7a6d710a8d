// RUN: %fgcc %s -o %t.jvp.c
// RUN: %cc -c %t.jvp.c -o %t.jvp.o
// RUN: %gcc -fsyntax-only %t.jvp.c
// RUN: %cc -DFG_TEST_MAIN %s %t.jvp.o -o %t.exe %libm
// RUN: %t.exe
// switch on an int with break, fallthrough, a block in a case, default.
#include <fgcc.h>
#include <math.h>

FG_DIFF double f(int mode, double x, double y) {
  double r = x;
  switch (mode) {
  case 0:
    r = x * y;
    break;
  case 1:
    r *= y;
    /* fall through */
  case 2:
    r += sin(x);
    break;
  case 3: {
    double t = x - y;
    r = t * t;
  } break;
  default:
    r = -y;
  }
  return r * x;
}

#ifdef FG_TEST_MAIN
#include "fgcheck.h"

double f_jvp(int mode, double x, double x_dot, double y, double y_dot, double *ret_dot);

typedef struct { double x, y, dx, dy; int mode; } Line;

static long double along(long double h, void *ctx) {
  const Line *l = ctx;
  return f(l->mode, (double)(l->x + h * l->dx), (double)(l->y + h * l->dy));
}

int main(void) {
  fg_rand_seed(506);
  for (int k = 0; k < 12; k++) {
    Line l;
    int mode = l.mode = k % 6 - 1; /* -1 .. 4: every case and the default twice */
    double x = l.x = fg_rand_uniform(-2, 2);
    double y = l.y = fg_rand_uniform(-2, 2);
    double dx = l.dx = fg_rand_uniform(-1, 1);
    double dy = l.dy = fg_rand_uniform(-1, 1);
    double ret_dot = NAN;
    double r = f_jvp(mode, x, dx, y, dy, &ret_dot);
    double v, dv;
    switch (mode) {
    case 0: v = x * y, dv = dx * y + x * dy; break;
    case 1: v = x * y + sin(x), dv = dx * y + x * dy + cos(x) * dx; break;
    case 2: v = x + sin(x), dv = dx + cos(x) * dx; break;
    case 3: v = (x - y) * (x - y), dv = 2 * (x - y) * (dx - dy); break;
    default: v = -y, dv = -dy;
    }
    double hand = dv * x + v * dx;
    fg_check_close("ctrl_switch: primal", r, f(mode, x, y), 0, 0);
    fg_check_close("ctrl_switch: tangent vs Richardson", ret_dot, fg_richardson(along, &l, 1e-3), 1e-8, 1e-12);
    fg_check_close("ctrl_switch: tangent vs formula", ret_dot, hand, 1e-10, 1e-13);
  }
  return fg_check_report();
}
#endif
