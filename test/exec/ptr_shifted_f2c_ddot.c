// RUN: %fgcc %s -o %t.jvp.c --fn ddot_
// RUN: %cc -c %t.jvp.c -o %t.jvp.o
// RUN: %gcc -fsyntax-only %t.jvp.c
// RUN: %cc -DFG_TEST_MAIN %s %t.jvp.o -o %t.exe %libm
// RUN: %t.exe
// f2c output of the reference BLAS ddot, unannotated, selected with --fn:
// shifted pointers, a static doublereal accumulator, gotos, an unrolled loop,
// a doublereal return value.
typedef double doublereal;
typedef long int integer;

doublereal ddot_(integer *n, doublereal *dx, integer *incx, doublereal *dy,
	integer *incy)
{
    /* System generated locals */
    integer i__1;
    doublereal ret_val;

    /* Local variables */
    static integer i__, m, ix, iy, mp1;
    static doublereal dtemp;

    /* Parameter adjustments */
    --dy;
    --dx;

    /* Function Body */
    ret_val = 0.;
    dtemp = 0.;
    if (*n <= 0) {
	return ret_val;
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
	dtemp += dx[ix] * dy[iy];
	ix += *incx;
	iy += *incy;
/* L10: */
    }
    ret_val = dtemp;
    return ret_val;
L20:
    m = *n % 5;
    if (m == 0) {
	goto L40;
    }
    i__1 = m;
    for (i__ = 1; i__ <= i__1; ++i__) {
	dtemp += dx[i__] * dy[i__];
/* L30: */
    }
    if (*n < 5) {
	goto L60;
    }
L40:
    mp1 = m + 1;
    i__1 = *n;
    for (i__ = mp1; i__ <= i__1; i__ += 5) {
	dtemp = dtemp + dx[i__] * dy[i__] + dx[i__ + 1] * dy[i__ + 1] + dx[
		i__ + 2] * dy[i__ + 2] + dx[i__ + 3] * dy[i__ + 3] + dx[i__ +
		4] * dy[i__ + 4];
/* L50: */
    }
L60:
    ret_val = dtemp;
    return ret_val;
} /* ddot_ */

#ifdef FG_TEST_MAIN
#include <math.h>
#include "fgcheck.h"

doublereal ddot__jvp(integer *n, doublereal *dx, doublereal *dx_dot, integer *incx, doublereal *dy,
                     doublereal *dy_dot, integer *incy, doublereal *ret_dot);

#define NMAX 16
typedef struct {
  integer n, incx, incy;
  double x[NMAX], dx[NMAX], y[NMAX], dy[NMAX];
} Line;

static long double along(long double h, void *ctx) {
  Line *l = ctx;
  double x[NMAX], y[NMAX];
  for (int i = 0; i < NMAX; i++) {
    x[i] = (double)(l->x[i] + h * l->dx[i]);
    y[i] = (double)(l->y[i] + h * l->dy[i]);
  }
  return ddot_(&l->n, x, &l->incx, y, &l->incy);
}

int main(void) {
  /* n, incx, incy: remainder + unrolled, unrolled only, remainder only, strided with a negative increment */
  static const integer cases[4][3] = {{8, 1, 1}, {10, 1, 1}, {4, 1, 1}, {5, -2, 3}};
  fg_rand_seed(602);
  for (int k = 0; k < 8; k++) {
    Line l;
    l.n = cases[k % 4][0], l.incx = cases[k % 4][1], l.incy = cases[k % 4][2];
    for (int i = 0; i < NMAX; i++) {
      l.x[i] = fg_rand_uniform(-2, 2);
      l.dx[i] = fg_rand_uniform(-1, 1);
      l.y[i] = fg_rand_uniform(-2, 2);
      l.dy[i] = fg_rand_uniform(-1, 1);
    }
    Line c = l;
    double ret_dot = NAN;
    double r = ddot__jvp(&c.n, c.x, c.dx, &c.incx, c.y, c.dy, &c.incy, &ret_dot);
    integer n = l.n, incx = l.incx, incy = l.incy;
    long ix = incx < 0 ? (1 - n) * incx : 0, iy = incy < 0 ? (1 - n) * incy : 0;
    double hand = 0;
    for (long i = 0; i < n; i++, ix += incx, iy += incy)
      hand += l.dx[ix] * l.y[iy] + l.x[ix] * l.dy[iy];
    fg_check_close("ddot: primal", r, ddot_(&l.n, l.x, &l.incx, l.y, &l.incy), 0, 0);
    fg_check_close("ddot: tangent vs Richardson", ret_dot, fg_richardson(along, &l, 1e-3), 1e-8, 1e-12);
    fg_check_close("ddot: tangent vs formula", ret_dot, hand, 1e-12, 1e-14);
    for (int i = 0; i < NMAX; i++)
      fg_check_close("ddot: inputs unchanged", c.x[i] + c.dx[i] + c.y[i] + c.dy[i], l.x[i] + l.dx[i] + l.y[i] + l.dy[i], 0, 0);
  }
  return fg_check_report();
}
#endif
