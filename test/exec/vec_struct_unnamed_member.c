// RUN: %fgcc %s -o %t.jvp1.c
// RUN: %fgcc %s --width 4 -o %t.jvp4.c
// RUN: %cc -c %t.jvp1.c -o %t.jvp1.o
// RUN: %cc -c %t.jvp4.c -o %t.jvp4.o
// RUN: %cc -DFG_TEST_MAIN %s %t.jvp1.o %t.jvp4.o -o %t.exe %libm
// RUN: %t.exe
// A struct with an unnamed (C11 anonymous) struct member: its members are
// the struct's own (p.x), so the tangent struct point_dot4 holds x and y in
// its place; an initializer braces the unnamed member. Every direction
// against the formula, Richardson and f_jvp (width 1).
#include <fgcc.h>
#include <math.h>

struct point {
  int id;
  struct {
    double x, y;
  };
  double w;
};

FG_DIFF double f(FG_WRT const struct point *q, FG_WRT double t) {
  struct point p = {q->id, {q->x * t, q->y}, q->w};
  p.y += sin(t) * p.x;
  return p.x * p.y + p.w * t;
}

#ifdef FG_TEST_MAIN
#include "fgcheck.h"

#define K 4
struct point_dot4 {
  double x[K], y[K], w[K];
};
double f_jvp(const struct point *q, const struct point *q_dot, double t, double t_dot, double *ret_dot);
double f_jvp4(const struct point *q, const struct point_dot4 *q_dot, double t, const double *t_dot, double *ret_dot);

typedef struct { struct point q, dq; double t, dt; } Line;

static long double along(long double h, void *ctx) {
  const Line *l = ctx;
  struct point q = l->q;
  q.x = (double)(l->q.x + h * l->dq.x);
  q.y = (double)(l->q.y + h * l->dq.y);
  q.w = (double)(l->q.w + h * l->dq.w);
  return f(&q, (double)(l->t + h * l->dt));
}

int main(void) {
  fg_rand_seed(423);
  for (int trial = 0; trial < 8; trial++) {
    struct point q = {trial, {fg_rand_uniform(-2, 2), fg_rand_uniform(-2, 2)}, fg_rand_uniform(-2, 2)};
    double t = fg_rand_uniform(-2, 2), td[K], rd[K];
    struct point_dot4 qd;
    for (int k = 0; k < K; k++) {
      qd.x[k] = fg_rand_uniform(-1, 1), qd.y[k] = fg_rand_uniform(-1, 1), qd.w[k] = fg_rand_uniform(-1, 1);
      td[k] = fg_rand_uniform(-1, 1);
    }
    double r = f_jvp4(&q, &qd, t, td, rd);
    fg_check_close("vec_struct_unnamed_member: primal", r, f(&q, t), 0, 0);
    for (int k = 0; k < K; k++) {
      Line l = {q, {0, {qd.x[k], qd.y[k]}, qd.w[k]}, t, td[k]};
      /* X = x t, Y = y + sin(t) X: f = X Y + w t */
      double X = q.x * t, dX = qd.x[k] * t + q.x * td[k];
      double Y = q.y + sin(t) * X, dY = qd.y[k] + cos(t) * td[k] * X + sin(t) * dX;
      double hand = dX * Y + X * dY + qd.w[k] * t + q.w * td[k], one = NAN;
      f_jvp(&l.q, &l.dq, t, td[k], &one);
      fg_check_close("vec_struct_unnamed_member: direction vs formula", rd[k], hand, 1e-13, 1e-14);
      fg_check_close("vec_struct_unnamed_member: direction vs f_jvp", rd[k], one, 1e-14, 1e-15);
      fg_check_close("vec_struct_unnamed_member: direction vs Richardson", rd[k], fg_richardson(along, &l, 1e-3), 1e-8,
                     1e-12);
    }
  }
  return fg_check_report();
}
#endif
