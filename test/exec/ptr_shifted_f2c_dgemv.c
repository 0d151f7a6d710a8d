// RUN: %fgcc %s -o %t.jvp.c --fn dgemvn_
// RUN: %cc -c %t.jvp.c -o %t.jvp.o
// RUN: %gcc -fsyntax-only %t.jvp.c
// RUN: %cc -DFG_TEST_MAIN %s %t.jvp.o -o %t.exe %libm
// RUN: %t.exe
// f2c style 2-D shifted matrix: y := y + alpha A x with A column-major,
// leading dimension lda, a -= a_offset (= 1 + a_dim1), --x, --y, indexing
// a[i__ + j * a_dim1]. Unannotated, selected with --fn.
typedef double doublereal;
typedef long int integer;

/* Subroutine */ int dgemvn_(integer *m, integer *n, doublereal *alpha,
	doublereal *a, integer *lda, doublereal *x, doublereal *y)
{
    /* System generated locals */
    integer a_dim1, a_offset, i__1, i__2;

    /* Local variables */
    static integer i__, j;
    static doublereal temp;

    /* Parameter adjustments */
    a_dim1 = *lda;
    a_offset = 1 + a_dim1;
    a -= a_offset;
    --x;
    --y;

    /* Function Body */
    if (*m == 0 || *n == 0) {
	return 0;
    }
    i__1 = *n;
    for (j = 1; j <= i__1; ++j) {
	if (x[j] != 0.) {
	    temp = *alpha * x[j];
	    i__2 = *m;
	    for (i__ = 1; i__ <= i__2; ++i__) {
		y[i__] += temp * a[i__ + j * a_dim1];
/* L50: */
	    }
	}
/* L60: */
    }
    return 0;
} /* dgemvn_ */

#ifdef FG_TEST_MAIN
#include <math.h>
#include "fgcheck.h"

int dgemvn__jvp(integer *m, integer *n, doublereal *alpha, doublereal *alpha_dot, doublereal *a,
                doublereal *a_dot, integer *lda, doublereal *x, doublereal *x_dot, doublereal *y,
                doublereal *y_dot);

#define M 3
#define N 4
#define LDA 5 /* > M: rows M..LDA-1 of each column are padding, never read */
typedef struct {
  double alpha, dalpha, a[LDA * N], da[LDA * N], x[N], dx[N], y[M], dy[M];
  int i;
} Line;

static long double along(long double h, void *ctx) {
  const Line *l = ctx;
  double alpha = (double)(l->alpha + h * l->dalpha), a[LDA * N], x[N], y[M];
  for (int i = 0; i < LDA * N; i++)
    a[i] = (double)(l->a[i] + h * l->da[i]);
  for (int i = 0; i < N; i++)
    x[i] = (double)(l->x[i] + h * l->dx[i]);
  for (int i = 0; i < M; i++)
    y[i] = (double)(l->y[i] + h * l->dy[i]);
  integer m = M, n = N, lda = LDA;
  dgemvn_(&m, &n, &alpha, a, &lda, x, y);
  return y[l->i];
}

int main(void) {
  fg_rand_seed(603);
  for (int k = 0; k < 6; k++) {
    Line l;
    l.alpha = fg_rand_uniform(-2, 2);
    l.dalpha = fg_rand_uniform(-1, 1);
    for (int i = 0; i < LDA * N; i++) {
      l.a[i] = fg_rand_uniform(-2, 2);
      l.da[i] = fg_rand_uniform(-1, 1);
    }
    for (int i = 0; i < N; i++) {
      l.x[i] = fg_rand_uniform(0.5, 2);
      l.dx[i] = fg_rand_uniform(-1, 1);
    }
    for (int i = 0; i < M; i++) {
      l.y[i] = fg_rand_uniform(-2, 2);
      l.dy[i] = fg_rand_uniform(-1, 1);
    }
    Line c = l;
    integer m = M, n = N, lda = LDA;
    int rc = dgemvn__jvp(&m, &n, &c.alpha, &c.dalpha, c.a, c.da, &lda, c.x, c.dx, c.y, c.dy);
    double expect[M], hand[M];
    for (int i = 0; i < M; i++) {
      expect[i] = l.y[i];
      hand[i] = l.dy[i];
      for (int j = 0; j < N; j++)
        hand[i] += (l.dalpha * l.x[j] + l.alpha * l.dx[j]) * l.a[i + j * LDA] + l.alpha * l.x[j] * l.da[i + j * LDA];
    }
    dgemvn_(&m, &n, &l.alpha, l.a, &lda, l.x, expect);
    fg_check_close("dgemvn: return value", rc, 0, 0, 0);
    for (int i = 0; i < M; i++) {
      l.i = i;
      fg_check_close("dgemvn: primal y[i]", c.y[i], expect[i], 0, 0);
      fg_check_close("dgemvn: y_dot[i] vs Richardson", c.dy[i], fg_richardson(along, &l, 1e-3), 1e-8, 1e-12);
      fg_check_close("dgemvn: y_dot[i] vs formula", c.dy[i], hand[i], 1e-12, 1e-14);
    }
    for (int i = 0; i < LDA * N; i++)
      fg_check_close("dgemvn: a, a_dot unchanged", c.a[i] + c.da[i], l.a[i] + l.da[i], 0, 0);
  }
  return fg_check_report();
}
#endif
