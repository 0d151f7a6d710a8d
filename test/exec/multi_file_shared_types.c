// RUN: rm -rf %t && mkdir -p %t
// RUN: %fgcc %s %S/Inputs/multi_types_other.c -o %t/jvp.c
// RUN: %cc -c %t/jvp.c -o %t/jvp.o
// RUN: %gcc -c %t/jvp.c -o %t/gcc.o
// RUN: %cc -c %S/Inputs/multi_types_other.c -o %t/other.o
// RUN: %cc -DFG_TEST_MAIN %s %t/jvp.o %t/other.o -o %t/exe %libm
// RUN: %t/exe
// Two inputs that share types the three ways C programs do: a header
// without include guard (point, enum shape), a header with one (pair), and
// the same definitions written in both files (real, struct weights). out.c
// defines each once, compiles with clang-19 and gcc -Wall -Wextra -pedantic
// -Werror, and norm2() of the other file is differentiated from its body,
// with those types. Checked against Richardson differences and the hand
// derivative.
#include <fgcc.h>
#include "Inputs/multi_types_point.h"
#include "Inputs/multi_types_guarded.h"

typedef double real;
struct weights { real w1, w2; };

real norm2(point p, struct weights w, enum shape s, pair q);

FG_DIFF double loss(double t, double u) {
  point p = {t, u};
  struct weights w = {2.0, 3.0};
  pair q = {t * u, 1.5};
  return norm2(p, w, SQUARE, q);
}

#ifdef FG_TEST_MAIN
#include <math.h>
#include "fgcheck.h"

double loss_jvp(double t, double t_dot, double u, double u_dot, double *ret_dot);

typedef struct { double t, u, dt, du; } Line;

static long double along(long double h, void *ctx) {
  const Line *l = ctx;
  return loss((double)(l->t + h * l->dt), (double)(l->u + h * l->du));
}

int main(void) {
  fg_rand_seed(1313);
  for (int k = 0; k < 8; k++) {
    Line l;
    double t = l.t = fg_rand_uniform(-1.5, 1.5);
    double u = l.u = fg_rand_uniform(-1.5, 1.5);
    double dt = l.dt = fg_rand_uniform(-1, 1);
    double du = l.du = fg_rand_uniform(-1, 1);
    /* r = 2 t^2 + 3 u, loss = r^2 + 1.5 t u */
    double r = 2 * t * t + 3 * u;
    double hand = 2 * r * (4 * t * dt + 3 * du) + 1.5 * (u * dt + t * du);
    double ret_dot = NAN;
    double v = loss_jvp(t, dt, u, du, &ret_dot);
    fg_check_close("multi_file_shared_types: primal", v, loss(t, u), 0, 0);
    fg_check_close("multi_file_shared_types: tangent vs Richardson", ret_dot, fg_richardson(along, &l, 1e-2), 1e-8,
                   1e-11);
    fg_check_close("multi_file_shared_types: tangent vs formula", ret_dot, hand, 1e-12, 1e-12);
  }
  return fg_check_report();
}
#endif
