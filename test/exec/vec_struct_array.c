// RUN: %fgcc %s -o %t.jvp1.c
// RUN: %fgcc %s --width 4 -o %t.jvp4.c
// RUN: %cc -c %t.jvp1.c -o %t.jvp1.o
// RUN: %cc -c %t.jvp4.c -o %t.jvp4.o
// RUN: %gcc -O3 -march=native -fsyntax-only %t.jvp4.c
// RUN: %cc -DFG_TEST_MAIN %s %t.jvp1.o %t.jvp4.o -o %t.exe %libm
// RUN: %t.exe
// Arrays of structs in vector mode: an in/out array of structs (element i
// of direction k of the tangent at ps_dot[i], member arrays [j][4]), a
// struct whose pointer member points to interleaved tangents (w_dot[j*4+k]),
// malloc(n * sizeof *p) and memcpy(.., n * sizeof(struct S)) of struct
// shadows (sizeof(struct S_dot4) each), pointer arithmetic on them.
// Every output of every direction against Richardson and against step_jvp.
#include <fgcc.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

struct particle {
  double m;
  double v[2];
};
struct layer {
  int n;
  const double *w;
  double bias;
};

FG_DIFF void step(FG_WRT struct particle *ps, int n, FG_WRT const struct layer *L, FG_WRT double h) {
  struct particle *tmp = malloc(n * sizeof *tmp);
  memcpy(tmp, ps, n * sizeof(struct particle));
  for (int i = 0; i < n; i++) {
    struct particle *p = tmp + i;
    p->v[0] += h * L->w[i] * p->m;
    p->v[1] = p->v[1] * cos(h) - L->bias * p->v[0];
  }
  for (int i = 0; i < n; i++) {
    ps[i].m = tmp[n - 1 - i].m * (1 + h * h);
    ps[i].v[0] = tmp[i].v[0] + tmp[i].v[1] * L->w[(i + 1) % n];
    ps[i].v[1] = (tmp + i)->v[1] / L->n;
  }
  free(tmp);
}

#ifdef FG_TEST_MAIN
#include "fgcheck.h"

#define K 4
#define N 5
struct particle_dot4 {
  double m[K];
  double v[2][K];
};
struct layer_dot4 {
  const double *w;
  double bias[K];
};
void step_jvp(struct particle *ps, struct particle *ps_dot, int n, const struct layer *L, const struct layer *L_dot,
              double h, double h_dot);
void step_jvp4(struct particle *ps, struct particle_dot4 *ps_dot, int n, const struct layer *L,
               const struct layer_dot4 *L_dot, double h, const double *h_dot);

typedef struct {
  struct particle ps[N], dps[N];
  double w[N], dw[N], bias, dbias, h, dh;
  int out; /* which output: 3 i + member */
} Line;

static double *member(struct particle *p, int out) {
  int j = out % 3;
  return j == 0 ? &p[out / 3].m : &p[out / 3].v[j - 1];
}

static long double along(long double t, void *ctx) {
  const Line *l = ctx;
  struct particle ps[N];
  double w[N];
  for (int i = 0; i < N; i++) {
    ps[i].m = (double)(l->ps[i].m + t * l->dps[i].m);
    for (int j = 0; j < 2; j++)
      ps[i].v[j] = (double)(l->ps[i].v[j] + t * l->dps[i].v[j]);
    w[i] = (double)(l->w[i] + t * l->dw[i]);
  }
  struct layer L = {3, w, (double)(l->bias + t * l->dbias)};
  step(ps, N, &L, (double)(l->h + t * l->dh));
  return *member(ps, l->out);
}

int main(void) {
  fg_rand_seed(422);
  for (int trial = 0; trial < 4; trial++) {
    struct particle ps[N], ps0[N], expect[N];
    struct particle_dot4 psd[N];
    double w[N], wd[N * K], h = fg_rand_uniform(0.1, 1), hd[K];
    struct layer L = {3, w, fg_rand_uniform(-1, 1)};
    struct layer_dot4 Ld = {wd, {0}};
    for (int i = 0; i < N; i++) {
      ps[i].m = fg_rand_uniform(0.5, 2);
      ps[i].v[0] = fg_rand_uniform(-2, 2);
      ps[i].v[1] = fg_rand_uniform(-2, 2);
      w[i] = fg_rand_uniform(-1, 1);
      for (int k = 0; k < K; k++) {
        psd[i].m[k] = fg_rand_uniform(-1, 1);
        psd[i].v[0][k] = fg_rand_uniform(-1, 1);
        psd[i].v[1][k] = fg_rand_uniform(-1, 1);
        wd[i * K + k] = fg_rand_uniform(-1, 1);
      }
    }
    for (int k = 0; k < K; k++) {
      Ld.bias[k] = fg_rand_uniform(-1, 1);
      hd[k] = fg_rand_uniform(-1, 1);
    }
    memcpy(ps0, ps, sizeof ps);
    memcpy(expect, ps, sizeof ps);
    struct particle_dot4 psd0[N];
    memcpy(psd0, psd, sizeof psd);
    step_jvp4(ps, psd, N, &L, &Ld, h, hd);
    step(expect, N, &L, h);
    for (int o = 0; o < 3 * N; o++)
      fg_check_close("vec_struct_array: primal", *member(ps, o), *member(expect, o), 0, 0);
    for (int k = 0; k < K; k++) {
      Line l = {.bias = L.bias, .dbias = Ld.bias[k], .h = h, .dh = hd[k]};
      struct particle one[N], one_dot[N];
      double w_dot[N];
      for (int i = 0; i < N; i++) {
        l.ps[i] = ps0[i];
        l.dps[i] = (struct particle){psd0[i].m[k], {psd0[i].v[0][k], psd0[i].v[1][k]}};
        l.w[i] = w[i];
        l.dw[i] = w_dot[i] = wd[i * K + k];
      }
      memcpy(one, ps0, sizeof one);
      memcpy(one_dot, l.dps, sizeof one_dot);
      struct layer L_dot = {0, w_dot, Ld.bias[k]};
      step_jvp(one, one_dot, N, &L, &L_dot, h, hd[k]);
      for (int o = 0; o < 3 * N; o++) {
        struct particle_dot4 *d = &psd[o / 3];
        double got = o % 3 == 0 ? d->m[k] : d->v[o % 3 - 1][k];
        l.out = o;
        fg_check_close("vec_struct_array: direction vs step_jvp", got, *member(one_dot, o), 1e-14, 1e-15);
        fg_check_close("vec_struct_array: direction vs Richardson", got, fg_richardson(along, &l, 1e-3), 1e-8, 1e-12);
      }
    }
  }
  return fg_check_report();
}
#endif
