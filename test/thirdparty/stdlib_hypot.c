// RUN: %fgcc %s -o %t.jvp.c --fn stdlib_base_hypot
// RUN: %cc -c %t.jvp.c -o %t.jvp.o
// RUN: %gcc -O2 -c %t.jvp.c -o %t.gcc.o
// RUN: %cc -DFG_TEST_MAIN %s %t.jvp.o -o %t.exe %libm
// RUN: %t.exe
//
// Third-party code, unannotated, differentiated with --fn: stdlib_base_hypot from
// the npm package @stdlib/math-base-special-hypot 0.2.4 (Apache License 2.0,
// The Stdlib Authors; each file's own notice is kept below). The package's
// src/main.c is followed by the sources of the @stdlib functions it calls
// (is_nan, is_infinite, sqrt); every #include "stdlib/..." line was replaced by
// the text of that header (marked "---- #include ..., inlined ----"). Nothing
// else was changed. It exercises: early returns on predicates of the inputs,
// absolute values and a swap written as branches, `b /= a`, helpers across the
// file, HUGE_VAL in a macro.
/* ==== @stdlib/math-base-special-hypot 0.2.4: src/main.c ==== */
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

/* ---- #include "stdlib/math/base/special/hypot.h" (@stdlib/math-base-special-hypot 0.2.4), inlined ---- */
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

#ifndef STDLIB_MATH_BASE_SPECIAL_HYPOT_H
#define STDLIB_MATH_BASE_SPECIAL_HYPOT_H

/*
* If C++, prevent name mangling so that the compiler emits a binary file having undecorated names, thus mirroring the behavior of a C compiler.
*/
#ifdef __cplusplus
extern "C" {
#endif

/**
* Computes the hypotenuse avoiding overflow and underflow.
*/
double stdlib_base_hypot( const double x, const double y );

#ifdef __cplusplus
}
#endif

#endif // !STDLIB_MATH_BASE_SPECIAL_HYPOT_H
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
/* ---- #include "stdlib/math/base/assert/is_infinite.h" (@stdlib/math-base-assert-is-infinite 0.2.3), inlined ---- */
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

#ifndef STDLIB_MATH_BASE_ASSERT_IS_INFINITE_H
#define STDLIB_MATH_BASE_ASSERT_IS_INFINITE_H

#include <stdbool.h>

/*
* If C++, prevent name mangling so that the compiler emits a binary file having undecorated names, thus mirroring the behavior of a C compiler.
*/
#ifdef __cplusplus
extern "C" {
#endif

/**
* Tests if a double-precision floating-point numeric value is infinite.
*/
bool stdlib_base_is_infinite( const double x );

#ifdef __cplusplus
}
#endif

#endif // !STDLIB_MATH_BASE_ASSERT_IS_INFINITE_H
/* ---- #include "stdlib/math/base/special/sqrt.h" (@stdlib/math-base-special-sqrt 0.2.3), inlined ---- */
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

#ifndef STDLIB_MATH_BASE_SPECIAL_SQRT_H
#define STDLIB_MATH_BASE_SPECIAL_SQRT_H

/*
* If C++, prevent name mangling so that the compiler emits a binary file having undecorated names, thus mirroring the behavior of a C compiler.
*/
#ifdef __cplusplus
extern "C" {
#endif

/**
* Computes the principal square root of a double-precision floating-point number.
*/
double stdlib_base_sqrt( const double x );

#ifdef __cplusplus
}
#endif

#endif // !STDLIB_MATH_BASE_SPECIAL_SQRT_H
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

/**
* Computes the hypotenuse avoiding overflow and underflow.
*
* @param x       number
* @param y       number
* @return        hypotenuse
*
* @example
* double h = stdlib_base_hypot( 5.0, 12.0 );
* // returns 13.0
*/
double stdlib_base_hypot( const double x, const double y ) {
	double tmp;
	double a;
	double b;

	// If one of the arguments is `+-infinity`, return `+infinity` even if the other argument is `NaN` (IEEE 754-2019)...
	if ( stdlib_base_is_infinite( x ) || stdlib_base_is_infinite( y ) ) {
		return STDLIB_CONSTANT_FLOAT64_PINF;
	}
	if ( stdlib_base_is_nan( x ) || stdlib_base_is_nan( y ) ) {
		return 0.0 / 0.0; // NaN
	}
	a = x;
	b = y;
	if ( a < 0.0 ) {
		a = -a;
	}
	if ( b < 0.0 ) {
		b = -b;
	}
	if ( a < b ) {
		tmp = b;
		b = a;
		a = tmp;
	}
	if ( a == 0.0 ) {
		return 0.0;
	}
	b /= a;
	return a * stdlib_base_sqrt( 1.0 + ( b * b ) );
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
/* ==== @stdlib/math-base-assert-is-infinite 0.2.3: src/is_infinite.c ==== */
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
#include <math.h>

/**
* Tests if a double-precision floating-point number is infinite.
*
* @param x       number
* @return        boolean indicating if an input value is infinite
*/
bool stdlib_base_is_infinite( const double x ) {
	return ( x == HUGE_VAL || x == -HUGE_VAL );
}
/* ==== @stdlib/math-base-special-sqrt 0.2.3: src/main.c ==== */
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

#include <math.h>

/**
* Computes the principal square root of a double-precision floating-point number.
*
* @param x       number
* @return        principal square root
*
* @example
* double y = stdlib_base_sqrt( 9.0 );
* // returns 3.0
*/
double stdlib_base_sqrt( const double x ) {
	return sqrt( x );
}

#ifdef FG_TEST_MAIN
#include "fgcheck.h"

double stdlib_base_hypot_jvp(const double x, const double x_dot, const double y, const double y_dot, double *ret_dot);

typedef struct { double x, y, dx, dy; } Line;

static long double along(long double t, void *ctx) {
	const Line *l = ctx;
	return stdlib_base_hypot((double)(l->x + t * l->dx), (double)(l->y + t * l->dy));
}

static void check(double x, double y, double dx, double dy) {
	Line l = { x, y, dx, dy };
	double ret_dot = 0.0 / 0.0;
	double r = stdlib_base_hypot_jvp(x, dx, y, dy, &ret_dot);
	fg_check_close("hypot: primal", r, stdlib_base_hypot(x, y), 0, 0);
	fg_check_close("hypot: tangent vs Richardson", ret_dot, fg_richardson(along, &l, 1e-2 * fmax(fabs(x), fabs(y))), 1e-8, 1e-12);
	fg_check_close("hypot: tangent vs formula", ret_dot, (x * dx + y * dy) / sqrt(x * x + y * y), 1e-12, 1e-14);
}

int main(void) {
	fg_rand_seed(2024);
	for (int k = 0; k < 40; k++) {
		double s = k < 20 ? 5.0 : 1e-3; /* also small values: the ratio b/a is scale-free */
		check(fg_rand_uniform(-s, s), fg_rand_uniform(-s, s), fg_rand_uniform(-1, 1), fg_rand_uniform(-1, 1));
	}
	check(3.0, 0.0, 0.5, -0.25);  /* b == 0 */
	check(0.0, -2.0, 0.5, -0.25); /* a == 0 before the swap */
	check(-1.5, 4.0, 1.0, 1.0);   /* negative x, |x| < |y| */
	return fg_check_report();
}
#endif
