// RUN: %fgcc %s -o %t.jvp.c
// RUN: %cc -c %t.jvp.c -o %t.jvp.o
// RUN: %gcc -fsyntax-only %t.jvp.c
// RUN: %cc -DFG_TEST_MAIN %s %t.jvp.o -o %t.exe %libm
// RUN: %t.exe
// Early returns and several return statements, including returns from
// inside a loop; each sets ret_dot from its own expression.
#include <fgcc.h>
#include <math.h>

FG_DIFF double f(double x, double y) {
  if (x < 0)
    return x * y;
  double t = sqrt(x) * y;
  if (t > 1.0)
    return t * t;
  for (int i = 0; i < 10; i++) {
    t = t * 0.5 + x;
    if (t > 2.0)
      return t + y;
  }
  return -t;
}

#ifdef FG_TEST_MAIN
#include "fgcheck.h"

double f_jvp(double x, double x_dot, double y, double y_dot, double *ret_dot);

typedef struct { double x, y, dx, dy; } Line;

static long double along(long double h, void *ctx) {
  const Line *l = ctx;
  return f((double)(l->x + h * l->dx), (double)(l->y + h * l->dy));
}

/* the tangent of f by hand; *path: which return is taken; *near is set when
   a decision is close to its threshold */
static double ref(double x, double y, double dx, double dy, int *path, int *near) {
  *near = fabs(x) < 0.05;
  *path = 0;
  if (x < 0)
    return dx * y + x * dy;
  *path = 1;
  double t = sqrt(x) * y, dt = dx / (2 * sqrt(x)) * y + sqrt(x) * dy;
  *near |= fabs(t - 1) < 0.05;
  if (t > 1.0)
    return 2 * t * dt;
  *path = 2;
  for (int i = 0; i < 10; i++) {
    t = t * 0.5 + x;
    dt = dt * 0.5 + dx;
    *near |= fabs(t - 2) < 0.05;
    if (t > 2.0)
      return dt + dy;
  }
  *path = 3;
  return -dt;
}

int main(void) {
  fg_rand_seed(507);
  int seen[4] = {0, 0, 0, 0};
  for (int k = 0; k < 12; k++) {
    Line l;
    /* a region per return statement, in turn */
    static const double box[4][4] = {{-2, -0.1, -2, 2}, {1, 2, 1.2, 2}, {1.2, 2.5, -2, 0}, {0.1, 0.8, -2, 0.5}};
    const double *bx = box[k % 4];
    double x = l.x = fg_rand_uniform(bx[0], bx[1]);
    double y = l.y = fg_rand_uniform(bx[2], bx[3]);
    double dx = l.dx = fg_rand_uniform(-1, 1);
    double dy = l.dy = fg_rand_uniform(-1, 1);
    int path, near;
    double hand = ref(x, y, dx, dy, &path, &near);
    if (near) {
      k--;
      continue;
    }
    seen[path]++;
    double ret_dot = NAN;
    double r = f_jvp(x, dx, y, dy, &ret_dot);
    fg_check_close("ctrl_early_return: primal", r, f(x, y), 0, 0);
    fg_check_close("ctrl_early_return: tangent vs Richardson", ret_dot, fg_richardson(along, &l, 1e-3), 1e-8, 1e-12);
    fg_check_close("ctrl_early_return: tangent vs formula", ret_dot, hand, 1e-10, 1e-13);
  }
  for (int i = 0; i < 4; i++) /* the test itself: every return was sampled */
    fg_check_close("ctrl_early_return: return path sampled", seen[i], 3, 0, 0);
  return fg_check_report();
}
#endif
