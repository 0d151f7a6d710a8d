// RUN: %fgcc %s -o %t.jvp.c --fn c_ddot --fn c_daxpy --fn c_dscal --fn stdlib_strided_dsumpw
// RUN: %cc -c %t.jvp.c -o %t.jvp.o
// RUN: %gcc -O2 -c %t.jvp.c -o %t.gcc.o
// RUN: %cc -DFG_TEST_MAIN %s %t.jvp.o -o %t.exe %libm
// RUN: %t.exe
//
// Third-party code, unannotated, differentiated with --fn: the level-1 BLAS
// routines c_ddot, c_daxpy, c_dscal (npm @stdlib/blas-base-ddot,
// -daxpy, -dscal 0.4.1) and the pairwise sum stdlib_strided_dsumpw
// (@stdlib/blas-ext-base-dsumpw 0.3.1), Apache License 2.0, The Stdlib
// Authors; each file's own notice is kept below. Each package's sources
// (the strided API and its _ndarray kernel) are followed by the sources of
// the @stdlib functions they call; every #include of a @stdlib header was
// replaced by the text of that header (marked "---- #include ..., inlined
// ----"). Nothing else was changed. It exercises: function names made by a
// macro (API_SUFFIX), int32_t strides from a macro type (CBLAS_INT), negative
// strides through a start offset computed by another function, loops unrolled
// by 5 with a clean-up loop, `Y[iy] += alpha * X[ix]` and `X[ix] *= alpha` on
// in/out arrays, and recursion (dsumpw splits blocks longer than 128).
/* ==== @stdlib/blas-base-ddot 0.4.1: src/ddot.c ==== */
/**
* @license Apache-2.0
*
* Copyright (c) 2019 The Stdlib Authors.
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

/* ---- #include "stdlib/blas/base/ddot.h" (@stdlib/blas-base-ddot 0.4.1), inlined ---- */
/**
* @license Apache-2.0
*
* Copyright (c) 2019 The Stdlib Authors.
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
* Header file containing function declarations for the C interface to the BLAS Level 1 routine `c_ddot`.
*/
#ifndef STDLIB_BLAS_BASE_DDOT_H
#define STDLIB_BLAS_BASE_DDOT_H

/* ---- #include "stdlib/blas/base/shared.h" (@stdlib/blas-base-shared 0.2.1), inlined ---- */
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
*/

#ifndef STDLIB_BLAS_BASE_SHARED_H
#define STDLIB_BLAS_BASE_SHARED_H

/* ---- #include "shared/cblas.h", inlined ---- */
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
*/

#ifndef STDLIB_BLAS_BASE_SHARED_CBLAS_H
#define STDLIB_BLAS_BASE_SHARED_CBLAS_H

/* ---- #include "stdlib/blas/base/diagonal_types.h" (@stdlib/blas-base-diagonal-types 0.0.3), inlined ---- */
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
*/

#ifndef STDLIB_BLAS_BASE_DIAGONAL_TYPES_H
#define STDLIB_BLAS_BASE_DIAGONAL_TYPES_H

/**
* Enumeration of diagonal element types.
*/
enum STDLIB_BLAS_DIAGONAL_TYPE {
	// Elements along a diagonal are not all equal to one:
	STDLIB_BLAS_NON_UNIT_DIAGONAL = 131,

	// Elements along a diagonal are all equal to one:
	STDLIB_BLAS_UNIT_DIAGONAL = 132
};

#endif // !STDLIB_BLAS_BASE_DIAGONAL_TYPES_H
/* ---- #include "stdlib/blas/base/layouts.h" (@stdlib/blas-base-layouts 0.0.3), inlined ---- */
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
*/

#ifndef STDLIB_BLAS_BASE_LAYOUTS_H
#define STDLIB_BLAS_BASE_LAYOUTS_H

/**
* Enumeration of array storage layouts (i.e., memory layout/iteration order).
*/
enum STDLIB_BLAS_LAYOUT {
	// Row-major (C-style):
	STDLIB_BLAS_ROW_MAJOR = 101,

	// Column-major (Fortran-style):
	STDLIB_BLAS_COLUMN_MAJOR = 102
};

#endif // !STDLIB_BLAS_BASE_LAYOUTS_H
/* ---- #include "stdlib/blas/base/matrix_orientations.h" (@stdlib/blas-base-matrix-orientations 0.1.1), inlined ---- */
/**
* @license Apache-2.0
*
* Copyright (c) 2025 The Stdlib Authors.
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

#ifndef STDLIB_BLAS_BASE_MATRIX_ORIENTATIONS_H
#define STDLIB_BLAS_BASE_MATRIX_ORIENTATIONS_H

/**
* Enumeration of matrix orientations.
*/
enum STDLIB_BLAS_MATRIX_ORIENTATION {
	// Row matrix:
	STDLIB_BLAS_ROW_MATRIX = 241,

	// Column matrix:
	STDLIB_BLAS_COLUMN_MATRIX = 242,
};

#endif // !STDLIB_BLAS_BASE_MATRIX_ORIENTATIONS_H
/* ---- #include "stdlib/blas/base/matrix_triangles.h" (@stdlib/blas-base-matrix-triangles 0.0.3), inlined ---- */
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
*/

#ifndef STDLIB_BLAS_BASE_MATRIX_TRIANGLES_H
#define STDLIB_BLAS_BASE_MATRIX_TRIANGLES_H

/**
* Enumeration of matrix triangles.
*/
enum STDLIB_BLAS_MATRIX_TRIANGLE {
	// Upper triangular part of a matrix:
	STDLIB_BLAS_UPPER = 121,

	// Lower triangular part of a matrix:
	STDLIB_BLAS_LOWER = 122
};

#endif // !STDLIB_BLAS_BASE_MATRIX_TRIANGLES_H
/* ---- #include "stdlib/blas/base/operation_sides.h" (@stdlib/blas-base-operation-sides 0.0.3), inlined ---- */
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
*/

#ifndef STDLIB_BLAS_BASE_OPERATION_SIDES_H
#define STDLIB_BLAS_BASE_OPERATION_SIDES_H

/**
* Enumeration of operation sides.
*/
enum STDLIB_BLAS_OPERATION_SIDE {
	// Triangular matrix is on the left side of a matrix-matrix operation (e.g., AX = B, where A is a triangular matrix):
	STDLIB_BLAS_LEFT = 141,

	// Triangular matrix is on the right side of a matrix-matrix operation (e.g., XA = B, where A is a triangular matrix):
	STDLIB_BLAS_RIGHT = 142
};

#endif // !STDLIB_BLAS_BASE_OPERATION_SIDES_H
/* ---- #include "stdlib/blas/base/transpose_operations.h" (@stdlib/blas-base-transpose-operations 0.1.1), inlined ---- */
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
*/

#ifndef STDLIB_BLAS_BASE_TRANSPOSE_OPERATIONS_H
#define STDLIB_BLAS_BASE_TRANSPOSE_OPERATIONS_H

/**
* Enumeration of array transpose operations.
*/
enum STDLIB_BLAS_TRANSPOSE_OPERATION {
	// No transposition:
	STDLIB_BLAS_NO_TRANSPOSE = 111,

	// Transposition:
	STDLIB_BLAS_TRANSPOSE = 112,

	// Conjugate transposition:
	STDLIB_BLAS_CONJUGATE_TRANSPOSE = 113
};

#endif // !STDLIB_BLAS_BASE_TRANSPOSE_OPERATIONS_H
#include <stddef.h>
#include <stdint.h>
#include <inttypes.h>

/*
* If C++, prevent name mangling so that the compiler emits a binary file having undecorated names, thus mirroring the behavior of a C compiler.
*/
#ifdef __cplusplus
extern "C" {
#endif

// Return type for an index:
#ifndef CBLAS_INDEX
#define CBLAS_INDEX size_t /* this may vary between platforms */
#endif

// Integer type:
#ifndef CBLAS_INT
#ifdef WeirdNEC
#define CBLAS_INT int64_t
#else
#define CBLAS_INT int32_t
#endif
#endif

// Integer format string:
#ifndef CBLAS_IFMT
#ifdef WeirdNEC
#define CBLAS_IFMT PRId64
#else
#define CBLAS_IFMT PRId32
#endif
#endif

// 64-bit integer API suffix:
#ifndef API_SUFFIX
#ifdef CBLAS_API64
#define API_SUFFIX( name ) name##_64
#else
#define API_SUFFIX( name ) name
#endif
#endif

// Array storage layout:
#ifndef CBLAS_LAYOUT
typedef enum CBLAS_LAYOUT {
	// Row-major order (C-style):
	CblasRowMajor = STDLIB_BLAS_ROW_MAJOR,

	// Column-major order (Fortran-style):
	CblasColMajor = STDLIB_BLAS_COLUMN_MAJOR,
} CBLAS_LAYOUT;
#endif

// Transpose operation:
#ifndef CBLAS_TRANSPOSE
typedef enum CBLAS_TRANSPOSE {
	// No transposition:
	CblasNoTrans = STDLIB_BLAS_NO_TRANSPOSE,

	// Transposition:
	CblasTrans = STDLIB_BLAS_TRANSPOSE,

	// Conjugate transposition:
	CblasConjTrans = STDLIB_BLAS_CONJUGATE_TRANSPOSE,
} CBLAS_TRANSPOSE;
#endif

// Upper/lower triangular part:
#ifndef CBLAS_UPLO
typedef enum CBLAS_UPLO {
	// Upper triangular part:
	CblasUpper = STDLIB_BLAS_UPPER,

	// Lower triangular part:
	CblasLower = STDLIB_BLAS_LOWER,
} CBLAS_UPLO;
#endif

// Diagonal elements:
#ifndef CBLAS_DIAG
typedef enum CBLAS_DIAG {
	// Non-unit diagonal elements:
	CblasNonUnit = STDLIB_BLAS_NON_UNIT_DIAGONAL,

	// Unit diagonal elements:
	CblasUnit = STDLIB_BLAS_UNIT_DIAGONAL,
} CBLAS_DIAG;
#endif

// Operation side:
#ifndef CBLAS_SIDE
typedef enum CBLAS_SIDE {
	// Triangular matrix is on the left side of a matrix-matrix operation (e.g., AX = B, where A is a triangular matrix):
	CblasLeft = STDLIB_BLAS_LEFT,

	// Triangular matrix is on the right side of a matrix-matrix operation (e.g., XA = B, where A is a triangular matrix):
	CblasRight = STDLIB_BLAS_RIGHT,
} CBLAS_SIDE;
#endif

// Matrix orientation:
#ifndef CBLAS_ORIENT
typedef enum CBLAS_ORIENT {
	// Row matrix:
	CblasRows = STDLIB_BLAS_ROW_MATRIX,

	// Column matrix:
	CblasCols = STDLIB_BLAS_COLUMN_MATRIX,
} CBLAS_ORIENT;
#endif

// Alias `CBLAS_LAYOUT` for backward compatibility:
#ifndef CBLAS_ORDER
#define CBLAS_ORDER CBLAS_LAYOUT
#endif

#ifdef __cplusplus
}
#endif

#endif // !STDLIB_BLAS_BASE_SHARED_CBLAS_H
/* ---- #include "shared/macros.h", inlined ---- */
/**
* @license Apache-2.0
*
* Copyright (c) 2023 The Stdlib Authors.
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

#ifndef STDLIB_BLAS_BASE_SHARED_MACROS_H
#define STDLIB_BLAS_BASE_SHARED_MACROS_H

/*
* If C++, prevent name mangling so that the compiler emits a binary file having undecorated names, thus mirroring the behavior of a C compiler.
*/
#ifdef __cplusplus
extern "C" {
#endif

/**
* Macro for converting a stride to an index offset.
*
* @param N         number of indexed elements
* @param stride    index increment
*
* @example
* #include <stdint.h>
*
* int64_t offset = STDLIB_BLAS_BASE_STRIDE2OFFSET( 10, -10 );
* // returns 90
*/
#define STDLIB_BLAS_BASE_STRIDE2OFFSET( N, stride ) ( ( (stride) > 0 ) ? 0 : ( 1-(N) ) * (stride) )

#ifdef __cplusplus
}
#endif

#endif // !STDLIB_BLAS_BASE_SHARED_MACROS_H

#endif // !STDLIB_BLAS_BASE_SHARED_H

/*
* If C++, prevent name mangling so that the compiler emits a binary file having undecorated names, thus mirroring the behavior of a C compiler.
*/
#ifdef __cplusplus
extern "C" {
#endif

/**
* Computes the dot product of two double-precision floating-point vectors.
*/
double API_SUFFIX(c_ddot)( const CBLAS_INT N, const double *X, const CBLAS_INT strideX, const double *Y, const CBLAS_INT strideY );

/**
* Computes the dot product of two double-precision floating-point vectors using alternative indexing semantics.
*/
double API_SUFFIX(c_ddot_ndarray)( const CBLAS_INT N, const double *X, const CBLAS_INT strideX, const CBLAS_INT offsetX, const double *Y, const CBLAS_INT strideY, const CBLAS_INT offsetY );

#ifdef __cplusplus
}
#endif

#endif // !STDLIB_BLAS_BASE_DDOT_H
/* ---- #include "stdlib/strided/base/stride2offset.h" (@stdlib/strided-base-stride2offset 0.1.1), inlined ---- */
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
*/

#ifndef STDLIB_STRIDED_BASE_STRIDE2OFFSET_H
#define STDLIB_STRIDED_BASE_STRIDE2OFFSET_H

#include <stdint.h>

/*
* If C++, prevent name mangling so that the compiler emits a binary file having undecorated names, thus mirroring the behavior of a C compiler.
*/
#ifdef __cplusplus
extern "C" {
#endif

/**
* Returns the index offset which specifies the location of the first indexed value in a strided array.
*/
int64_t stdlib_strided_stride2offset( const int64_t N, const int64_t stride );

#ifdef __cplusplus
}
#endif

#endif // !STDLIB_STRIDED_BASE_STRIDE2OFFSET_H

/**
* Computes the dot product of two double-precision floating-point vectors.
*
* @param N        number of indexed elements
* @param X        first array
* @param strideX  X stride length
* @param Y        second array
* @param strideY  Y stride length
* @return         the dot product
*/
double API_SUFFIX(c_ddot)( const CBLAS_INT N, const double *X, const CBLAS_INT strideX, const double *Y, const CBLAS_INT strideY ) {
	CBLAS_INT ox = stdlib_strided_stride2offset( N, strideX );
	CBLAS_INT oy = stdlib_strided_stride2offset( N, strideY );
	return API_SUFFIX(c_ddot_ndarray)( N, X, strideX, ox, Y, strideY, oy );
}

/* ==== @stdlib/blas-base-ddot 0.4.1: src/ddot_ndarray.c ==== */
/**
* @license Apache-2.0
*
* Copyright (c) 2019 The Stdlib Authors.
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


static const CBLAS_INT M = 5;

/**
* Computes the dot product of two double-precision floating-point vectors using alternative indexing semantics.
*
* @param N        number of indexed elements
* @param X        first array
* @param strideX  X stride length
* @param offsetX  starting index for X
* @param Y        second array
* @param strideY  Y stride length
* @param offsetY  starting index for Y
* @return         the dot product
*/
double API_SUFFIX(c_ddot_ndarray)( const CBLAS_INT N, const double *X, const CBLAS_INT strideX, const CBLAS_INT offsetX, const double *Y, const CBLAS_INT strideY, const CBLAS_INT offsetY ) {
	double dot;
	CBLAS_INT ix;
	CBLAS_INT iy;
	CBLAS_INT m;
	CBLAS_INT i;

	dot = 0.0;
	if ( N <= 0 ) {
		return dot;
	}
	ix = offsetX;
	iy = offsetY;

	// If both strides are equal to `1`, use unrolled loops...
	if ( strideX == 1 && strideY == 1 ) {
		m = N % M;

		// If we have a remainder, do a clean-up loop...
		if ( m > 0 ) {
			for ( i = 0; i < m; i++ ) {
				dot += X[ ix ] * Y[ iy ];
				ix += strideX;
				iy += strideY;
			}
		}
		if ( N < M ) {
			return dot;
		}
		for ( i = m; i < N; i += M ) {
			dot += ( X[ ix ]*Y[ iy ] ) + ( X[ ix+1 ]*Y[ iy+1 ] ) + ( X[ ix+2 ]*Y[ iy+2 ] ) + ( X[ ix+3 ]*Y[ iy+3 ] ) + ( X[ ix+4 ]*Y[ iy+4 ] );
			ix += M;
			iy += M;
		}
		return dot;
	}
	for ( i = 0; i < N; i++ ) {
		dot += X[ ix ] * Y[ iy ];
		ix += strideX;
		iy += strideY;
	}
	return dot;
}
/* ==== @stdlib/blas-base-daxpy 0.4.1: src/daxpy.c ==== */
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

/* ---- #include "stdlib/blas/base/daxpy.h" (@stdlib/blas-base-daxpy 0.4.1), inlined ---- */
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

/**
* Header file containing function declarations for the C interface to the BLAS Level 1 routine `daxpy`.
*/
#ifndef STDLIB_BLAS_BASE_DAXPY_H
#define STDLIB_BLAS_BASE_DAXPY_H


/*
* If C++, prevent name mangling so that the compiler emits a binary file having undecorated names, thus mirroring the behavior of a C compiler.
*/
#ifdef __cplusplus
extern "C" {
#endif

/**
* Multiplies a vector `X` by a constant and adds the result to `Y`.
*/
void API_SUFFIX(c_daxpy)( const CBLAS_INT N, const double alpha, const double *X, const CBLAS_INT strideX, double *Y, const CBLAS_INT strideY );

/**
* Multiplies a vector `X` by a constant and adds the result to `Y` using alternative indexing semantics.
*/
void API_SUFFIX(c_daxpy_ndarray)( const CBLAS_INT N, const double alpha, const double *X, const CBLAS_INT strideX, const CBLAS_INT offsetX, double *Y, const CBLAS_INT strideY, const CBLAS_INT offsetY );

#ifdef __cplusplus
}
#endif

#endif // !STDLIB_BLAS_BASE_DAXPY_H

/**
* Multiplies a vector `X` by a constant and adds the result to `Y`.
*
* @param N        number of indexed elements
* @param alpha    scalar
* @param X        input array
* @param strideX  X stride length
* @param Y        output array
* @param strideY  Y stride length
*/
void API_SUFFIX(c_daxpy)( const CBLAS_INT N, const double alpha, const double *X, const CBLAS_INT strideX, double *Y, const CBLAS_INT strideY ) {
	CBLAS_INT ox = stdlib_strided_stride2offset( N, strideX );
	CBLAS_INT oy = stdlib_strided_stride2offset( N, strideY );
	API_SUFFIX(c_daxpy_ndarray)( N, alpha, X, strideX, ox, Y, strideY, oy );
	return;
}
/* ==== @stdlib/blas-base-daxpy 0.4.1: src/daxpy_ndarray.c ==== */
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


/**
* Multiplies a vector `X` by a constant and adds the result to `Y` using alternative indexing semantics.
*
* @param N        number of indexed elements
* @param alpha    scalar
* @param X        input array
* @param strideX  X stride length
* @param offsetX  starting X index
* @param Y        output array
* @param strideY  Y stride length
* @param offsetY  starting Y index
*/
void API_SUFFIX(c_daxpy_ndarray)( const CBLAS_INT N, const double alpha, const double *X, const CBLAS_INT strideX, const CBLAS_INT offsetX, double *Y, const CBLAS_INT strideY, const CBLAS_INT offsetY ) {
	CBLAS_INT ix;
	CBLAS_INT iy;
	CBLAS_INT i;

	if ( N <= 0 ) {
		return;
	}
	// If `alpha` is `0`, then `y` is unchanged...
	if ( alpha == 0.0 ) {
		return;
	}
	ix = offsetX;
	iy = offsetY;
	for ( i = 0; i < N; i++ ) {
		Y[ iy ] += alpha * X[ ix ];
		ix += strideX;
		iy += strideY;
	}
	return;
}
/* ==== @stdlib/blas-base-dscal 0.4.1: src/dscal.c ==== */
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

/* ---- #include "stdlib/blas/base/dscal.h" (@stdlib/blas-base-dscal 0.4.1), inlined ---- */
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
* Header file containing function declarations for the C interface to the  Level 1 routine `dscal`.
*/
#ifndef STDLIB_BLAS_BASE_DSCAL_H
#define STDLIB_BLAS_BASE_DSCAL_H


/*
* If C++, prevent name mangling so that the compiler emits a binary file having undecorated names, thus mirroring the behavior of a C compiler.
*/
#ifdef __cplusplus
extern "C" {
#endif

/**
* Multiplies each element of a double-precision floating-point vector by a constant.
*/
void API_SUFFIX(c_dscal)( const CBLAS_INT N, const double alpha, double *X, const CBLAS_INT stride );

/**
* Multiplies each element of a double-precision floating-point vector by a constant using alternative indexing semantics.
*/
void API_SUFFIX(c_dscal_ndarray)( const CBLAS_INT N, const double alpha, double *X, const CBLAS_INT stride, const CBLAS_INT offset );

#ifdef __cplusplus
}
#endif

#endif // !STDLIB_BLAS_BASE_DSCAL_H


/**
* Multiplies a double-precision floating-point vector `X` by a constant.
*
* @param N       number of indexed elements
* @param alpha   scalar
* @param X       input array
* @param stride  index increment
*/
void API_SUFFIX(c_dscal)( const CBLAS_INT N, const double alpha, double *X, const CBLAS_INT stride ) {
	CBLAS_INT ox = stdlib_strided_stride2offset( N, stride );
	API_SUFFIX(c_dscal_ndarray)( N, alpha, X, stride, ox );
}
/* ==== @stdlib/blas-base-dscal 0.4.1: src/dscal_ndarray.c ==== */
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


static const CBLAS_INT M_6 = 5;

/**
* Multiplies a double-precision floating-point vector `X` by a constant using alternative indexing semantics.
*
* @param N       number of indexed elements
* @param alpha   scalar
* @param X       input array
* @param stride  index increment
* @param offset  starting index
*/
void API_SUFFIX(c_dscal_ndarray)( const CBLAS_INT N, const double alpha, double *X, const CBLAS_INT stride, const CBLAS_INT offset ) {
	CBLAS_INT ix;
	CBLAS_INT i;
	CBLAS_INT m;

	if ( N <= 0 || alpha == 1.0 ) {
		return;
	}
	ix = offset;

	// Use loop unrolling if the stride is equal to `1`...
	if ( stride == 1 ) {
		m = N % M_6;

		// If we have a remainder, run a clean-up loop...
		if ( m > 0 ) {
			for ( i = 0; i < m; i++ ) {
				X[ ix ] *= alpha;
				ix += stride;
			}
		}
		if ( N < M_6 ) {
			return;
		}
		for ( i = m; i < N; i += M_6 ) {
			X[ ix ] *= alpha;
			X[ ix+1 ] *= alpha;
			X[ ix+2 ] *= alpha;
			X[ ix+3 ] *= alpha;
			X[ ix+4 ] *= alpha;
			ix += M_6;
		}
		return;
	}
	for ( i = 0; i < N; i++ ) {
		X[ ix ] *= alpha;
		ix += stride;
	}
	return;
}
/* ==== @stdlib/blas-ext-base-dsumpw 0.3.1: src/main.c ==== */
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

/* ---- #include "stdlib/blas/ext/base/dsumpw.h" (@stdlib/blas-ext-base-dsumpw 0.3.1), inlined ---- */
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

#ifndef STDLIB_BLAS_EXT_BASE_DSUMPW_H
#define STDLIB_BLAS_EXT_BASE_DSUMPW_H


/*
* If C++, prevent name mangling so that the compiler emits a binary file having undecorated names, thus mirroring the behavior of a C compiler.
*/
#ifdef __cplusplus
extern "C" {
#endif

/**
* Computes the sum of double-precision floating-point strided array elements using pairwise summation.
*/
double API_SUFFIX(stdlib_strided_dsumpw)( const CBLAS_INT N, const double *X, const CBLAS_INT strideX );

/**
* Computes the sum of double-precision floating-point strided array elements using pairwise summation and alternative indexing semantics.
*/
double API_SUFFIX(stdlib_strided_dsumpw_ndarray)( const CBLAS_INT N, const double *X, const CBLAS_INT strideX, const CBLAS_INT offsetX );

#ifdef __cplusplus
}
#endif

#endif // !STDLIB_BLAS_EXT_BASE_DSUMPW_H

/**
* Computes the sum of double-precision floating-point strided array elements using pairwise summation.
*
* ## Method
*
* -   This implementation uses pairwise summation, which accrues rounding error `O(log2 N)` instead of `O(N)`. The recursion depth is also `O(log2 N)`.
*
* ## References
*
* -   Higham, Nicholas J. 1993. "The Accuracy of Floating Point Summation." _SIAM Journal on Scientific Computing_ 14 (4): 783–99. doi:[10.1137/0914050](https://doi.org/10.1137/0914050).
*
* @param N        number of indexed elements
* @param X        input array
* @param strideX  stride length
* @return         output value
*/
double API_SUFFIX(stdlib_strided_dsumpw)( const CBLAS_INT N, const double *X, const CBLAS_INT strideX ) {
	CBLAS_INT ox = stdlib_strided_stride2offset( N, strideX );
	return API_SUFFIX(stdlib_strided_dsumpw_ndarray)( N, X, strideX, ox );
}

/**
* Computes the sum of double-precision floating-point strided array elements using pairwise summation and alternative indexing semantics.
*
* ## Method
*
* -   This implementation uses pairwise summation, which accrues rounding error `O(log2 N)` instead of `O(N)`. The recursion depth is also `O(log2 N)`.
*
* ## References
*
* -   Higham, Nicholas J. 1993. "The Accuracy of Floating Point Summation." _SIAM Journal on Scientific Computing_ 14 (4): 783–99. doi:[10.1137/0914050](https://doi.org/10.1137/0914050).
*
* @param N        number of indexed elements
* @param X        input array
* @param strideX  stride length
* @param offsetX  starting index
* @return         output value
*/
double API_SUFFIX(stdlib_strided_dsumpw_ndarray)( const CBLAS_INT N, const double *X, const CBLAS_INT strideX, const CBLAS_INT offsetX ) {
	CBLAS_INT ix;
	CBLAS_INT M;
	CBLAS_INT n;
	CBLAS_INT i;
	double sum;
	double s0;
	double s1;
	double s2;
	double s3;
	double s4;
	double s5;
	double s6;
	double s7;

	if ( N <= 0 ) {
		return 0.0;
	}
	ix = offsetX;
	if ( strideX == 0 ) {
		return N * X[ ix ];
	}
	if ( N < 8 ) {
		// Use simple summation...
		sum = X[ ix ];
		ix += strideX;
		for ( i = 1; i < N; i++ ) {
			sum += X[ ix ];
			ix += strideX;
		}
		return sum;
	}
	// Blocksize for pairwise summation: 128 (NOTE: decreasing the blocksize decreases rounding error as more pairs are summed, but also decreases performance. Because the inner loop is unrolled eight times, the blocksize is effectively `16`.)
	if ( N <= 128 ) {
		// Sum a block with 8 accumulators (by loop unrolling, we lower the effective blocksize to 16)...
		s0 = X[ ix ];
		s1 = X[ ix+strideX ];
		s2 = X[ ix+(2*strideX) ];
		s3 = X[ ix+(3*strideX) ];
		s4 = X[ ix+(4*strideX) ];
		s5 = X[ ix+(5*strideX) ];
		s6 = X[ ix+(6*strideX) ];
		s7 = X[ ix+(7*strideX) ];
		ix += 8 * strideX;

		M = N % 8;
		for ( i = 8; i < N-M; i += 8 ) {
			s0 += X[ ix ];
			s1 += X[ ix+strideX ];
			s2 += X[ ix+(2*strideX) ];
			s3 += X[ ix+(3*strideX) ];
			s4 += X[ ix+(4*strideX) ];
			s5 += X[ ix+(5*strideX) ];
			s6 += X[ ix+(6*strideX) ];
			s7 += X[ ix+(7*strideX) ];
			ix += 8 * strideX;
		}
		// Pairwise sum the accumulators:
		sum = ( (s0+s1) + (s2+s3) ) + ( (s4+s5) + (s6+s7) );

		// Clean-up loop...
		for ( ; i < N; i++ ) {
			sum += X[ ix ];
			ix += strideX;
		}
		return sum;
	}
	// Recurse by dividing by two, but avoiding non-multiples of unroll factor...
	n = N / 2;
	n -= n % 8;
	return API_SUFFIX(stdlib_strided_dsumpw_ndarray)( n, X, strideX, ix ) + API_SUFFIX(stdlib_strided_dsumpw_ndarray)( N-n, X, strideX, ix+(n*strideX) );
}
/* ==== @stdlib/blas-base-shared 0.2.1: src/main.c ==== */
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
*/


// GLOBAL VARIABLES //

// Flag indicating whether a routine is called from C:
int CBLAS_CallFromC = 0;

// Flag indicating whether a data is stored in row-major order:
int RowMajorStrg = 0;
/* ==== @stdlib/strided-base-stride2offset 0.1.1: src/main.c ==== */
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
*/

#include <stdint.h>

/**
* Returns the index offset which specifies the location of the first indexed value in a strided array.
*
* @param N        number of indexed elements
* @param stride   index increment
* @return         offset
*
* @example
* #include "stdlib/strided/base/stride2offset.h"
* #include <stdint.h>
*
* int64_t offset = stdlib_strided_stride2offset( 10, -10 );
* // returns 90
*/
int64_t stdlib_strided_stride2offset( const int64_t N, const int64_t stride ) {
	if ( stride > 0 ) {
		return 0;
	}
	return ( 1 - N ) * stride;
}

#ifdef FG_TEST_MAIN
#include <stdlib.h>
#include <string.h>
#include "fgcheck.h"

double c_ddot_jvp(const int32_t N, const double *X, const double *X_dot, const int32_t strideX, const double *Y, const double *Y_dot, const int32_t strideY, double *ret_dot);
void c_daxpy_jvp(const int32_t N, const double alpha, const double alpha_dot, const double *X, const double *X_dot, const int32_t strideX, double *Y, double *Y_dot, const int32_t strideY);
void c_dscal_jvp(const int32_t N, const double alpha, const double alpha_dot, double *X, double *X_dot, const int32_t stride);
double stdlib_strided_dsumpw_jvp(const int32_t N, const double *X, const double *X_dot, const int32_t strideX, double *ret_dot);

#define LEN 1000 /* >= 1 + (N - 1) |stride| for every case below */

typedef struct {
	int op; /* 0 ddot, 1 daxpy, 2 dscal, 3 dsumpw */
	int32_t n, sx, sy, k;
	double a, da, x[LEN], dx[LEN], y[LEN], dy[LEN];
} Case;

/* The primal along the direction, at parameter t; for the array results, element k. */
static long double along(long double t, void *ctx) {
	static double x[LEN], y[LEN];
	const Case *c = ctx;
	double a = (double)(c->a + t * c->da);
	for (int i = 0; i < LEN; i++) {
		x[i] = (double)(c->x[i] + t * c->dx[i]);
		y[i] = (double)(c->y[i] + t * c->dy[i]);
	}
	switch (c->op) {
	case 0: return c_ddot(c->n, x, c->sx, y, c->sy);
	case 1: c_daxpy(c->n, a, x, c->sx, y, c->sy); return y[c->k];
	case 2: c_dscal(c->n, a, x, c->sx); return x[c->k];
	default: return stdlib_strided_dsumpw(c->n, x, c->sx);
	}
}

/* Index of element i of a strided vector of n elements (BLAS convention). */
static int32_t at(int32_t n, int32_t s, int32_t i) { return (s > 0 ? 0 : (1 - n) * s) + i * s; }

static Case c;

int main(void) {
	static const int32_t ns[] = { 0, 1, 3, 4, 5, 6, 9, 13, 130, 300 };
	static const int32_t strides[] = { 1, -1, 2, -3 };
	static double x[LEN], dx[LEN], y[LEN], dy[LEN];
	fg_rand_seed(1979);
	for (int op = 0; op < 4; op++)
		for (unsigned a = 0; a < sizeof ns / sizeof ns[0]; a++)
			for (int b = 0; b < 4; b++) {
				c.op = op;
				c.n = ns[a];
				c.sx = strides[b];
				c.sy = strides[(b + 1 + op) % 4];
				for (int i = 0; i < LEN; i++) {
					c.x[i] = fg_rand_uniform(-2, 2);
					c.dx[i] = fg_rand_uniform(-1, 1);
					c.y[i] = fg_rand_uniform(-2, 2);
					c.dy[i] = fg_rand_uniform(-1, 1);
				}
				c.a = fg_rand_uniform(0.5, 2); /* daxpy returns early on 0, dscal on 1 */
				c.da = fg_rand_uniform(-1, 1);
				memcpy(x, c.x, sizeof x);
				memcpy(dx, c.dx, sizeof dx);
				memcpy(y, c.y, sizeof y);
				memcpy(dy, c.dy, sizeof dy);
				if (op == 0 || op == 3) {
					double ret_dot = 0.0 / 0.0, r, hand = 0.0;
					if (op == 0) {
						r = c_ddot_jvp(c.n, x, dx, c.sx, y, dy, c.sy, &ret_dot);
						for (int32_t i = 0; i < c.n; i++) {
							int32_t ix = at(c.n, c.sx, i), iy = at(c.n, c.sy, i);
							hand += c.dx[ix] * c.y[iy] + c.x[ix] * c.dy[iy];
						}
					} else {
						r = stdlib_strided_dsumpw_jvp(c.n, x, dx, c.sx, &ret_dot);
						for (int32_t i = 0; i < c.n; i++)
							hand += c.dx[at(c.n, c.sx, i)];
					}
					fg_check_close(op == 0 ? "ddot: primal" : "dsumpw: primal", r, (double)along(0, &c), 0, 0);
					fg_check_close(op == 0 ? "ddot: tangent vs Richardson" : "dsumpw: tangent vs Richardson", ret_dot,
					               fg_richardson(along, &c, 1e-2), 1e-9, 1e-12);
					fg_check_close(op == 0 ? "ddot: tangent vs formula" : "dsumpw: tangent vs formula", ret_dot, hand,
					               1e-11, 1e-13);
					continue;
				}
				/* in/out arrays: the tangent of every element (untouched ones keep theirs) */
				double *out = op == 1 ? y : x, *out_dot = op == 1 ? dy : dx, hand[LEN];
				const double *in = op == 1 ? c.y : c.x, *in_dot = op == 1 ? c.dy : c.dx;
				int32_t s = op == 1 ? c.sy : c.sx;
				memcpy(hand, in_dot, sizeof hand);
				for (int32_t i = 0; i < c.n; i++) {
					int32_t io = at(c.n, s, i), ix = at(c.n, c.sx, i);
					hand[io] = op == 1 ? in_dot[io] + c.da * c.x[ix] + c.a * c.dx[ix] : c.da * in[io] + c.a * in_dot[io];
				}
				if (op == 1)
					c_daxpy_jvp(c.n, c.a, c.da, x, dx, c.sx, y, dy, c.sy);
				else
					c_dscal_jvp(c.n, c.a, c.da, x, dx, c.sx);
				int32_t span = c.n > 0 ? 1 + (c.n - 1) * abs(s) : 1;
				for (int32_t k = 0; k < span + 2; k++) { /* two past the end: untouched */
					c.k = k;
					fg_check_close(op == 1 ? "daxpy: primal" : "dscal: primal", out[k], (double)along(0, &c), 0, 0);
					fg_check_close(op == 1 ? "daxpy: tangent vs formula" : "dscal: tangent vs formula", out_dot[k], hand[k],
					               1e-13, 1e-15);
					if (k % 7 == 0 || c.n < 20)
						fg_check_close(op == 1 ? "daxpy: tangent vs Richardson" : "dscal: tangent vs Richardson", out_dot[k],
						               fg_richardson(along, &c, 1e-2), 1e-9, 1e-12);
				}
			}
	return fg_check_report();
}
#endif
