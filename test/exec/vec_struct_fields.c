// RUN: %fgcc %s -o %t.jvp1.c
// RUN: %fgcc %s --width 4 -o %t.jvp4.c
// RUN: %cc -c %t.jvp1.c -o %t.jvp1.o
// RUN: %cc -c %t.jvp4.c -o %t.jvp4.o
// RUN: %gcc -O3 -march=native -fsyntax-only %t.jvp4.c
// RUN: %cc -DFG_TEST_MAIN %s %t.jvp1.o %t.jvp4.o -o %t.exe %libm
// RUN: %t.exe
// Structs in vector mode: the tangent of struct S is struct S_dot4, its
// members that carry derivatives with 4 values each (an int member left
// out), which the caller declares with double x[4]. Covered: a const struct
// pointer input, a struct copy, nested members through . and ->, local
// structs initialised from active values and from {0}, a struct passed by
// value to a helper and returned from it, a conditional between structs.
// Every direction against Richardson and against f_jvp (width 1).
#include <fgcc.h>
#include <math.h>

struct vec {
  double x, y;
};
struct body {
  struct vec pos;
  double mass;
  int id;
};

static struct vec scaled(struct vec v, double s) {
  struct vec r = {v.x * s, v.y * sin(s)};
  return r;
}

FG_DIFF double f(FG_WRT const struct body *b, FG_WRT double t) {
  struct body c = *b;
  c.pos.x += c.mass * t;
  struct vec v = {c.pos.y * t, c.pos.x};
  struct vec u = scaled(c.pos, t + 0.5);
  const struct body *p = &c;
  struct vec m = t > 0 ? v : u;
  struct vec z = {0};
  z.y = exp(u.x * 0.1);
  return p->pos.x * v.y + v.x * p->mass + b->id + u.x * u.y + m.x * z.y;
}

#ifdef FG_TEST_MAIN
#include "fgcheck.h"

#define K 4
struct vec_dot4 {
  double x[K], y[K];
};
struct body_dot4 {
  struct vec_dot4 pos;
  double mass[K];
};
double f_jvp(const struct body *b, const struct body *b_dot, double t, double t_dot, double *ret_dot);
double f_jvp4(const struct body *b, const struct body_dot4 *b_dot, double t, const double *t_dot, double *ret_dot);

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
  fg_rand_seed(421);
  for (int trial = 0; trial < 8; trial++) {
    struct body b = {{fg_rand_uniform(-2, 2), fg_rand_uniform(-2, 2)}, fg_rand_uniform(0.5, 2), trial};
    double t = trial % 2 ? fg_rand_uniform(0.1, 2) : fg_rand_uniform(-2, -0.1);
    struct body_dot4 bd;
    double td[K], rd[K];
    for (int k = 0; k < K; k++) {
      bd.pos.x[k] = fg_rand_uniform(-1, 1);
      bd.pos.y[k] = fg_rand_uniform(-1, 1);
      bd.mass[k] = fg_rand_uniform(-1, 1);
      td[k] = fg_rand_uniform(-1, 1);
      rd[k] = NAN;
    }
    double r = f_jvp4(&b, &bd, t, td, rd);
    fg_check_close("vec_struct_fields: primal", r, f(&b, t), 0, 0);
    for (int k = 0; k < K; k++) {
      Line l = {b, {{bd.pos.x[k], bd.pos.y[k]}, bd.mass[k], 1000}, t, td[k]};
      double one = NAN;
      f_jvp(&l.b, &l.db, t, td[k], &one);
      fg_check_close("vec_struct_fields: direction vs f_jvp", rd[k], one, 1e-14, 1e-15);
      fg_check_close("vec_struct_fields: direction vs Richardson", rd[k], fg_richardson(along, &l, 1e-3), 1e-8, 1e-12);
    }
  }
  return fg_check_report();
}
#endif
