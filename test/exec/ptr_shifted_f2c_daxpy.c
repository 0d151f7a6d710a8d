// RUN: %fgcc %s -o %t.jvp.c --fn daxpy_
// RUN: %cc -c %t.jvp.c -o %t.jvp.o
// RUN: %gcc -fsyntax-only %t.jvp.c
// RUN: %cc -DFG_TEST_MAIN %s %t.jvp.o -o %t.exe %libm
// RUN: %t.exe
// f2c output of the reference BLAS daxpy, unannotated, selected with --fn:
// shifted pointers (--dx; --dy;), static integer locals, gotos, the unrolled
// loop. All of da, dx, dy are non-const doublereal pointers: all active; dy
// is in/out (dy_dot in: tangent of y, out: tangent of y + a x).
typedef double doublereal;
typedef long int integer;

/* Subroutine */ int daxpy_(integer *n, doublereal *da, doublereal *dx,
	integer *incx, doublereal *dy, integer *incy)
{
    /* System generated locals */
    integer i__1;

    /* Local variables */
    static integer i__, m, ix, iy, mp1;

    /* Parameter adjustments */
    --dy;
    --dx;

    /* Function Body */
    if (*n <= 0) {
	return 0;
    }
    if (*da == 0.) {
	return 0;
    }
    if (*incx == 1 && *incy == 1) {
	goto L20;
    }
    ix = 1;
    iy = 1;
    if (*incx < 0) {
	ix = (-(*n) + 1) * *incx + 1;
    }
    if (*incy < 0) {
	iy = (-(*n) + 1) * *incy + 1;
    }
    i__1 = *n;
    for (i__ = 1; i__ <= i__1; ++i__) {
	dy[iy] += *da * dx[ix];
	ix += *incx;
	iy += *incy;
/* L10: */
    }
    return 0;
L20:
    m = *n % 4;
    if (m == 0) {
	goto L40;
    }
    i__1 = m;
    for (i__ = 1; i__ <= i__1; ++i__) {
	dy[i__] += *da * dx[i__];
/* L30: */
    }
    if (*n < 4) {
	return 0;
    }
L40:
    mp1 = m + 1;
    i__1 = *n;
    for (i__ = mp1; i__ <= i__1; i__ += 4) {
	dy[i__] += *da * dx[i__];
	dy[i__ + 1] += *da * dx[i__ + 1];
	dy[i__ + 2] += *da * dx[i__ + 2];
	dy[i__ + 3] += *da * dx[i__ + 3];
/* L50: */
    }
    return 0;
} /* daxpy_ */

#ifdef FG_TEST_MAIN
#include <math.h>
#include "fgcheck.h"

int daxpy__jvp(integer *n, doublereal *da, doublereal *da_dot, doublereal *dx, doublereal *dx_dot,
               integer *incx, doublereal *dy, doublereal *dy_dot, integer *incy);

#define NMAX 16
typedef struct {
  integer n, incx, incy;
  double a, da, x[NMAX], dx[NMAX], y[NMAX], dy[NMAX];
  int i;
} Line;

static long double along(long double h, void *ctx) {
  Line *l = ctx;
  double a = (double)(l->a + h * l->da), x[NMAX], y[NMAX];
  for (int i = 0; i < NMAX; i++) {
    x[i] = (double)(l->x[i] + h * l->dx[i]);
    y[i] = (double)(l->y[i] + h * l->dy[i]);
  }
  daxpy_(&l->n, &a, x, &l->incx, y, &l->incy);
  return y[l->i];
}

int main(void) {
  /* n, incx, incy: unit strides with a remainder loop, unrolled only, strided with a negative increment */
  static const integer cases[4][3] = {{7, 1, 1}, {8, 1, 1}, {3, 1, 1}, {5, 2, -1}};
  fg_rand_seed(601);
  for (int k = 0; k < 8; k++) {
    Line l;
    l.n = cases[k % 4][0], l.incx = cases[k % 4][1], l.incy = cases[k % 4][2];
    l.a = fg_rand_uniform(0.5, 2);
    l.da = fg_rand_uniform(-1, 1);
    for (int i = 0; i < NMAX; i++) {
      l.x[i] = fg_rand_uniform(-2, 2);
      l.dx[i] = fg_rand_uniform(-1, 1);
      l.y[i] = fg_rand_uniform(-2, 2);
      l.dy[i] = fg_rand_uniform(-1, 1);
    }
    double a = l.a, da = l.da, x[NMAX], dx[NMAX], y[NMAX], dy[NMAX], expect[NMAX], hand[NMAX];
    for (int i = 0; i < NMAX; i++) {
      x[i] = l.x[i], dx[i] = l.dx[i], y[i] = expect[i] = l.y[i], dy[i] = hand[i] = l.dy[i];
    }
    integer n = l.n, incx = l.incx, incy = l.incy;
    int rc = daxpy__jvp(&n, &a, &da, x, dx, &incx, y, dy, &incy);
    daxpy_(&l.n, &l.a, l.x, &l.incx, expect, &l.incy);
    /* y(iy) += a x(ix), with BLAS indexing of negative increments */
    long ix = incx < 0 ? (1 - n) * incx : 0, iy = incy < 0 ? (1 - n) * incy : 0;
    for (long i = 0; i < n; i++, ix += incx, iy += incy)
      hand[iy] += l.da * l.x[ix] + l.a * l.dx[ix];
    fg_check_close("daxpy: return value", rc, 0, 0, 0);
    fg_check_close("daxpy: da, da_dot unchanged", a + da, l.a + l.da, 0, 0);
    for (int i = 0; i < NMAX; i++) {
      l.i = i;
      fg_check_close("daxpy: x, x_dot unchanged", x[i] + dx[i], l.x[i] + l.dx[i], 0, 0);
      fg_check_close("daxpy: primal y[i]", y[i], expect[i], 0, 0);
      fg_check_close("daxpy: y_dot[i] vs Richardson", dy[i], fg_richardson(along, &l, 1e-3), 1e-8, 1e-12);
      fg_check_close("daxpy: y_dot[i] vs formula", dy[i], hand[i], 1e-12, 1e-14);
    }
  }
  return fg_check_report();
}
#endif
