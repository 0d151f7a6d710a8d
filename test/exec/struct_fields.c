// RUN: %fgcc %s -o %t.jvp.c
// RUN: %cc -c %t.jvp.c -o %t.jvp.o
// RUN: %gcc -fsyntax-only %t.jvp.c
// RUN: %cc -DFG_TEST_MAIN %s %t.jvp.o -o %t.exe %libm
// RUN: %t.exe
// Structs with double fields: a const struct pointer input (FG_WRT), a struct
// copy, nested member access with . and ->, a local struct initialised from
// active values, an int field (no derivative).
#include <fgcc.h>

struct vec {
  double x, y;
};
struct body {
  struct vec pos;
  double mass;
  int id;
};

FG_DIFF double f(FG_WRT const struct body *b, FG_WRT double t) {
  struct body c = *b;
  c.pos.x += c.mass * t;
  struct vec v = {c.pos.y * t, c.pos.x};
  const struct body *p = &c;
  return p->pos.x * v.y + v.x * p->mass + b->id;
}

#ifdef FG_TEST_MAIN
#include <math.h>
#include "fgcheck.h"

double f_jvp(const struct body *b, const struct body *b_dot, double t, double t_dot, double *ret_dot);

typedef struct { struct body b, db; double t, dt; } Line;

static long double along(long double h, void *ctx) {
  const Line *l = ctx;
  struct body b = l->b;
  b.pos.x = (double)(l->b.pos.x + h * l->db.pos.x);
  b.pos.y = (double)(l->b.pos.y + h * l->db.pos.y);
  b.mass = (double)(l->b.mass + h * l->db.mass);
  return f(&b, (double)(l->t + h * l->dt));
}

int main(void) {
  fg_rand_seed(401);
  for (int k = 0; k < 8; k++) {
    Line l;
    l.b.pos.x = fg_rand_uniform(-2, 2);
    l.b.pos.y = fg_rand_uniform(-2, 2);
    l.b.mass = fg_rand_uniform(0.5, 2);
    l.b.id = k;
    l.db.pos.x = fg_rand_uniform(-1, 1);
    l.db.pos.y = fg_rand_uniform(-1, 1);
    l.db.mass = fg_rand_uniform(-1, 1);
    l.db.id = 1000; /* the tangent of an int field means nothing */
    l.t = fg_rand_uniform(-2, 2);
    l.dt = fg_rand_uniform(-1, 1);
    double ret_dot = NAN;
    double r = f_jvp(&l.b, &l.db, l.t, l.dt, &ret_dot);
    double bx = l.b.pos.x, by = l.b.pos.y, m = l.b.mass, t = l.t;
    double dbx = l.db.pos.x, dby = l.db.pos.y, dm = l.db.mass, dt = l.dt;
    double X = bx + m * t, dX = dbx + dm * t + m * dt;
    double hand = 2 * X * dX + (dby * t + by * dt) * m + by * t * dm;
    fg_check_close("struct_fields: primal", r, f(&l.b, l.t), 0, 0);
    fg_check_close("struct_fields: tangent vs Richardson", ret_dot, fg_richardson(along, &l, 1e-3), 1e-8, 1e-12);
    fg_check_close("struct_fields: tangent vs formula", ret_dot, hand, 1e-10, 1e-13);
  }
  return fg_check_report();
}
#endif
