// RUN: %fgcc %s -o %t.jvp.c
// RUN: %cc -c %t.jvp.c -o %t.jvp.o
// RUN: %gcc -fsyntax-only %t.jvp.c
// RUN: %cc -DFG_TEST_MAIN %s %t.jvp.o -o %t.exe %libm
// RUN: %t.exe
// A double function of three double parameters, none annotated FG_WRT: all
// three are active, each followed by its tangent.
#include <fgcc.h>

FG_DIFF double f(double x, double y, double z) {
  double t = x * y + z;
  return t * t / (1.0 + z * z) - 3.0 * x;
}

#ifdef FG_TEST_MAIN
#include <math.h>
#include "fgcheck.h"

double f_jvp(double x, double x_dot, double y, double y_dot, double z, double z_dot, double *ret_dot);

typedef struct { double x, y, z, dx, dy, dz; } Line;

static long double along(long double h, void *ctx) {
  const Line *l = ctx;
  return f((double)(l->x + h * l->dx), (double)(l->y + h * l->dy), (double)(l->z + h * l->dz));
}

int main(void) {
  fg_rand_seed(101);
  for (int k = 0; k < 8; k++) {
    Line l;
    l.x = fg_rand_uniform(-2, 2);
    l.y = fg_rand_uniform(-2, 2);
    l.z = fg_rand_uniform(-2, 2);
    l.dx = fg_rand_uniform(-1, 1);
    l.dy = fg_rand_uniform(-1, 1);
    l.dz = fg_rand_uniform(-1, 1);
    double x = l.x, y = l.y, z = l.z, dx = l.dx, dy = l.dy, dz = l.dz;
    double ret_dot = NAN;
    double r = f_jvp(x, dx, y, dy, z, dz, &ret_dot);
    double t = x * y + z, dt = dx * y + x * dy + dz, q = 1.0 + z * z;
    double hand = (2 * t * dt * q - t * t * 2 * z * dz) / (q * q) - 3 * dx;
    fg_check_close("scalar_double: primal", r, f(x, y, z), 0, 0);
    fg_check_close("scalar_double: tangent vs Richardson", ret_dot, fg_richardson(along, &l, 1e-3), 1e-8, 1e-12);
    fg_check_close("scalar_double: tangent vs formula", ret_dot, hand, 1e-10, 1e-13);
  }
  return fg_check_report();
}
#endif
