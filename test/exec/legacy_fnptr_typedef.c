// RUN: %fgcc %s -o %t.jvp.c
// RUN: %cc -c %t.jvp.c -o %t.jvp.o
// RUN: %gcc -fsyntax-only %t.jvp.c
// RUN: %cc -DFG_TEST_MAIN %s %t.jvp.o -o %t.exe %libm
// RUN: %t.exe
// A header region like f2c.h: function pointer typedefs (prototyped: the test
// flags reject "()" declarations), a struct of function pointers, a table of
// them, a function taking a callback; none of it is called by the
// differentiated function.
#include <fgcc.h>
#include <math.h>

typedef double doublereal;
typedef int /* Unknown procedure type */ (*U_fp)(void);
typedef doublereal (*D_fp)(doublereal *), (*E_fp)(doublereal *, doublereal *);
typedef /* Subroutine */ int (*S_fp)(doublereal *, long *);
typedef double (*unary_fn)(double);
typedef int (*cmp_fn)(const void *, const void *);

struct method {
  const char *name;
  unary_fn fn;
  double (*deriv)(double);
};

static const struct method methods[2] = {{"sin", sin, cos}, {"exp", exp, exp}};

double apply_twice(unary_fn g, double v) { return g(g(v)); }

FG_DIFF double f(double x, double y) { return x * sin(y) + methods[0].name[0]; }

#ifdef FG_TEST_MAIN
#include <math.h>
#include "fgcheck.h"

double f_jvp(double x, double x_dot, double y, double y_dot, double *ret_dot);

int main(void) {
  fg_rand_seed(608);
  for (int k = 0; k < 10; k++) {
    double x = fg_rand_uniform(-2, 2);
    double y = fg_rand_uniform(-2, 2);

    double dx = fg_rand_uniform(-1, 1);
    double dy = fg_rand_uniform(-1, 1);
    fg_line2 l = {f, x, y, dx, dy};
    double ret_dot = NAN;
    double r = f_jvp(x, dx, y, dy, &ret_dot);
    double hand = dx * sin(y) + x * cos(y) * dy;
    fg_check_close("legacy_fnptr_typedef: primal", r, f(x, y), 0, 0);
    fg_check_close("legacy_fnptr_typedef: tangent vs Richardson", ret_dot, fg_richardson(fg_along2, &l, 1e-3), 1e-8, 1e-12);
    fg_check_close("legacy_fnptr_typedef: tangent vs formula", ret_dot, hand, 1e-10, 1e-13);
  }
  return fg_check_report();
}
#endif
