// RUN: %fgcc %s -o %t.jvp.c --fn stdlib_strided_dvariancewd
// RUN: %cc -c %t.jvp.c -o %t.jvp.o
// RUN: %gcc -O2 -c %t.jvp.c -o %t.gcc.o
// RUN: %cc -DFG_TEST_MAIN %s %t.jvp.o -o %t.exe %libm
// RUN: %t.exe
//
// Third-party code, unannotated, differentiated with --fn: the variance of a
// strided array by Welford's algorithm, stdlib_strided_dvariancewd, from the
// npm package @stdlib/stats-base-dvariancewd 0.2.2 (Apache License 2.0, The
// Stdlib Authors; the file's own notice is kept below). The package's
// src/dvariancewd.c, with its #include "stdlib/..." line replaced by the text
// of that header (marked "---- #include ..., inlined ----"). Nothing else was
// changed. It exercises: an active scalar (the degrees-of-freedom correction)
// mixed with an int64_t count, `(double)N - correction` and `(double)(i+1)`,
// early returns on a count and on an active value (n <= 0 gives NaN), a
// running mean and sum of squares updated with += from the same loop's
// locals (mu is read again after it changed), and negative and zero strides.
/* ==== @stdlib/stats-base-dvariancewd 0.2.2: src/dvariancewd.c ==== */
/**
* @license Apache-2.0
*
* Copyright (c) 2020 The Stdlib Authors.
*
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
*    http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
*/

/* ---- #include "stdlib/stats/base/dvariancewd.h" (@stdlib/stats-base-dvariancewd 0.2.2), inlined ---- */
/**
* @license Apache-2.0
*
* Copyright (c) 2020 The Stdlib Authors.
*
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
*    http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
*/

/**
* Header file containing function declarations.
*/
#ifndef STDLIB_STATS_BASE_DVARIANCEWD_H
#define STDLIB_STATS_BASE_DVARIANCEWD_H

#include <stdint.h>

/*
* If C++, prevent name mangling so that the compiler emits a binary file having undecorated names, thus mirroring the behavior of a C compiler.
*/
#ifdef __cplusplus
extern "C" {
#endif

/**
* Computes the variance of a double-precision floating-point strided array using Welford's algorithm.
*/
double stdlib_strided_dvariancewd( const int64_t N, const double correction, const double *X, const int64_t stride );

#ifdef __cplusplus
}
#endif

#endif // !STDLIB_STATS_BASE_DVARIANCEWD_H
#include <stdint.h>

/**
* Computes the variance of a double-precision floating-point strided array using Welford's algorithm.
*
* ## Method
*
* -   This implementation uses Welford's algorithm for efficient computation, which can be derived as follows. Let
*
*     ```tex
*     \begin{align*}
*     S_n &= n \sigma_n^2 \\
*         &= \sum_{i=1}^{n} (x_i - \mu_n)^2 \\
*         &= \biggl(\sum_{i=1}^{n} x_i^2 \biggr) - n\mu_n^2
*     \end{align*}
*     ```
*
*     Accordingly,
*
*     ```tex
*     \begin{align*}
*     S_n - S_{n-1} &= \sum_{i=1}^{n} x_i^2 - n\mu_n^2 - \sum_{i=1}^{n-1} x_i^2 + (n-1)\mu_{n-1}^2 \\
*                   &= x_n^2 - n\mu_n^2 + (n-1)\mu_{n-1}^2 \\
*                   &= x_n^2 - \mu_{n-1}^2 + n(\mu_{n-1}^2 - \mu_n^2) \\
*                   &= x_n^2 - \mu_{n-1}^2 + n(\mu_{n-1} - \mu_n)(\mu_{n-1} + \mu_n) \\
*                   &= x_n^2 - \mu_{n-1}^2 + (\mu_{n-1} - x_n)(\mu_{n-1} + \mu_n) \\
*                   &= x_n^2 - \mu_{n-1}^2 + \mu_{n-1}^2 - x_n\mu_n - x_n\mu_{n-1} + \mu_n\mu_{n-1} \\
*                   &= x_n^2 - x_n\mu_n - x_n\mu_{n-1} + \mu_n\mu_{n-1} \\
*                   &= (x_n - \mu_{n-1})(x_n - \mu_n) \\
*                   &= S_{n-1} + (x_n - \mu_{n-1})(x_n - \mu_n)
*     \end{align*}
*     ```
*
*     where we use the identity
*
*     ```tex
*     x_n - \mu_{n-1} = n (\mu_n - \mu_{n-1})
*     ```
*
* ## References
*
* -   Welford, B. P. 1962. "Note on a Method for Calculating Corrected Sums of Squares and Products." _Technometrics_ 4 (3). Taylor & Francis: 419–20. doi:[10.1080/00401706.1962.10490022](https://doi.org/10.1080/00401706.1962.10490022).
* -   van Reeken, A. J. 1968. "Letters to the Editor: Dealing with Neely's Algorithms." _Communications of the ACM_ 11 (3): 149–50. doi:[10.1145/362929.362961](https://doi.org/10.1145/362929.362961).
*
* @param N           number of indexed elements
* @param correction  degrees of freedom adjustment
* @param X           input array
* @param stride      stride length
* @return            output value
*/
double stdlib_strided_dvariancewd( const int64_t N, const double correction, const double *X, const int64_t stride ) {
	double delta;
	int64_t ix;
	int64_t i;
	double mu;
	double M2;
	double n;
	double v;

	n = (double)N - correction;
	if ( N <= 0 || n <= 0.0 ) {
		return 0.0 / 0.0; // NaN
	}
	if ( N == 1 || stride == 0 ) {
		return 0.0;
	}
	if ( stride < 0 ) {
		ix = (1-N) * stride;
	} else {
		ix = 0;
	}
	M2 = 0.0;
	mu = 0.0;
	for ( i = 0; i < N; i++ ) {
		v = X[ ix ];
		delta = v - mu;
		mu += delta / (double)(i+1);
		M2 += delta * ( v - mu );
		ix += stride;
	}
	return M2 / n;
}

#ifdef FG_TEST_MAIN
#include <math.h>
#include <string.h>
#include "fgcheck.h"

double stdlib_strided_dvariancewd_jvp(const int64_t N, const double correction, const double correction_dot, const double *X, const double *X_dot, const int64_t stride, double *ret_dot);

#define MAXLEN 128

typedef struct {
	int64_t N, stride;
	double c, dc, X[MAXLEN], dX[MAXLEN];
} Call;

static long double along(long double h, void *ctx) {
	const Call *a = ctx;
	double X[MAXLEN];
	for (int i = 0; i < MAXLEN; i++)
		X[i] = (double)(a->X[i] + h * a->dX[i]);
	return stdlib_strided_dvariancewd(a->N, (double)(a->c + h * a->dc), X, a->stride);
}

/* shift: the data's offset from 0, to make the mean large against the spread */
static void check(int64_t N, int64_t stride, double c, double shift) {
	Call a;
	memset(&a, 0, sizeof a);
	a.N = N, a.stride = stride, a.c = c, a.dc = fg_rand_uniform(-1, 1);
	for (int i = 0; i < MAXLEN; i++)
		a.X[i] = shift + fg_rand_uniform(-3, 3), a.dX[i] = fg_rand_uniform(-1, 1);
	double ret_dot = 0.0 / 0.0;
	double r = stdlib_strided_dvariancewd_jvp(N, c, a.dc, a.X, a.dX, stride, &ret_dot);
	fg_check_close("dvariancewd: primal", r, stdlib_strided_dvariancewd(N, c, a.X, stride), 0, 0);

	/* by hand: with n = N - c, the mean m and the variance v = sum (x_i - m)^2 / n,
	 * dv = (2 / n) sum (x_i - m) dx_i + (v / n) dc (the sum of the dx_i times
	 * sum (x_i - m) = 0 drops out); stride 0 reads X[0] N times: v = 0 */
	long double m = 0, v = 0, dv = 0, n = (long double)N - c;
	int64_t ix0 = stride < 0 ? (1 - N) * stride : 0;
	for (int64_t i = 0; i < N; i++)
		m += a.X[ix0 + i * stride];
	m /= N;
	for (int64_t i = 0; i < N; i++) {
		long double d = a.X[ix0 + i * stride] - m;
		v += d * d;
		dv += 2 * d * a.dX[ix0 + i * stride];
	}
	v /= n, dv = dv / n + v / n * a.dc;
	double h0 = 1e-2;
	if (n < 1) /* stay on the side n > 0 */
		h0 = fmin(h0, 0.5 * (double)n / fabs(a.dc));
	fg_check_close("dvariancewd: tangent vs Richardson", ret_dot, fg_richardson(along, &a, h0), 1e-8, 1e-12);
	fg_check_close("dvariancewd: tangent vs formula", ret_dot, (double)dv, 1e-11, 1e-13);
}

int main(void) {
	fg_rand_seed(1962);
	for (int k = 0; k < 20; k++) { /* the sample (c = 1) and population (c = 0) variance, and in between */
		int64_t N = 2 + (int64_t)fg_rand_uniform(0, 40);
		check(N, 1, 1.0, 0.0);
		check(N, 1, 0.0, fg_rand_uniform(-10, 10));
		check(N, 1, fg_rand_uniform(0, 1), 0.0);
	}
	check(40, 3, 1.0, 0.0);  /* strides */
	check(40, -2, 1.0, 5.0);
	check(100, -1, 0.0, -2.0);
	check(7, 0, 1.0, 0.0);   /* stride 0: X[0] seven times, variance 0 */
	check(1, 1, 0.0, 0.0);   /* N == 1: 0 */
	check(2, 1, 1.9, 0.0);   /* n = 0.1, just above the n <= 0 return */
	check(50, 1, 1.0, 1e3);  /* a mean far from 0 */
	{
		double X[2] = { 1.0, 2.0 }, dX[2] = { 1.0, 1.0 }, ret_dot = 0;
		double r = stdlib_strided_dvariancewd_jvp(2, 2.0, 1.0, X, dX, 1, &ret_dot);
		fg_check("dvariancewd: n == 0 gives NaN", r != r);
	}
	return fg_check_report();
}
#endif
