// RUN: %fgcc %s -o %t.jvp.c
// RUN: %cc -c %t.jvp.c -o %t.jvp.o
// RUN: %gcc -fsyntax-only %t.jvp.c
// RUN: %cc -DFG_TEST_MAIN %s %t.jvp.o -o %t.exe %libm
// RUN: %t.exe
// An array of structs with an array field: indexing then ->, [i]. , a local
// array of structs filled from the input.
#include <fgcc.h>

struct particle {
  double m;
  double v[2];
};

FG_DIFF double f(FG_WRT const struct particle *ps, int n, FG_WRT double g) {
  struct particle tmp[2];
  double e = 0.0;
  for (int i = 0; i < n; i++) {
    const struct particle *p = &ps[i];
    e += 0.5 * p->m * (p->v[0] * p->v[0] + p->v[1] * p->v[1]) + ps[i].m * g * i;
  }
  for (int i = 0; i < 2; i++) {
    tmp[i] = ps[n - 1 - i];
    tmp[i].v[0] *= g;
  }
  return e + tmp[0].v[0] * tmp[1].m + (tmp + 1)->v[0];
}

#ifdef FG_TEST_MAIN
#include <math.h>
#include "fgcheck.h"

double f_jvp(const struct particle *ps, const struct particle *ps_dot, int n, double g, double g_dot,
             double *ret_dot);

#define N 5
typedef struct { struct particle p[N], dp[N]; double g, dg; } Line;

static long double along(long double h, void *ctx) {
  const Line *l = ctx;
  struct particle p[N];
  for (int i = 0; i < N; i++) {
    p[i].m = (double)(l->p[i].m + h * l->dp[i].m);
    p[i].v[0] = (double)(l->p[i].v[0] + h * l->dp[i].v[0]);
    p[i].v[1] = (double)(l->p[i].v[1] + h * l->dp[i].v[1]);
  }
  return f(p, N, (double)(l->g + h * l->dg));
}

int main(void) {
  fg_rand_seed(403);
  for (int k = 0; k < 8; k++) {
    Line l;
    for (int i = 0; i < N; i++) {
      l.p[i].m = fg_rand_uniform(0.5, 2);
      l.p[i].v[0] = fg_rand_uniform(-2, 2);
      l.p[i].v[1] = fg_rand_uniform(-2, 2);
      l.dp[i].m = fg_rand_uniform(-1, 1);
      l.dp[i].v[0] = fg_rand_uniform(-1, 1);
      l.dp[i].v[1] = fg_rand_uniform(-1, 1);
    }
    l.g = fg_rand_uniform(-2, 2);
    l.dg = fg_rand_uniform(-1, 1);
    double ret_dot = NAN;
    double r = f_jvp(l.p, l.dp, N, l.g, l.dg, &ret_dot);
    double hand = 0, g = l.g, dg = l.dg;
    for (int i = 0; i < N; i++) {
      const struct particle *p = &l.p[i], *d = &l.dp[i];
      double v2 = p->v[0] * p->v[0] + p->v[1] * p->v[1];
      hand += 0.5 * d->m * v2 + p->m * (p->v[0] * d->v[0] + p->v[1] * d->v[1]) + (d->m * g + p->m * dg) * i;
    }
    const struct particle *a = &l.p[N - 1], *da = &l.dp[N - 1], *b = &l.p[N - 2], *db = &l.dp[N - 2];
    hand += (da->v[0] * g + a->v[0] * dg) * b->m + a->v[0] * g * db->m + db->v[0] * g + b->v[0] * dg;
    fg_check_close("struct_array: primal", r, f(l.p, N, l.g), 0, 0);
    fg_check_close("struct_array: tangent vs Richardson", ret_dot, fg_richardson(along, &l, 1e-3), 1e-8, 1e-12);
    fg_check_close("struct_array: tangent vs formula", ret_dot, hand, 1e-10, 1e-13);
  }
  return fg_check_report();
}
#endif
