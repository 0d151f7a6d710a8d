// RUN: %fgcc %s -o %t.jvp1.c
// RUN: %fgcc %s --width 4 -o %t.jvp4.c
// RUN: %cc -c %t.jvp1.c -o %t.jvp1.o
// RUN: %cc -c %t.jvp4.c -o %t.jvp4.o
// RUN: %gcc -O3 -march=native -fsyntax-only %t.jvp4.c
// RUN: %cc -DFG_TEST_MAIN %s %t.jvp1.o %t.jvp4.o -o %t.exe %libm
// RUN: %t.exe
// More structs in vector mode: a struct that points to itself (a list
// walked through ->next; its tangent node_dot4 points to node_dot4), a
// local array of structs from an initializer list, calloc'd structs, an
// active global struct, a float member (fg_v4f, constant values: its
// float rounding would spoil the differences), and a struct returned by
// the differentiated function (ret_dot: struct seg_dot4 *). Every
// direction against Richardson and against the width-1 functions.
#include <fgcc.h>
#include <math.h>
#include <stdlib.h>

struct node {
  double v;
  float s;
  struct node *next;
};
struct seg {
  double a, b;
};

struct seg scale = {1.5, -0.5};

FG_DIFF struct seg walk(FG_WRT const double *x, int n, FG_WRT double t) {
  struct node nodes[3] = {{x[0], 0.5f, 0}, {x[1] * t, 0.25f, 0}, {x[2], 2.0f, 0}};
  nodes[0].next = &nodes[1];
  nodes[1].next = &nodes[2];
  struct node *extra = calloc(n, sizeof(struct node));
  for (int i = 0; i < n; i++)
    extra[i].v = x[i] * x[i] + extra[i].v;
  nodes[2].next = extra;
  for (int i = 0; i + 1 < n; i++)
    extra[i].next = &extra[i + 1];
  scale.a = t * scale.b + 1;
  struct seg r = {0, 0};
  for (const struct node *p = nodes; p; p = p->next) {
    r.a += p->v * p->s;
    r.b = r.b * cos(p->v) + scale.a * p->v;
  }
  free(extra);
  return r;
}

#ifdef FG_TEST_MAIN
#include "fgcheck.h"

#define K 4
#define N 4
struct seg_dot4 {
  double a[K], b[K];
};
struct seg walk_jvp(const double *x, const double *x_dot, int n, double t, double t_dot, struct seg *ret_dot);
struct seg walk_jvp4(const double *x, const double *x_dot, int n, double t, const double *t_dot,
                     struct seg_dot4 *ret_dot);

typedef struct { double x[N], dx[N], t, dt; int which; } Line;

static long double along(long double h, void *ctx) {
  const Line *l = ctx;
  double x[N];
  for (int i = 0; i < N; i++)
    x[i] = (double)(l->x[i] + h * l->dx[i]);
  scale = (struct seg){1.5, -0.5};
  struct seg r = walk(x, N, (double)(l->t + h * l->dt));
  return l->which ? r.b : r.a;
}

int main(void) {
  fg_rand_seed(424);
  for (int trial = 0; trial < 6; trial++) {
    Line l;
    double xd[N * K], td[K];
    for (int i = 0; i < N; i++) {
      l.x[i] = fg_rand_uniform(-1, 1);
      for (int k = 0; k < K; k++)
        xd[i * K + k] = fg_rand_uniform(-1, 1);
    }
    l.t = fg_rand_uniform(-1, 1);
    for (int k = 0; k < K; k++)
      td[k] = fg_rand_uniform(-1, 1);
    struct seg_dot4 rd;
    scale = (struct seg){1.5, -0.5};
    struct seg r = walk_jvp4(l.x, xd, N, l.t, td, &rd);
    scale = (struct seg){1.5, -0.5};
    struct seg expect = walk(l.x, N, l.t);
    fg_check_close("vec_struct_list_global: primal a", r.a, expect.a, 0, 0);
    fg_check_close("vec_struct_list_global: primal b", r.b, expect.b, 0, 0);
    for (int k = 0; k < K; k++) {
      for (int i = 0; i < N; i++)
        l.dx[i] = xd[i * K + k];
      l.dt = td[k];
      struct seg one;
      scale = (struct seg){1.5, -0.5};
      walk_jvp(l.x, l.dx, N, l.t, l.dt, &one);
      fg_check_close("vec_struct_list_global: a vs walk_jvp", rd.a[k], one.a, 1e-14, 1e-15);
      fg_check_close("vec_struct_list_global: b vs walk_jvp", rd.b[k], one.b, 1e-14, 1e-15);
      l.which = 0;
      fg_check_close("vec_struct_list_global: a vs Richardson", rd.a[k], fg_richardson(along, &l, 1e-3), 1e-7, 1e-10);
      l.which = 1;
      fg_check_close("vec_struct_list_global: b vs Richardson", rd.b[k], fg_richardson(along, &l, 1e-3), 1e-7, 1e-10);
    }
  }
  return fg_check_report();
}
#endif
