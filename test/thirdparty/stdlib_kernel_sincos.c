// RUN: %fgcc %s -o %t.jvp.c --fn stdlib_base_kernel_sin --fn stdlib_base_kernel_cos
// RUN: %cc -c %t.jvp.c -o %t.jvp.o
// RUN: %gcc -O2 -c %t.jvp.c -o %t.gcc.o
// RUN: %cc -DFG_TEST_MAIN %s %t.jvp.o -o %t.exe %libm
// RUN: %t.exe
//
// Third-party code, unannotated, differentiated with --fn: the kernels of sin
// and cos on [-pi/4, pi/4], stdlib_base_kernel_sin and stdlib_base_kernel_cos,
// from the npm packages @stdlib/math-base-special-kernel-sin 0.2.4 and
// @stdlib/math-base-special-kernel-cos 0.2.4 (Apache License 2.0, The Stdlib
// Authors, after FreeBSD msun, Sun Microsystems; each file's own notice is
// kept below). Each package's src/main.c follows the other; every #include
// "stdlib/..." line was replaced by the text of that header (marked "----
// #include ..., inlined ----"). Nothing else was changed. It exercises: two
// active parameters (x and the tail y of a reduced argument), a branch on
// y == 0 that drops y, long chains of products of active locals (z, w, v, r
// reused), `r += w * w * poly(z)`, and static Horner helpers.
//
// The kernels approximate sin(x + y) and cos(x + y) to first order in the
// tiny tail y, as their comments say: sin(x+y) ~ sin(x) + (1 - x*x/2) y and
// cos(x+y) ~ cos(x) - x y. The y-derivatives checked against the hand
// formulas are therefore 1 - x^2/2 and -x. kernel_sin returns a value without
// y when y == 0, so at y == 0 only directions with dy == 0 are checked.
/* ==== @stdlib/math-base-special-kernel-sin 0.2.4: src/main.c ==== */
/**
* @license Apache-2.0
*
* Copyright (c) 2022 The Stdlib Authors.
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
*
* ## Notice
*
* The following copyright, license, and long comment were part of the original implementation available as part of [FreeBSD]{@link https://svnweb.freebsd.org/base/release/9.3.0/lib/msun/src/k_sin.c}. The implementation follows the original, but has been modified according to project conventions.
*
* ```text
* Copyright (C) 1993 by Sun Microsystems, Inc. All rights reserved.
*
* Developed at SunPro, a Sun Microsystems, Inc. business.
* Permission to use, copy, modify, and distribute this
* software is freely granted, provided that this notice
* is preserved.
* ```
*/

/* ---- #include "stdlib/math/base/special/kernel_sin.h" (@stdlib/math-base-special-kernel-sin 0.2.4), inlined ---- */
/**
* @license Apache-2.0
*
* Copyright (c) 2022 The Stdlib Authors.
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

#ifndef STDLIB_MATH_BASE_SPECIAL_KERNEL_SIN_H
#define STDLIB_MATH_BASE_SPECIAL_KERNEL_SIN_H

/*
* If C++, prevent name mangling so that the compiler emits a binary file having undecorated names, thus mirroring the behavior of a C compiler.
*/
#ifdef __cplusplus
extern "C" {
#endif

/**
* Computes the sine of a double-precision floating-point number on [-π/4, π/4].
*/
double stdlib_base_kernel_sin( const double x, const double y );

#ifdef __cplusplus
}
#endif

#endif // !STDLIB_MATH_BASE_SPECIAL_KERNEL_SIN_H

static const double S1 = -1.66666666666666324348e-01; // 0xBFC55555, 0x55555549
static const double S2 = 8.33333333332248946124e-03;  // 0x3F811111, 0x1110F8A6
static const double S3 = -1.98412698298579493134e-04; // 0xBF2A01A0, 0x19C161D5
static const double S4 = 2.75573137070700676789e-06;  // 0x3EC71DE3, 0x57B1FE7D
static const double S5 = -2.50507602534068634195e-08; // 0xBE5AE5E6, 0x8A2B9CEB
static const double S6 = 1.58969099521155010221e-10;  // 0x3DE5D93A, 0x5ACFD57C

/**
* Computes the sine on \\( \approx \[-\pi/4, \pi/4] \\) (except on \\(-0\\)), where \\( \pi/4 \approx 0.7854 \\).
*
* ## Method
*
* -   Since \\( \sin(-x) = -\sin(x) \\), we need only to consider positive \\(x\\).
*
* -   Callers must return \\( \sin(-0) = -0 \\) without calling here since our odd polynomial is not evaluated in a way that preserves \\(-0\\). Callers may do the optimization \\( \sin(x) \approx x \\) for tiny \\(x\\).
*
* -   \\( \sin(x) \\) is approximated by a polynomial of degree \\(13\\) on \\( \left\[0,\tfrac{pi}{4}\right] \\)
*
*     ```tex
*     \sin(x) \approx x + S_1 \cdot x^3 + \ldots + S_6 \cdot x^{13}
*     ```
*
*     where
*
*     ```tex
*     \left| \frac{\sin(x)}{x} \left( 1 + S_1 \cdot x + S_2 \cdot x + S_3 \cdot x + S_4 \cdot x + S_5 \cdot x + S_6 \cdot x \right) \right| \le 2^{-58}
*     ```
*
* -   We have
*
*     ```tex
*     \sin(x+y) = \sin(x) + \sin'(x') \cdot y \approx \sin(x) + (1-x*x/2) \cdot y
*     ```
*
*     For better accuracy, let
*
*     ```tex
*     r = x^3 * \left( S_2 + x^2 \cdot \left( S_3 + x^2 * \left( S_4 + x^2 \cdot ( S_5+x^2 \cdot S_6 ) \right) \right) \right)
*     ```
*
*     then
*
*     ```tex
*     \sin(x) = x + \left( S_1 \cdot x + ( x \cdot (r-y/2) + y ) \right)
*     ```
*
* @param x    input value (in radians, assumed to be bounded by `~pi/4` in magnitude)
* @param y    tail of `x`
* @return     sine
*
* @example
* double out = stdlib_base_kernel_sin( 3.141592653589793/6.0, 0.0 );
* // returns ~0.5
*/
double stdlib_base_kernel_sin( const double x, const double y ) {
	double z;
	double r;
	double v;
	double w;

	z = x * x;
	w = z * z;
	r = S2 + (z * (S3 + (z*S4))) + (z * w * (S5 + (z*S6)));
	v = z * x;
	if ( y == 0.0 ) {
		return x + (v * (S1 + (z*r)));
	}
	return x - (((z*((0.5*y) - (v*r))) - y) - (v*S1));
}
/* ==== @stdlib/math-base-special-kernel-cos 0.2.4: src/main.c ==== */
/**
* @license Apache-2.0
*
* Copyright (c) 2022 The Stdlib Authors.
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
*
*
* ## Notice
*
* The following copyright, license, and long comment were part of the original implementation available as part of [FreeBSD]{@link https://svnweb.freebsd.org/base/release/12.2.0/lib/msun/src/k_cos.c}. The implementation follows the original, but has been modified according to project conventions.
*
* ```text
* Copyright (C) 1993 by Sun Microsystems, Inc. All rights reserved.
*
* Developed at SunPro, a Sun Microsystems, Inc. business.
* Permission to use, copy, modify, and distribute this
* software is freely granted, provided that this notice
* is preserved.
* ```
*/

/* ---- #include "stdlib/math/base/special/kernel_cos.h" (@stdlib/math-base-special-kernel-cos 0.2.4), inlined ---- */
/**
* @license Apache-2.0
*
* Copyright (c) 2022 The Stdlib Authors.
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

#ifndef STDLIB_MATH_BASE_SPECIAL_KERNEL_COS_H
#define STDLIB_MATH_BASE_SPECIAL_KERNEL_COS_H

#include <stdint.h>

/*
* If C++, prevent name mangling so that the compiler emits a binary file having undecorated names, thus mirroring the behavior of a C compiler.
*/
#ifdef __cplusplus
extern "C" {
#endif

/**
* Computes the cosine of a double-precision floating-point number on [-π/4, π/4].
*/
double stdlib_base_kernel_cos( const double x, const double y );

#ifdef __cplusplus
}
#endif

#endif // !STDLIB_MATH_BASE_SPECIAL_KERNEL_COS_H

/* Begin auto-generated functions. The following functions are auto-generated. Do not edit directly. */

// BEGIN: polyval_c13

/**
* Evaluates a polynomial.
*
* ## Notes
*
* -   The implementation uses [Horner's rule][horners-method] for efficient computation.
*
* [horners-method]: https://en.wikipedia.org/wiki/Horner%27s_method
*
* @param x    value at which to evaluate the polynomial
* @return     evaluated polynomial
*/
static double polyval_c13( const double x ) {
	return 0.0416666666666666 + (x * (-0.001388888888887411 + (x * 0.00002480158728947673)));
}

// END: polyval_c13

// BEGIN: polyval_c46

/**
* Evaluates a polynomial.
*
* ## Notes
*
* -   The implementation uses [Horner's rule][horners-method] for efficient computation.
*
* [horners-method]: https://en.wikipedia.org/wiki/Horner%27s_method
*
* @param x    value at which to evaluate the polynomial
* @return     evaluated polynomial
*/
static double polyval_c46( const double x ) {
	return -2.7557314351390663e-7 + (x * (2.087572321298175e-9 + (x * -1.1359647557788195e-11)));
}

// END: polyval_c46

/* End auto-generated functions. */

/**
* Computes the cosine on \\( \[-\pi/4, \pi/4] \\), where \\( \pi/4 \approx 0.785398164 \\).
*
* ## Method
*
* -   Since \\( \cos(-x) = \cos(x) \\), we need only to consider positive \\(x\\).
*
* -   If \\( x < 2^{-27} \\), return \\(1\\) which is inexact if \\( x \ne 0 \\).
*
* -   \\( cos(x) \\) is approximated by a polynomial of degree \\(14\\) on \\( \[0,\pi/4] \\).
*
*     ```tex
*     \cos(x) \approx 1 - \frac{x \cdot x}{2} + C_1 \cdot x^4 + \ldots + C_6 \cdot x^{14}
*     ```
*
*     where the Remez error is
*
*     ```tex
*     \left| \cos(x) - \left( 1 - \frac{x^2}{2} + C_1x^4 + C_2x^6 + C_3x^8 + C_4x^{10} + C_5x^{12} + C_6x^{15} \right) \right| \le 2^{-58}
*     ```
*
* -   Let \\( C_1x^4 + C_2x^6 + C_3x^8 + C_4x^{10} + C_5x^{12} + C_6x^{14} \\), then
*
*     ```tex
*     \cos(x) \approx 1 - \frac{x \cdot x}{2} + r
*     ```
*
*     Since
*
*     ```tex
*     \cos(x+y) \approx \cos(x) - \sin(x) \cdot y \approx \cos(x) - x \cdot y
*     ```
*
*     a correction term is necessary in \\( \cos(x) \\). Hence,
*
*     ```tex
*     \cos(x+y) = 1 - \left( \frac{x \cdot x}{2} - (r - x \cdot y) \right)
*     ```
*
*     For better accuracy, rearrange to
*
*     ```tex
*     \cos(x+y) \approx w + \left( t + ( r - x \cdot y ) \right)
*     ```
*
*     where \\( w = 1 - \frac{x \cdot x}{2} \\) and \\( t \\) is a tiny correction term (\\( 1 - \frac{x \cdot x}{2} = w + t \\) exactly in infinite precision). The exactness of \\(w + t\\) in infinite precision depends on \\(w\\) and \\(t\\) having the same precision as \\(x\\).
*
* @param x    input value (in radians, assumed to be bounded by `~pi/4` in magnitude)
* @param y    tail of `x`
* @return     cosine
*
* @example
* double out = stdlib_base_kernel_cos( 3.141592653589793/6.0, 0.0 );
* // returns ~0.866
*/
double stdlib_base_kernel_cos( const double x, const double y ) {
	double hz;
	double r;
	double w;
	double z;

	z = x * x;
	w = z * z;
	r = z * polyval_c13( z );
	r += w * w * polyval_c46( z );
	hz = 0.5 * z;
	w = 1.0 - hz;
	return w + ( ((1.0-w) - hz) + ((z*r) - (x*y)) );
}

#ifdef FG_TEST_MAIN
#include <math.h>
#include "fgcheck.h"

double stdlib_base_kernel_sin_jvp(const double x, const double x_dot, const double y, const double y_dot, double *ret_dot);
double stdlib_base_kernel_cos_jvp(const double x, const double x_dot, const double y, const double y_dot, double *ret_dot);

static void check(double x, double y, double dx, double dy) {
	fg_line2 ls = { stdlib_base_kernel_sin, x, y, dx, dy };
	fg_line2 lc = { stdlib_base_kernel_cos, x, y, dx, dy };
	double sin_dot = 0.0 / 0.0, cos_dot = 0.0 / 0.0;
	double s = stdlib_base_kernel_sin_jvp(x, dx, y, dy, &sin_dot);
	double c = stdlib_base_kernel_cos_jvp(x, dx, y, dy, &cos_dot);
	fg_check_close("kernel_sin: primal", s, stdlib_base_kernel_sin(x, y), 0, 0);
	fg_check_close("kernel_cos: primal", c, stdlib_base_kernel_cos(x, y), 0, 0);
	fg_check_close("kernel_sin: tangent vs Richardson", sin_dot, fg_richardson(fg_along2, &ls, 1e-2), 1e-9, 1e-13);
	fg_check_close("kernel_cos: tangent vs Richardson", cos_dot, fg_richardson(fg_along2, &lc, 1e-2), 1e-9, 1e-13);
	fg_check_close("kernel_sin: tangent vs formula", sin_dot, cos(x + y) * dx + (1.0 - 0.5 * x * x) * dy, 1e-13, 1e-15);
	fg_check_close("kernel_cos: tangent vs formula", cos_dot, -sin(x + y) * dx - x * dy, 1e-13, 1e-15);
}

int main(void) {
	const double pio4 = 0.78539816339744830962;
	fg_rand_seed(1993);
	for (int k = 0; k < 40; k++) { /* y == 0 (the first branch of kernel_sin) */
		check(fg_rand_uniform(-pio4, pio4), 0.0, fg_rand_uniform(-1, 1), 0.0);
	}
	for (int k = 0; k < 40; k++) { /* a tail y below half an ulp of x */
		double x = fg_rand_uniform(-pio4, pio4);
		check(x, fg_rand_uniform(-1e-16, 1e-16) * fabs(x), fg_rand_uniform(-1, 1), fg_rand_uniform(-1, 1));
	}
	check(0.0, 0.0, 1.0, 0.0); /* x == 0 */
	check(1e-300, 0.0, 1.0, 0.0);
	check(pio4, 0.0, 1.0, 0.0); /* the ends of the interval */
	check(-pio4, 3e-17, 1.0, 0.5);
	check(0.5, -1e-17, 0.0, 1.0); /* along y alone */
	return fg_check_report();
}
#endif
