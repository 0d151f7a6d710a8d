// RUN: %fgcc %s -o %t.jvp.c --fn stdlib_base_atan
// RUN: %cc -c %t.jvp.c -o %t.jvp.o
// RUN: %gcc -O2 -c %t.jvp.c -o %t.gcc.o
// RUN: %cc -DFG_TEST_MAIN %s %t.jvp.o -o %t.exe %libm
// RUN: %t.exe
//
// Third-party code, unannotated, differentiated with --fn: stdlib_base_atan from
// the npm package @stdlib/math-base-special-atan 0.2.4 (Apache License 2.0,
// The Stdlib Authors, after Cephes by Stephen L. Moshier; each file's own
// notice is kept below). The package's src/main.c is followed by the source of
// the @stdlib function it calls (is_nan); every #include "stdlib/..." line was
// replaced by the text of that header (marked "---- #include ..., inlined ----").
// Nothing else was changed. It exercises: range reduction in three branches
// (1/x, (x-1)/(x+1)), static polynomial helpers called on a local variable, a
// rational function p(z)/q(z), constants from macros and static consts, and a
// sign restored by a conditional expression.
/* ==== @stdlib/math-base-special-atan 0.2.4: src/main.c ==== */
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
* The original C code, long comment, copyright, license, and constants are from [Cephes]{@link http://www.netlib.org/cephes}. The implementation follows the original, but has been modified according to project conventions.
*
* ```text
* Copyright 1984, 1995, 2000 by Stephen L. Moshier
*
* Some software in this archive may be from the book _Methods and Programs for Mathematical Functions_ (Prentice-Hall or Simon & Schuster International, 1989) or from the Cephes Mathematical Library, a commercial product. In either event, it is copyrighted by the author. What you see here may be used freely but it comes with no support or guarantee.
*
* Stephen L. Moshier
* moshier@na-net.ornl.gov
* ```
*/

/* ---- #include "stdlib/math/base/special/atan.h" (@stdlib/math-base-special-atan 0.2.4), inlined ---- */
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

#ifndef STDLIB_MATH_BASE_SPECIAL_ATAN_H
#define STDLIB_MATH_BASE_SPECIAL_ATAN_H

/*
* If C++, prevent name mangling so that the compiler emits a binary file having undecorated names, thus mirroring the behavior of a C compiler.
*/
#ifdef __cplusplus
extern "C" {
#endif

/**
* Computes the arctangent of a double-precision floating-point number.
*/
double stdlib_base_atan( const double x );

#ifdef __cplusplus
}
#endif

#endif // !STDLIB_MATH_BASE_SPECIAL_ATAN_H
/* ---- #include "stdlib/math/base/assert/is_nan.h" (@stdlib/math-base-assert-is-nan 0.2.3), inlined ---- */
/**
* @license Apache-2.0
*
* Copyright (c) 2018 The Stdlib Authors.
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

#ifndef STDLIB_MATH_BASE_ASSERT_IS_NAN_H
#define STDLIB_MATH_BASE_ASSERT_IS_NAN_H

#include <stdbool.h>

/*
* If C++, prevent name mangling so that the compiler emits a binary file having undecorated names, thus mirroring the behavior of a C compiler.
*/
#ifdef __cplusplus
extern "C" {
#endif

/**
* Tests if a double-precision floating-point numeric value is `NaN`.
*/
bool stdlib_base_is_nan( const double x );

#ifdef __cplusplus
}
#endif

#endif // !STDLIB_MATH_BASE_ASSERT_IS_NAN_H
/* ---- #include "stdlib/constants/float64/pinf.h" (@stdlib/constants-float64-pinf 0.2.3), inlined ---- */
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

#ifndef STDLIB_CONSTANTS_FLOAT64_PINF_H
#define STDLIB_CONSTANTS_FLOAT64_PINF_H

#include <math.h>

/**
* Macro for double-precision floating-point positive infinity.
*/
#define STDLIB_CONSTANT_FLOAT64_PINF HUGE_VAL

#endif // !STDLIB_CONSTANTS_FLOAT64_PINF_H
/* ---- #include "stdlib/constants/float64/ninf.h" (@stdlib/constants-float64-ninf 0.2.3), inlined ---- */
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

#ifndef STDLIB_CONSTANTS_FLOAT64_NINF_H
#define STDLIB_CONSTANTS_FLOAT64_NINF_H

#include <math.h>

/**
* Macro for double-precision floating-point negative infinity.
*/
#define STDLIB_CONSTANT_FLOAT64_NINF -HUGE_VAL

#endif // !STDLIB_CONSTANTS_FLOAT64_NINF_H
/* ---- #include "stdlib/constants/float64/half_pi.h" (@stdlib/constants-float64-half-pi 0.2.3), inlined ---- */
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

#ifndef STDLIB_CONSTANTS_FLOAT64_HALF_PI_H
#define STDLIB_CONSTANTS_FLOAT64_HALF_PI_H

/**
* Macro for one half times the mathematical constant π.
*/
#define STDLIB_CONSTANT_FLOAT64_HALF_PI 1.5707963267948966

#endif // !STDLIB_CONSTANTS_FLOAT64_HALF_PI_H
/* ---- #include "stdlib/constants/float64/fourth_pi.h" (@stdlib/constants-float64-fourth-pi 0.2.3), inlined ---- */
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

#ifndef STDLIB_CONSTANTS_FLOAT64_FOURTH_PI_H
#define STDLIB_CONSTANTS_FLOAT64_FOURTH_PI_H

/**
* Macro for one fourth times the mathematical constant π.
*/
#define STDLIB_CONSTANT_FLOAT64_FOURTH_PI 7.85398163397448309616e-1

#endif // !STDLIB_CONSTANTS_FLOAT64_FOURTH_PI_H
#include <stdint.h>

static const double MOREBITS = 6.123233995736765886130e-17; // pi/2 = PIO2 + MOREBITS.
static const double T3P8 = 2.41421356237309504880; // tan( 3*pi/8 )

/* Begin auto-generated functions. The following functions are auto-generated. Do not edit directly. */

// BEGIN: polyval_p

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
static double polyval_p( const double x ) {
	return -64.85021904942025 + (x * (-122.88666844901361 + (x * (-75.00855792314705 + (x * (-16.157537187333652 + (x * -0.8750608600031904)))))));
}

// END: polyval_p

// BEGIN: polyval_q

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
static double polyval_q( const double x ) {
	return 194.5506571482614 + (x * (485.3903996359137 + (x * (432.88106049129027 + (x * (165.02700983169885 + (x * (24.858464901423062 + (x * 1.0)))))))));
}

// END: polyval_q

/* End auto-generated functions. */

/**
* Computes the arctangent of a double-precision floating-point number.
*
* ## Method
*
* -   Range reduction is from three intervals into the interval from 0 to 0.66. The approximant uses a rational function of degree 4/5 of the form
*
*     ```tex
*     x + x^3 \frac{P(x)}{Q(x)}
*     ```
*
* ## Notes
*
* -   Relative error:
*
*     | arithmetic | domain  | # trials | peak    | rms     |
*     |:-----------|:--------|:---------|:--------|:--------|
*     | DEC        | -10, 10 | 50000    | 2.4e-17 | 8.3e-18 |
*     | IEEE       | -10, 10 | 10^6     | 1.8e-16 | 5.0e-17 |
*
* @param x    input value
* @return     arctangent (in radians)
*
* @example
* double out = stdlib_base_atan( 0.0 );
* // returns ~0.0
*/
double stdlib_base_atan( const double x ) {
	int32_t flg;
	int32_t sgn;
	double ax;
	double y;
	double z;

	if ( stdlib_base_is_nan( x ) || x == 0.0 ) {
		return x;
	}
	if ( x == STDLIB_CONSTANT_FLOAT64_PINF ) {
		return STDLIB_CONSTANT_FLOAT64_HALF_PI;
	}
	if ( x == STDLIB_CONSTANT_FLOAT64_NINF ) {
		return -STDLIB_CONSTANT_FLOAT64_HALF_PI;
	}
	if ( x < 0.0 ) {
		sgn = 1;
		ax = -x;
	} else {
		sgn = 0;
		ax = x;
	}
	// Range reduction...
	flg = 0;
	if ( ax > T3P8 ) {
		y = STDLIB_CONSTANT_FLOAT64_HALF_PI;
		flg = 1;
		ax = -( 1.0 / ax );
	} else if ( ax <= 0.66 ) {
		y = 0.0;
	} else {
		y = STDLIB_CONSTANT_FLOAT64_FOURTH_PI;
		flg = 2;
		ax = ( ax - 1.0 ) / ( ax + 1.0 );
	}
	z = ax * ax;
	z = z * polyval_p( z ) / polyval_q( z );
	z = ( ax * z ) + ax;
	if ( flg == 2 ) {
		z += 0.5 * MOREBITS;
	} else if ( flg == 1 ) {
		z += MOREBITS;
	}
	y += z;
	return ( sgn == 1 ) ? -y : y;
}
/* ==== @stdlib/math-base-assert-is-nan 0.2.3: src/is_nan.c ==== */
/**
* @license Apache-2.0
*
* Copyright (c) 2018 The Stdlib Authors.
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

#include <stdbool.h>

/**
* Tests if a double-precision floating-point numeric value is `NaN`.
*
* @param x       number
* @return        boolean indicating if an input value is `NaN`
*/
bool stdlib_base_is_nan( const double x ) {
	return ( x != x );
}

#ifdef FG_TEST_MAIN
#include "fgcheck.h"

double stdlib_base_atan_jvp(const double x, const double x_dot, double *ret_dot);

typedef struct { double x, dx; } Line;

static long double along(long double t, void *ctx) {
	const Line *l = ctx;
	return stdlib_base_atan((double)(l->x + t * l->dx));
}

static void check(double x, double dx) {
	Line l = { x, dx };
	double ret_dot = 0.0 / 0.0;
	double r = stdlib_base_atan_jvp(x, dx, &ret_dot);
	double h0 = 1e-3 * (fabs(x) > 1.0 ? fabs(x) : 1.0);
	fg_check_close("atan: primal", r, stdlib_base_atan(x), 0, 0);
	fg_check_close("atan: tangent vs Richardson", ret_dot, fg_richardson(along, &l, h0), 1e-8, 1e-13);
	fg_check_close("atan: tangent vs formula", ret_dot, dx / (1.0 + x * x), 1e-12, 1e-15);
}

int main(void) {
	static const double edges[] = { 0.66, 2.414213562373095, 1.0, 0.0 };
	fg_rand_seed(1983);
	for (int k = 0; k < 30; k++)
		check(fg_rand_uniform(-20, 20), fg_rand_uniform(-1, 1));
	for (int k = 0; k < 30; k++) /* each of the three branches, both signs */
		check(fg_rand_uniform(-3, 3), fg_rand_uniform(0.5, 1.5));
	for (int e = 0; e < 4; e++) { /* next to the branch points: tangent vs formula only */
		double x = edges[e] * (1.0 + 1e-9), d = 0.75, ret_dot;
		stdlib_base_atan_jvp(x, d, &ret_dot);
		fg_check_close("atan: tangent at a branch point", ret_dot, d / (1.0 + x * x), 1e-12, 1e-15);
		stdlib_base_atan_jvp(-x, d, &ret_dot);
		fg_check_close("atan: tangent at a branch point (x < 0)", ret_dot, d / (1.0 + x * x), 1e-12, 1e-15);
	}
	check(1e8, 0.5); /* far out: 1/x */
	return fg_check_report();
}
#endif
