// RUN: %fgcc %s -o %t.jvp.c --fn norm2:x,scale
// RUN: %cc -c %t.jvp.c -o %t.jvp.o
// RUN: %gcc -fsyntax-only %t.jvp.c
// RUN: %cc -DFG_TEST_MAIN %s %t.jvp.o -o %t.exe %libm
// RUN: %t.exe
// typedef'd floating and integer types (doublereal, integer, an array
// typedef), no annotations: --fn NAME:p1,p2 names the active parameters, so
// `shift` (a doublereal) stays inactive and gets no tangent.
#include <math.h>

typedef double doublereal;
typedef long integer;
typedef doublereal vec3[3];

doublereal norm2(const doublereal *x, integer n, doublereal scale, doublereal shift) {
  doublereal s = 0.;
  vec3 w = {1., 2., 3.};
  integer i;
  for (i = 0; i < n; ++i)
    s += w[i % 3] * (x[i] - shift) * (x[i] - shift);
  return scale * sqrt(s);
}

#ifdef FG_TEST_MAIN
#include "fgcheck.h"

doublereal norm2_jvp(const doublereal *x, const doublereal *x_dot, integer n, doublereal scale,
                     doublereal scale_dot, doublereal shift, doublereal *ret_dot);

#define N 7
typedef struct { double x[N], dx[N], scale, dscale, shift; } Line;

static long double along(long double h, void *ctx) {
  const Line *l = ctx;
  double x[N];
  for (int i = 0; i < N; i++)
    x[i] = (double)(l->x[i] + h * l->dx[i]);
  return norm2(x, N, (double)(l->scale + h * l->dscale), l->shift);
}

int main(void) {
  fg_rand_seed(604);
  for (int k = 0; k < 8; k++) {
    Line l;
    for (int i = 0; i < N; i++) {
      l.x[i] = fg_rand_uniform(-2, 2);
      l.dx[i] = fg_rand_uniform(-1, 1);
    }
    l.scale = fg_rand_uniform(0.5, 2);
    l.dscale = fg_rand_uniform(-1, 1);
    l.shift = fg_rand_uniform(-1, 1);
    double ret_dot = NAN;
    double r = norm2_jvp(l.x, l.dx, N, l.scale, l.dscale, l.shift, &ret_dot);
    double s = 0, ds = 0;
    for (int i = 0; i < N; i++) {
      double wi = i % 3 + 1, d = l.x[i] - l.shift;
      s += wi * d * d;
      ds += 2 * wi * d * l.dx[i];
    }
    double hand = l.dscale * sqrt(s) + l.scale * ds / (2 * sqrt(s));
    fg_check_close("legacy_fn_wrt_typedefs: primal", r, norm2(l.x, N, l.scale, l.shift), 0, 0);
    fg_check_close("legacy_fn_wrt_typedefs: tangent vs Richardson", ret_dot, fg_richardson(along, &l, 1e-3), 1e-8, 1e-12);
    fg_check_close("legacy_fn_wrt_typedefs: tangent vs formula", ret_dot, hand, 1e-10, 1e-13);
  }
  return fg_check_report();
}
#endif
