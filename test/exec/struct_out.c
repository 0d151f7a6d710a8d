// RUN: %fgcc %s -o %t.jvp.c
// RUN: %cc -c %t.jvp.c -o %t.jvp.o
// RUN: %gcc -fsyntax-only %t.jvp.c
// RUN: %cc -DFG_TEST_MAIN %s %t.jvp.o -o %t.exe %libm
// RUN: %t.exe
// An in/out struct through a non-const pointer (always active): fields
// updated with -> and (*s). ; the tangent struct is read and written.
#include <fgcc.h>
#include <math.h>

struct state {
  double p, q;
  int steps;
};

FG_DIFF void step(struct state *s, double h) {
  s->p += h * s->q;
  s->q -= h * sin(s->p);
  (*s).steps++;
  (*s).p *= 1.0 + (*s).q * h;
}

#ifdef FG_TEST_MAIN
#include "fgcheck.h"

void step_jvp(struct state *s, struct state *s_dot, double h, double h_dot);

typedef struct { struct state s, ds; double h, dh; int field; } Line;

static long double along(long double t, void *ctx) {
  const Line *l = ctx;
  struct state s = l->s;
  s.p = (double)(l->s.p + t * l->ds.p);
  s.q = (double)(l->s.q + t * l->ds.q);
  step(&s, (double)(l->h + t * l->dh));
  return l->field == 0 ? s.p : s.q;
}

int main(void) {
  fg_rand_seed(402);
  for (int k = 0; k < 8; k++) {
    Line l;
    l.s.p = fg_rand_uniform(-2, 2);
    l.s.q = fg_rand_uniform(-2, 2);
    l.s.steps = k;
    l.ds.p = fg_rand_uniform(-1, 1);
    l.ds.q = fg_rand_uniform(-1, 1);
    l.ds.steps = 0;
    l.h = fg_rand_uniform(0.01, 0.5);
    l.dh = fg_rand_uniform(-1, 1);
    struct state s = l.s, ds = l.ds, expect = l.s;
    step_jvp(&s, &ds, l.h, l.dh);
    step(&expect, l.h);
    double p = l.s.p, q = l.s.q, h = l.h, dp = l.ds.p, dq = l.ds.q, dh = l.dh;
    double p1 = p + h * q, dp1 = dp + dh * q + h * dq;
    double q1 = q - h * sin(p1), dq1 = dq - dh * sin(p1) - h * cos(p1) * dp1;
    double dp2 = dp1 * (1 + q1 * h) + p1 * (dq1 * h + q1 * dh);
    fg_check_close("struct_out: primal p", s.p, expect.p, 0, 0);
    fg_check_close("struct_out: primal q", s.q, expect.q, 0, 0);
    fg_check_close("struct_out: primal steps", s.steps, expect.steps, 0, 0);
    l.field = 0;
    fg_check_close("struct_out: p tangent vs Richardson", ds.p, fg_richardson(along, &l, 1e-3), 1e-8, 1e-12);
    fg_check_close("struct_out: p tangent vs formula", ds.p, dp2, 1e-10, 1e-13);
    l.field = 1;
    fg_check_close("struct_out: q tangent vs Richardson", ds.q, fg_richardson(along, &l, 1e-3), 1e-8, 1e-12);
    fg_check_close("struct_out: q tangent vs formula", ds.q, dq1, 1e-10, 1e-13);
  }
  return fg_check_report();
}
#endif
