// f2c turns COMMON blocks into anonymous static structs, and code uses
// anonymous local structs: their tangents spell the struct body inline.
// RUN: %fgcc %s -o %t.jvp.c --fn f
// RUN: %cc -c %t.jvp.c -o %t.jvp.o
// RUN: %gcc -O2 -c %t.jvp.c -o %t.gcc.o
// RUN: %cc -DFG_TEST_MAIN %s %t.jvp.o -o %t.exe %libm
// RUN: %t.exe
#include <math.h>

static struct {
  double fxstat[2];
  int nfxe;
} usubc_;

#define usubc_1 usubc_

double f(double *x) {
  struct { double lo, hi; int n; } w;
  w.lo = sin(x[0]);
  w.hi = x[1] * w.lo;
  w.n = 2;
  usubc_1.fxstat[0] = w.hi * w.hi;
  usubc_1.fxstat[1] = w.lo + w.n;
  usubc_1.nfxe = w.n;
  return usubc_1.fxstat[0] + exp(usubc_1.fxstat[1]);
}

#ifdef FG_TEST_MAIN
#include "fgcheck.h"
double f_jvp(double *x, double *x_dot, double *ret_dot);
typedef struct { double x[2], v[2]; } Ctx;
static long double g(long double h, void *p) {
  Ctx *c = p;
  double x[2] = {(double)(c->x[0] + h * c->v[0]), (double)(c->x[1] + h * c->v[1])};
  return f(x);
}
int main(void) {
  fg_rand_seed(11);
  for (int k = 0; k < 8; k++) {
    Ctx c = {{fg_rand_uniform(-1, 1), fg_rand_uniform(-1, 1)}, {fg_rand_uniform(-1, 1), fg_rand_uniform(-1, 1)}};
    double x[2] = {c.x[0], c.x[1]}, xd[2] = {c.v[0], c.v[1]}, d;
    double y = f_jvp(x, xd, &d);
    fg_check_close("primal", y, f(x), 0, 0);
    double s = sin(c.x[0]), co = cos(c.x[0]);
    double hand = 2 * c.x[1] * s * (c.v[1] * s + c.x[1] * co * c.v[0]) + exp(s + 2) * co * c.v[0];
    fg_check_close("hand", d, hand, 1e-12, 1e-14);
    fg_check_close("richardson", d, fg_richardson(g, &c, 1e-2), 1e-8, 1e-12);
  }
  return fg_check_report();
}
#endif
