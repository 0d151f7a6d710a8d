// RUN: %fgcc %s -o %t.jvp.c --fn stdlib_base_atan2
// RUN: %cc -c %t.jvp.c -o %t.jvp.o
// RUN: %gcc -O2 -c %t.jvp.c -o %t.gcc.o
// RUN: %cc -DFG_TEST_MAIN %s %t.jvp.o -o %t.exe %libm
// RUN: %t.exe
//
// Third-party code, unannotated, differentiated with --fn: stdlib_base_atan2
// from the npm package @stdlib/math-base-special-atan2 0.3.1 (Apache License
// 2.0, The Stdlib Authors, after Cephes by Stephen L. Moshier; each file's own
// notice is kept below). The package's src/main.c is followed by the sources
// of the @stdlib functions it calls (atan 0.2.4, copysign, signbit,
// is_infinite, is_nan, and to_words, get_high_word, from_words which copysign
// and signbit call); every #include "stdlib/..." line was replaced by the text
// of that header (marked "---- #include ..., inlined ----"). Nothing else was
// changed. It exercises: two active parameters, a quadrant fix-up by branches
// on both signs, a call to another differentiated file-level function
// (atan) on a quotient, and copysign of a constant by the sign of the active
// y through the bits of doubles (unions of integer words in to_words,
// get_high_word, from_words): no derivative flows through the bits, fgcc
// generates copysign_jvp and from_words_jvp with a zero tangent.
//
// At x == 0 or y == 0 exactly, the code returns constants (copysign(pi/2, y),
// copysign(0 or pi, y)), so the derivative across those lines is lost there;
// that is what the code computes, not fgcc's doing, and the checks below stay
// off those exact zeros (they test 1e-9 away from them).
/* ==== @stdlib/math-base-special-atan2 0.3.1: src/main.c ==== */
/**
* @license Apache-2.0
*
* Copyright (c) 2024 The Stdlib Authors.
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
/* ---- #include "stdlib/math/base/special/copysign.h" (@stdlib/math-base-special-copysign 0.2.3), inlined ---- */
/**
* @license Apache-2.0
*
* Copyright (c) 2021 The Stdlib Authors.
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

#ifndef STDLIB_MATH_BASE_SPECIAL_COPYSIGN_H
#define STDLIB_MATH_BASE_SPECIAL_COPYSIGN_H

/*
* If C++, prevent name mangling so that the compiler emits a binary file having undecorated names, thus mirroring the behavior of a C compiler.
*/
#ifdef __cplusplus
extern "C" {
#endif

/**
* Returns a double-precision floating-point number with the magnitude of `x` and the sign of `y`.
*/
double stdlib_base_copysign( const double x, const double y );

#ifdef __cplusplus
}
#endif

#endif // !STDLIB_MATH_BASE_SPECIAL_COPYSIGN_H
/* ---- #include "stdlib/number/float64/base/signbit.h" (@stdlib/number-float64-base-signbit 0.2.4), inlined ---- */
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

#ifndef STDLIB_NUMBER_FLOAT64_BASE_SIGNBIT_H
#define STDLIB_NUMBER_FLOAT64_BASE_SIGNBIT_H

#include <stdint.h>

/*
* If C++, prevent name mangling so that the compiler emits a binary file having undecorated names, thus mirroring the behavior of a C compiler.
*/
#ifdef __cplusplus
extern "C" {
#endif

/**
* Returns an integer indicating whether the sign bit for a double-precision floating-point number is on (`1`) or off (`0`).
*/
int8_t stdlib_base_float64_signbit( const double x );

#ifdef __cplusplus
}
#endif

#endif // !STDLIB_NUMBER_FLOAT64_BASE_SIGNBIT_H
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
/* ---- #include "stdlib/constants/float64/pi.h" (@stdlib/constants-float64-pi 0.2.3), inlined ---- */
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

#ifndef STDLIB_CONSTANTS_FLOAT64_PI_H
#define STDLIB_CONSTANTS_FLOAT64_PI_H

/**
* Macro for π.
*/
#define STDLIB_CONSTANT_FLOAT64_PI 3.141592653589793238

#endif // !STDLIB_CONSTANTS_FLOAT64_PI_H
#include <stdint.h>

/**
* Computes the angle in the plane (in radians) between the positive x-axis and the ray from `(0,0)` to the point `(x,y)`.
*
* @param y    `y` coordinate
* @param x    `x` coordinate
* @return      angle (in radians)
*
* @example
* double v = stdlib_base_atan2( 2.0, 2.0 ); // => stdlib_base_atan(1.0)
* // returns ~0.785
*
* @example
* double v = stdlib_base_atan2( 6.0, 2.0 ); // => stdlib_base_atan(3.0)
* // returns ~1.249
*
* @example
* double v = stdlib_base_atan2( -1.0, -1.0 ); // => stdlib_base_atan(1.0) - π
* // returns ~-2.356
*
* @example
* double v = stdlib_base_atan2( 3.0, 0.0 ); // => π/2
* // returns ~1.571
*
* @example
* double v = stdlib_base_atan2( -2.0, 0.0 ); // => -π/2
* // returns ~-1.571
*
* @example
* double v = stdlib_base_atan2( 0.0, 0.0 );
* // returns 0.0
*
* @example
* double v = stdlib_base_atan2( 3.0, NaN );
* // returns NaN
*
* @example
* double v = stdlib_base_atan2( NaN, 2.0 );
* // returns NaN
*/
double stdlib_base_atan2( const double y, const double x ) {
	double q;
	if ( stdlib_base_is_nan( x ) ||	stdlib_base_is_nan( y ) ) {
		return 0.0 / 0.0; // NaN
	}
	if ( stdlib_base_is_infinite( x ) ) {
		if ( x == STDLIB_CONSTANT_FLOAT64_PINF ) {
			if ( stdlib_base_is_infinite( y ) ) {
				return stdlib_base_copysign( STDLIB_CONSTANT_FLOAT64_PI / 4.0, y );
			}
			return stdlib_base_copysign( 0.0, y );
		}
		// Case: x is -Infinity
		if ( stdlib_base_is_infinite( y ) ) {
			return stdlib_base_copysign( 3.0 * STDLIB_CONSTANT_FLOAT64_PI / 4.0, y );
		}
		return stdlib_base_copysign( STDLIB_CONSTANT_FLOAT64_PI, y );
	}
	if ( stdlib_base_is_infinite( y ) ) {
		return stdlib_base_copysign( STDLIB_CONSTANT_FLOAT64_PI / 2.0, y );
	}
	if ( y == 0.0 ) {
		if ( x >= 0.0 && !stdlib_base_float64_signbit( x ) ) {
			return stdlib_base_copysign( 0.0, y );
		}
		return stdlib_base_copysign( STDLIB_CONSTANT_FLOAT64_PI, y );
	}
	if ( x == 0.0 ) {
		return stdlib_base_copysign( STDLIB_CONSTANT_FLOAT64_PI / 2.0, y );
	}
	q = stdlib_base_atan( y / x );
	if ( x < 0.0 ) {
		if ( q <= 0.0 ) {
			return q + STDLIB_CONSTANT_FLOAT64_PI;
		}
		return q - STDLIB_CONSTANT_FLOAT64_PI;
	}
	return q;
}
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
/* ==== @stdlib/math-base-special-copysign 0.2.3: src/main.c ==== */
/**
* @license Apache-2.0
*
* Copyright (c) 2021 The Stdlib Authors.
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

/* ---- #include "stdlib/constants/float64/high_word_sign_mask.h" (@stdlib/constants-float64-high-word-sign-mask 0.2.1), inlined ---- */
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

#ifndef STDLIB_CONSTANTS_FLOAT64_HIGH_WORD_SIGN_MASK_H
#define STDLIB_CONSTANTS_FLOAT64_HIGH_WORD_SIGN_MASK_H

/**
* Macro for the high word mask for the sign bit of a double-precision floating-point number.
*/
#define STDLIB_CONSTANT_FLOAT64_HIGH_WORD_SIGN_MASK 0x80000000

#endif // !STDLIB_CONSTANTS_FLOAT64_HIGH_WORD_SIGN_MASK_H
/* ---- #include "stdlib/constants/float64/high_word_abs_mask.h" (@stdlib/constants-float64-high-word-abs-mask 0.2.3), inlined ---- */
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

#ifndef STDLIB_CONSTANTS_FLOAT64_HIGH_WORD_ABS_MASK_H
#define STDLIB_CONSTANTS_FLOAT64_HIGH_WORD_ABS_MASK_H

/**
* Macro for the high word mask for excluding the sign bit of a double-precision floating-point number.
*/
#define STDLIB_CONSTANT_FLOAT64_HIGH_WORD_ABS_MASK 0x7fffffff

#endif // !STDLIB_CONSTANTS_FLOAT64_HIGH_WORD_ABS_MASK_H
/* ---- #include "stdlib/number/float64/base/to_words.h" (@stdlib/number-float64-base-to-words 0.2.3), inlined ---- */
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

#ifndef STDLIB_NUMBER_FLOAT64_BASE_TO_WORDS_H
#define STDLIB_NUMBER_FLOAT64_BASE_TO_WORDS_H

/* ---- #include "stdlib/os/float_word_order.h" (@stdlib/os-float-word-order 0.2.3), inlined ---- */
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

#ifndef STDLIB_OS_FLOAT_WORD_ORDER_H
#define STDLIB_OS_FLOAT_WORD_ORDER_H

/* ---- #include "stdlib/os/byte_order.h" (@stdlib/os-byte-order 0.2.3), inlined ---- */
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

#ifndef STDLIB_OS_BYTE_ORDER_H
#define STDLIB_OS_BYTE_ORDER_H

/*
* The following attempts to determine the byte ordering of the host platform.
*
* The results are stored in the following macros:
*
* -   `STDLIB_OS_ORDER_LITTLE_ENDIAN`: an arbitrary constant.
* -   `STDLIB_OS_ORDER_BIG_ENDIAN`: an arbitrary constant.
* -   `STDLIB_OS_BYTE_ORDER`: either `STDLIB_OS_ORDER_LITTLE_ENDIAN` or `STDLIB_OS_ORDER_BIG_ENDIAN` or host defined.
*/

// The GNU preprocessor and Clang define macros for endianness (see http://gcc.gnu.org/onlinedocs/cpp/Common-Predefined-Macros.html#Common-Predefined-Macros):
#if defined(__ORDER_LITTLE_ENDIAN__) && defined(__ORDER_BIG_ENDIAN__) && defined(__BYTE_ORDER__)

#define STDLIB_OS_ORDER_BIG_ENDIAN     __ORDER_BIG_ENDIAN__
#define STDLIB_OS_ORDER_LITTLE_ENDIAN  __ORDER_LITTLE_ENDIAN__
#define STDLIB_OS_BYTE_ORDER           __BYTE_ORDER__

// If not defined by the preprocessor, we need to try to do it ourselves...

// GNU C Library (GLIBC) - Linux, GNU/kFreeBSD, GNU/Hurd, etc.
#elif defined(__GLIBC__)

#include <features.h>
#include <endian.h>
#define STDLIB_OS_ORDER_LITTLE_ENDIAN  __LITTLE_ENDIAN
#define STDLIB_OS_ORDER_BIG_ENDIAN     __BIG_ENDIAN
#define STDLIB_OS_BYTE_ORDER           __BYTE_ORDER

// OSX
#elif defined(__APPLE__)

#include <machine/endian.h>
#define STDLIB_OS_ORDER_LITTLE_ENDIAN  LITTLE_ENDIAN
#define STDLIB_OS_ORDER_BIG_ENDIAN     BIG_ENDIAN
#define STDLIB_OS_BYTE_ORDER           BYTE_ORDER

// FreeBSD
#elif defined(__FreeBSD__)

#include <machine/endian.h>
#define STDLIB_OS_ORDER_LITTLE_ENDIAN  _LITTLE_ENDIAN
#define STDLIB_OS_ORDER_BIG_ENDIAN     _BIG_ENDIAN
#define STDLIB_OS_BYTE_ORDER           _BYTE_ORDER

// Windows
#elif defined(_WIN32)

#define STDLIB_OS_ORDER_LITTLE_ENDIAN  1234
#define STDLIB_OS_ORDER_BIG_ENDIAN     4321
#define STDLIB_OS_BYTE_ORDER           STDLIB_OS_ORDER_LITTLE_ENDIAN

// Solaris
#elif defined(__sun)

#define STDLIB_OS_ORDER_LITTLE_ENDIAN  1234
#define STDLIB_OS_ORDER_BIG_ENDIAN     4321

#include <sys/isa_defs.h>
#ifdef _LITTLE_ENDIAN
#define STDLIB_OS_BYTE_ORDER  STDLIB_OS_ORDER_LITTLE_ENDIAN
#endif
#ifdef _BIG_ENDIAN
#define STDLIB_OS_BYTE_ORDER  STDLIB_OS_ORDER_BIG_ENDIAN
#endif

#endif // __BYTE_ORDER__, __ORDER_LITTLE_ENDIAN__, and __ORDER_BIG_ENDIAN__

#endif // !STDLIB_OS_BYTE_ORDER_H


// The GNU preprocessor and Clang define macros for float word order (see http://gcc.gnu.org/onlinedocs/cpp/Common-Predefined-Macros.html#Common-Predefined-Macros):
#ifdef __FLOAT_WORD_ORDER__

#define STDLIB_OS_FLOAT_WORD_ORDER  __FLOAT_WORD_ORDER__

// If not defined by the preprocessor, we need to try to do it ourselves...

#elif defined(STDLIB_OS_BYTE_ORDER)

#define STDLIB_OS_FLOAT_WORD_ORDER  STDLIB_OS_BYTE_ORDER

#endif

#endif // !STDLIB_OS_FLOAT_WORD_ORDER_H

#include <stdint.h>

/*
* If C++, prevent name mangling so that the compiler emits a binary file having undecorated names, thus mirroring the behavior of a C compiler.
*/
#ifdef __cplusplus
extern "C" {
#endif

/**
* An opaque type definition for a union for converting between a double-precision floating-point number and two unsigned 32-bit integers.
*
* @example
* #include <stdint.h>
*
* stdlib_base_float64_words_t w;
*
* // Assign a double-precision floating-point number:
* w.value = 3.14;
*
* // Extract the high and low words:
* uint32_t high = w.words.high;
* uint32_t low = w.words.low;
*/
typedef union {
	double value;
	struct {
#if STDLIB_OS_FLOAT_WORD_ORDER == STDLIB_OS_ORDER_LITTLE_ENDIAN
		uint32_t low;
		uint32_t high;
#elif STDLIB_OS_FLOAT_WORD_ORDER == STDLIB_OS_ORDER_BIG_ENDIAN
		uint32_t high;
		uint32_t low;
#endif
	} words;
} stdlib_base_float64_words_t;


/**
* Splits a double-precision floating-point number into a higher order word and a lower order word.
*/
void stdlib_base_float64_to_words( const double x, uint32_t *high, uint32_t *low );

#ifdef __cplusplus
}
#endif

#endif // !STDLIB_NUMBER_FLOAT64_BASE_TO_WORDS_H
/* ---- #include "stdlib/number/float64/base/get_high_word.h" (@stdlib/number-float64-base-get-high-word 0.2.3), inlined ---- */
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

#ifndef STDLIB_NUMBER_FLOAT64_BASE_GET_HIGH_WORD_H
#define STDLIB_NUMBER_FLOAT64_BASE_GET_HIGH_WORD_H

#include <stdint.h>

/*
* If C++, prevent name mangling so that the compiler emits a binary file having undecorated names, thus mirroring the behavior of a C compiler.
*/
#ifdef __cplusplus
extern "C" {
#endif


/**
* Extracts the unsigned 32-bit integer corresponding to the more significant 32 bits of a double-precision floating-point number.
*/
void stdlib_base_float64_get_high_word( const double x, uint32_t *high );

#ifdef __cplusplus
}
#endif

#endif // !STDLIB_NUMBER_FLOAT64_BASE_GET_HIGH_WORD_H
/* ---- #include "stdlib/number/float64/base/from_words.h" (@stdlib/number-float64-base-from-words 0.2.3), inlined ---- */
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

#ifndef STDLIB_NUMBER_FLOAT64_BASE_FROM_WORDS_H
#define STDLIB_NUMBER_FLOAT64_BASE_FROM_WORDS_H

#include <stdint.h>

/*
* If C++, prevent name mangling so that the compiler emits a binary file having undecorated names, thus mirroring the behavior of a C compiler.
*/
#ifdef __cplusplus
extern "C" {
#endif

/**
* Creates a double-precision floating-point number from a higher order word and a lower order word.
*/
void stdlib_base_float64_from_words( const uint32_t high, const uint32_t low, double *x );

#ifdef __cplusplus
}
#endif

#endif // !STDLIB_NUMBER_FLOAT64_BASE_FROM_WORDS_H
#include <stdint.h>

/**
* Returns a double-precision floating-point number with the magnitude of `x` and the sign of `y`.
*
* @param x       number from which to derive a magnitude
* @param y       number from which to derive a sign
* @return        result
*
* @example
* double v = stdlib_base_copysign( -3.14, 10.0 );
* // returns 3.14
*
* @example
* double v = stdlib_base_copysign( 3.14, -1.0 );
* // returns -3.14
*/
double stdlib_base_copysign( const double x, const double y ) {
	uint32_t hx;
	uint32_t lx;
	uint32_t hy;
	double z;

	// Split `x` into higher and lower order words:
	stdlib_base_float64_to_words( x, &hx, &lx );

	// Turn off the sign bit of `x`:
	hx &= STDLIB_CONSTANT_FLOAT64_HIGH_WORD_ABS_MASK;

	// Extract the higher order word from `y`:
	stdlib_base_float64_get_high_word( y, &hy );

	// Leave only the sign bit of `y` turned on:
	hy &= STDLIB_CONSTANT_FLOAT64_HIGH_WORD_SIGN_MASK;

	// Copy the sign bit of `y` to `x`:
	hx |= hy;

	// Return a new value having the same magnitude as `x`, but with the sign of `y`:
	stdlib_base_float64_from_words( hx, lx, &z );
	return z;
}
/* ==== @stdlib/number-float64-base-signbit 0.2.4: src/main.c ==== */
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

#include <stdint.h>

/**
* Returns an integer indicating whether the sign bit for a double-precision floating-point number is on (`1`) or off (`0`).
*
* @param x       input value
* @return        result
*
* @example
* #include <stdint.h>
*
* int8_t out = stdlib_base_float64_signbit( 3.14 );
*/
int8_t stdlib_base_float64_signbit( const double x ) {
	uint32_t high;

	// Extract from the input value a higher order word (unsigned 32-bit integer) containing the exponent and sign:
	stdlib_base_float64_get_high_word( x, &high );

	// Shift off all bits which are not the sign bit and check if the sign bit is on:
	return (int8_t)( high >> 31 );
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
/* ==== @stdlib/number-float64-base-to-words 0.2.3: src/main.c ==== */
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

#include <stdint.h>

/**
* Splits a double-precision floating-point number into a higher order word and a lower order word.
*
* @param x      input value
* @param high   destination for higher order word
* @param low    destination for lower order word
*
* @example
* #include <stdint.h>
*
* uint32_t high;
* uint32_t low;
*
* stdlib_base_float64_to_words( 3.14, &high, &low );
*/
void stdlib_base_float64_to_words( const double x, uint32_t *high, uint32_t *low ) {
	stdlib_base_float64_words_t w;
	w.value = x;
	*high = w.words.high;
	*low = w.words.low;
}
/* ==== @stdlib/number-float64-base-get-high-word 0.2.3: src/main.c ==== */
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

#include <stdint.h>

/**
* Extracts the unsigned 32-bit integer corresponding to the more significant 32 bits of a double-precision floating-point number.
*
* @param x      input value
* @param high   destination for higher order word
*
* @example
* #include <stdint.h>
*
* uint32_t high;
* stdlib_base_float64_get_high_word( 3.14, &high );
*/
void stdlib_base_float64_get_high_word( const double x, uint32_t *high ) {
	stdlib_base_float64_words_t w;
	w.value = x;
	*high = w.words.high;
}
/* ==== @stdlib/number-float64-base-from-words 0.2.3: src/main.c ==== */
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

#include <stdint.h>

/**
* Creates a double-precision floating-point number from a higher order word and a lower order word.
*
* @param high   higher order word
* @param low    lower order word
* @param x      destination for double-precision floating-point number
*
* @example
* #include <stdint.h>
*
* uint32_t high = 1074339512;
* uint32_t low = 1374389535;
*
* double x;
* stdlib_base_float64_from_words( high, low, &x );
*/
void stdlib_base_float64_from_words( const uint32_t high, const uint32_t low, double *x ) {
	stdlib_base_float64_words_t w;
	w.words.high = high;
	w.words.low = low;
	*x = w.value;
}

#ifdef FG_TEST_MAIN
#include "fgcheck.h"

double stdlib_base_atan2_jvp(const double y, const double y_dot, const double x, const double x_dot, double *ret_dot);

static void check(double y, double x, double dy, double dx) {
	fg_line2 l = { stdlib_base_atan2, y, x, dy, dx };
	double ret_dot = 0.0 / 0.0;
	double r = stdlib_base_atan2_jvp(y, dy, x, dx, &ret_dot);
	/* stay smooth: well inside the circle around the origin, and off the cut
	 * along the negative x axis where atan2 jumps by 2 pi */
	double h0 = 1e-2 * fmin(1.0, sqrt(x * x + y * y));
	if (x < 0)
		h0 = fmin(h0, 0.1 * fabs(y) / (fabs(dy) + 1e-300));
	fg_check_close("atan2: primal", r, stdlib_base_atan2(y, x), 0, 0);
	fg_check_close("atan2: tangent vs Richardson", ret_dot, fg_richardson(fg_along2, &l, h0), 1e-8, 1e-13);
	fg_check_close("atan2: tangent vs formula", ret_dot, (x * dy - y * dx) / (x * x + y * y), 1e-12, 1e-15);
}

int main(void) {
	fg_rand_seed(2024);
	for (int k = 0; k < 60; k++) /* all four quadrants */
		check(fg_rand_uniform(-10, 10), fg_rand_uniform(-10, 10), fg_rand_uniform(-1, 1), fg_rand_uniform(-1, 1));
	for (int k = 0; k < 10; k++) /* small and large ratios y/x */
		check(fg_rand_uniform(-1e-3, 1e-3), fg_rand_uniform(0.5, 2), fg_rand_uniform(-1, 1), fg_rand_uniform(-1, 1));
	for (int k = 0; k < 10; k++)
		check(fg_rand_uniform(1e3, 1e4), fg_rand_uniform(-1, 1), fg_rand_uniform(-1, 1), fg_rand_uniform(-1, 1));
	/* the range reduction of atan on |y/x|: 0.66 and tan(3 pi/8) */
	check(0.66, 1.0, 0.3, -0.2);
	check(0.6600001, 1.0, 0.3, -0.2);
	check(-2.41421356237309504880, 1.0, 0.3, -0.2);
	check(2.4142136, -1.0, 0.3, -0.2);
	/* the x < 0 fix-up, q <= 0 and q > 0, near both sides of the negative x axis */
	check(1e-4, -1.0, 1.0, 1.0);
	check(-1e-4, -1.0, 1.0, 1.0);
	check(1e-9, -1.0, 0.0, 1.0);
	check(-1e-9, -1.0, 0.0, 1.0);
	check(0.5, -2.0, -1.0, 0.5);
	check(-0.5, -2.0, 1.0, 0.5);
	/* close to the x == 0 and y == 0 special cases (not on them) */
	check(1.0, 1e-9, 0.5, 1.0);
	check(-1.0, -1e-9, 0.5, 1.0);
	check(1e-9, 1.0, 1.0, 0.5);
	return fg_check_report();
}
#endif
