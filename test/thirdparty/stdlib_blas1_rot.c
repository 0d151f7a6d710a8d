// RUN: %fgcc %s -o %t.jvp.c --fn c_drot --fn c_drotm
// RUN: %cc -c %t.jvp.c -o %t.jvp.o
// RUN: %gcc -O2 -c %t.jvp.c -o %t.gcc.o
// RUN: %cc -DFG_TEST_MAIN %s %t.jvp.o -o %t.exe %libm
// RUN: %t.exe
//
// Third-party code, unannotated, differentiated with --fn: the level-1 BLAS
// plane rotations c_drot (npm @stdlib/blas-base-drot 0.1.1) and c_drotm, the
// modified Givens rotation (@stdlib/blas-base-drotm 0.2.1), Apache License
// 2.0, The Stdlib Authors; each file's own notice is kept below. Each
// package's sources (the strided API and its _ndarray kernel) are followed by
// the sources of the @stdlib functions they call; every #include of a @stdlib
// header was replaced by the text of that header (marked "---- #include ...,
// inlined ----"). Nothing else was changed. It exercises: two in/out arrays
// updated in place through a temporary (X[ix] = tmp after Y[iy] is
// overwritten), active scalars c, s and an active const parameter array
// (param) whose first entry is a flag compared with == and < (its tangent
// must not matter), six loops chosen by the flag and by equal positive
// strides, and negative strides through a start offset.
/* ==== @stdlib/blas-base-drot 0.1.1: src/drot.c ==== */
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

/* ---- #include "stdlib/blas/base/drot.h" (@stdlib/blas-base-drot 0.1.1), inlined ---- */
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

/**
* Header file containing function declarations for the C interface to the BLAS Level 1 routine `drot`.
*/
#ifndef STDLIB_BLAS_BASE_DROT_H
#define STDLIB_BLAS_BASE_DROT_H

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
* Applies a plane rotation.
*/
void API_SUFFIX(c_drot)( const CBLAS_INT N, double *X, const CBLAS_INT strideX, double *Y, const CBLAS_INT strideY, const double c, const double s );

/**
* Applies a plane rotation using alternative indexing semantics.
*/
void API_SUFFIX(c_drot_ndarray)( const CBLAS_INT N, double *X, const CBLAS_INT strideX, const CBLAS_INT offsetX, double *Y, const CBLAS_INT strideY, const CBLAS_INT offsetY, const double c, const double s );

#ifdef __cplusplus
}
#endif

#endif // !STDLIB_BLAS_BASE_DROT_H
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
* Applies a plane rotation.
*
* @param N        number of indexed elements
* @param X        input array
* @param strideX  X stride length
* @param Y        output array
* @param strideY  Y stride length
* @param c        cosine of the angle of rotation
* @param s        sine of the angle of rotation
*/
void API_SUFFIX(c_drot)( const CBLAS_INT N, double *X, const CBLAS_INT strideX, double *Y, const CBLAS_INT strideY, const double c, const double s ) {
	CBLAS_INT ox = stdlib_strided_stride2offset( N, strideX );
	CBLAS_INT oy = stdlib_strided_stride2offset( N, strideY );
	API_SUFFIX(c_drot_ndarray)( N, X, strideX, ox, Y, strideY, oy, c, s );
	return;
}
/* ==== @stdlib/blas-base-drot 0.1.1: src/drot_ndarray.c ==== */
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


/**
* Applies a plane rotation using alternative indexing semantics.
*
* @param N        number of indexed elements
* @param X        input array
* @param strideX  X stride length
* @param offsetX  starting index for X
* @param Y        output array
* @param strideY  Y stride length
* @param offsetY  starting index for Y
* @param c        cosine of the angle of rotation
* @param s        sine of the angle of rotation
*/
void API_SUFFIX(c_drot_ndarray)( const CBLAS_INT N, double *X, const CBLAS_INT strideX, const CBLAS_INT offsetX, double *Y, const CBLAS_INT strideY, const CBLAS_INT offsetY, const double c, const double s ) {
	double tmp;
	CBLAS_INT ix;
	CBLAS_INT iy;
	CBLAS_INT i;

	if ( N <= 0 ) {
		return;
	}
	ix = offsetX;
	iy = offsetY;
	for ( i = 0; i < N; i++ ) {
		tmp = ( c * X[ ix ] ) + ( s * Y[ iy ] );
		Y[ iy ] = ( c * Y[ iy ] ) - ( s * X[ ix ] );
		X[ ix ] = tmp;
		ix += strideX;
		iy += strideY;
	}
	return;
}
/* ==== @stdlib/blas-base-drotm 0.2.1: src/drotm.c ==== */
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

/* ---- #include "stdlib/blas/base/drotm.h" (@stdlib/blas-base-drotm 0.2.1), inlined ---- */
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

/**
* Header file containing function declarations for the C interface to the BLAS Level 1 routine `drotm`.
*/
#ifndef STDLIB_BLAS_BASE_DROTM_H
#define STDLIB_BLAS_BASE_DROTM_H


/*
* If C++, prevent name mangling so that the compiler emits a binary file having undecorated names, thus mirroring the behavior of a C compiler.
*/
#ifdef __cplusplus
extern "C" {
#endif

/**
* Applies a modified Givens plane rotation.
*/
void API_SUFFIX(c_drotm)( const CBLAS_INT N, double *X, const CBLAS_INT strideX, double *Y, const CBLAS_INT strideY, const double *param );

/**
* Applies a modified Givens plane rotation using alternative indexing semantics.
*/
void API_SUFFIX(c_drotm_ndarray)( const CBLAS_INT N, double *X, const CBLAS_INT strideX, const CBLAS_INT offsetX, double *Y, const CBLAS_INT strideY, const CBLAS_INT offsetY, const double *param );

#ifdef __cplusplus
}
#endif

#endif // !STDLIB_BLAS_BASE_DROTM_H

/**
* Applies a plane rotation.
*
* @param N        number of indexed elements
* @param X        first input array
* @param strideX  X stride length
* @param Y        second input array
* @param strideY  Y stride length
* @param param    parameters for the modified Givens transformation
*/
void API_SUFFIX(c_drotm)( const CBLAS_INT N, double *X, const CBLAS_INT strideX, double *Y, const CBLAS_INT strideY, const double *param ) {
	CBLAS_INT ox = stdlib_strided_stride2offset( N, strideX );
	CBLAS_INT oy = stdlib_strided_stride2offset( N, strideY );
	API_SUFFIX(c_drotm_ndarray)( N, X, strideX, ox, Y, strideY, oy, param );
}
/* ==== @stdlib/blas-base-drotm 0.2.1: src/drotm_ndarray.c ==== */
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


/**
* Applies a plane rotation.
*
* @param N        number of indexed elements
* @param X        first input array
* @param strideX  X stride length
* @param offsetX  starting index for X
* @param Y        second input array
* @param strideY  Y stride length
* @param offsetY  starting index for Y
* @param param    parameters for the modified Givens transformation
*/
void API_SUFFIX(c_drotm_ndarray)( const CBLAS_INT N, double *X, const CBLAS_INT strideX, const CBLAS_INT offsetX, double *Y, const CBLAS_INT strideY, const CBLAS_INT offsetY, const double *param ) {
	CBLAS_INT ix;
	CBLAS_INT iy;
	double dflag;
	double dh11;
	double dh12;
	double dh21;
	double dh22;
	CBLAS_INT i;
	double w;
	double z;

	dflag = param[ 0 ];
	if ( N <= 0 || dflag == -2.0 ) {
		return;
	}
	ix = offsetX;
	iy = offsetY;
	if ( strideX == strideY && strideX > 0 ) {
		if ( dflag < 0.0 ) {
			dh11 = param[ 1 ];
			dh12 = param[ 3 ];
			dh21 = param[ 2 ];
			dh22 = param[ 4 ];
			for ( i = 0; i < N; i++ ) {
				w = X[ ix ];
				z = Y[ ix ];
				X[ ix ] = ( w * dh11 ) + ( z * dh12 );
				Y[ ix ] = ( w * dh21 ) + ( z * dh22 );
				ix += strideX;
			}
			return;
		}
		if ( dflag == 0.0 ) {
			dh12 = param[ 3 ];
			dh21 = param[ 2 ];
			for ( i = 0; i < N; i++ ) {
				w = X[ ix ];
				z = Y[ ix ];
				X[ ix ] = w + ( z * dh12 );
				Y[ ix ] = ( w * dh21 ) + z;
				ix += strideX;
			}
			return;
		}
		dh11 = param[ 1 ];
		dh22 = param[ 4 ];
		for ( i = 0; i < N; i++ ) {
			w = X[ ix ];
			z = Y[ ix ];
			X[ ix ] = ( w * dh11 ) + z;
			Y[ ix ] = -w + ( z * dh22 );
			ix += strideX;
		}
		return;
	}
	if ( dflag < 0.0 ) {
		dh11 = param[ 1 ];
		dh12 = param[ 3 ];
		dh21 = param[ 2 ];
		dh22 = param[ 4 ];
		for ( i = 0; i < N; i++ ) {
			w = X[ ix ];
			z = Y[ iy ];
			X[ ix ] = ( w * dh11 ) + ( z * dh12 );
			Y[ iy ] = ( w * dh21 ) + ( z * dh22 );
			ix += strideX;
			iy += strideY;
		}
		return;
	}
	if ( dflag == 0.0 ) {
		dh12 = param[ 3 ];
		dh21 = param[ 2 ];
		for ( i = 0; i < N; i++ ) {
			w = X[ ix ];
			z = Y[ iy ];
			X[ ix ] = w + ( z * dh12 );
			Y[ iy ] = ( w * dh21 ) + z;
			ix += strideX;
			iy += strideY;
		}
		return;
	}
	dh11 = param[ 1 ];
	dh22 = param[ 4 ];
	for ( i = 0; i < N; i++ ) {
		w = X[ ix ];
		z = Y[ iy ];
		X[ ix ] = ( w * dh11 ) + z;
		Y[ iy ] = -w + ( z * dh22 );
		ix += strideX;
		iy += strideY;
	}
	return;
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
#include <math.h>
#include <string.h>
#include "fgcheck.h"

void c_drot_jvp(const int32_t N, double *X, double *X_dot, const int32_t strideX, double *Y, double *Y_dot, const int32_t strideY, const double c, const double c_dot, const double s, const double s_dot);
void c_drotm_jvp(const int32_t N, double *X, double *X_dot, const int32_t strideX, double *Y, double *Y_dot, const int32_t strideY, const double *param, const double *param_dot);

#define MAXLEN 64

/* One call: inputs X, Y (N elements at strides sx, sy), c, s or param, and a
 * direction for all of them. `which` selects drot (0) or drotm (1); out
 * selects X (0) or Y (1), k the element of the output read by along(). */
typedef struct {
	int which;
	int32_t N, sx, sy;
	double X[MAXLEN], Y[MAXLEN], cs[2], param[5];
	double dX[MAXLEN], dY[MAXLEN], dcs[2], dparam[5];
	int out, k;
} Call;

static long double along(long double h, void *ctx) {
	const Call *a = ctx;
	double X[MAXLEN], Y[MAXLEN], p[5];
	for (int i = 0; i < MAXLEN; i++) {
		X[i] = (double)(a->X[i] + h * a->dX[i]);
		Y[i] = (double)(a->Y[i] + h * a->dY[i]);
	}
	p[0] = a->param[0]; /* the flag selects the matrix: it is not moved */
	for (int i = 1; i < 5; i++)
		p[i] = (double)(a->param[i] + h * a->dparam[i]);
	if (a->which == 0)
		c_drot(a->N, X, a->sx, Y, a->sy, (double)(a->cs[0] + h * a->dcs[0]), (double)(a->cs[1] + h * a->dcs[1]));
	else
		c_drotm(a->N, X, a->sx, Y, a->sy, p);
	return a->out == 0 ? X[a->k] : Y[a->k];
}

/* the storage index of element i of a vector of N elements with stride st */
static int32_t at(int32_t N, int32_t st, int32_t i) { return st < 0 ? (1 - N) * st + i * st : i * st; }

static void check(int which, int32_t N, int32_t sx, int32_t sy, double flag) {
	Call a;
	double X[MAXLEN], Y[MAXLEN], Xd[MAXLEN], Yd[MAXLEN];
	memset(&a, 0, sizeof a);
	a.which = which, a.N = N, a.sx = sx, a.sy = sy;
	for (int i = 0; i < MAXLEN; i++) {
		a.X[i] = fg_rand_uniform(-2, 2), a.Y[i] = fg_rand_uniform(-2, 2);
		a.dX[i] = fg_rand_uniform(-1, 1), a.dY[i] = fg_rand_uniform(-1, 1);
	}
	double th = fg_rand_uniform(-3, 3);
	a.cs[0] = cos(th), a.cs[1] = sin(th);
	a.dcs[0] = fg_rand_uniform(-1, 1), a.dcs[1] = fg_rand_uniform(-1, 1);
	a.param[0] = flag;
	for (int i = 1; i < 5; i++)
		a.param[i] = fg_rand_uniform(-2, 2);
	for (int i = 0; i < 5; i++) /* a tangent on the flag too: it must be ignored */
		a.dparam[i] = fg_rand_uniform(-1, 1);

	memcpy(X, a.X, sizeof X), memcpy(Y, a.Y, sizeof Y);
	memcpy(Xd, a.dX, sizeof Xd), memcpy(Yd, a.dY, sizeof Yd);
	if (which == 0)
		c_drot_jvp(N, X, Xd, sx, Y, Yd, sy, a.cs[0], a.dcs[0], a.cs[1], a.dcs[1]);
	else
		c_drotm_jvp(N, X, Xd, sx, Y, Yd, sy, a.param, a.dparam);

	/* primal: the same as the original routine, bit for bit */
	double Xp[MAXLEN], Yp[MAXLEN];
	memcpy(Xp, a.X, sizeof Xp), memcpy(Yp, a.Y, sizeof Yp);
	if (which == 0)
		c_drot(N, Xp, sx, Yp, sy, a.cs[0], a.cs[1]);
	else
		c_drotm(N, Xp, sx, Yp, sy, a.param);
	for (int i = 0; i < MAXLEN; i++) {
		fg_check_close("rot: primal X", X[i], Xp[i], 0, 0);
		fg_check_close("rot: primal Y", Y[i], Yp[i], 0, 0);
	}

	/* the rotation H = [h11 h12; h21 h22] and its tangent, by hand: drot is
	 * [c s; -s c]; drotm reads param = (flag, h11, h21, h12, h22) when
	 * flag == -1, takes h11 = h22 = 1 when flag == 0, h12 = 1, h21 = -1 when
	 * flag == 1, and is the identity when flag == -2 (the fixed entries have
	 * no tangent) */
	double h11, h12, h21, h22, d11 = 0, d12 = 0, d21 = 0, d22 = 0;
	const double *p = a.param, *dp = a.dparam;
	if (which == 0) {
		h11 = a.cs[0], h12 = a.cs[1], h21 = -a.cs[1], h22 = a.cs[0];
		d11 = a.dcs[0], d12 = a.dcs[1], d21 = -a.dcs[1], d22 = a.dcs[0];
	} else if (flag == -1.0) {
		h11 = p[1], h21 = p[2], h12 = p[3], h22 = p[4];
		d11 = dp[1], d21 = dp[2], d12 = dp[3], d22 = dp[4];
	} else if (flag == 0.0) {
		h11 = 1, h21 = p[2], h12 = p[3], h22 = 1;
		d21 = dp[2], d12 = dp[3];
	} else if (flag == 1.0) {
		h11 = p[1], h21 = -1, h12 = 1, h22 = p[4];
		d11 = dp[1], d22 = dp[4];
	} else {
		h11 = 1, h21 = 0, h12 = 0, h22 = 1;
	}
	for (int32_t i = 0; i < N; i++) {
		int32_t ix = at(N, sx, i), iy = at(N, sy, i);
		double x = a.X[ix], y = a.Y[iy], dx = a.dX[ix], dy = a.dY[iy];
		a.out = 0, a.k = ix;
		fg_check_close("rot: X tangent vs Richardson", Xd[ix], fg_richardson(along, &a, 1e-1), 1e-10, 1e-13);
		fg_check_close("rot: X tangent vs formula", Xd[ix], d11 * x + h11 * dx + d12 * y + h12 * dy, 1e-13, 1e-15);
		a.out = 1, a.k = iy;
		fg_check_close("rot: Y tangent vs Richardson", Yd[iy], fg_richardson(along, &a, 1e-1), 1e-10, 1e-13);
		fg_check_close("rot: Y tangent vs formula", Yd[iy], d21 * x + h21 * dx + d22 * y + h22 * dy, 1e-13, 1e-15);
	}
	/* elements the routine does not touch keep their values and tangents */
	for (int32_t j = 0; j < MAXLEN; j++) {
		int inx = 0, iny = 0;
		for (int32_t i = 0; i < N; i++)
			inx |= at(N, sx, i) == j, iny |= at(N, sy, i) == j;
		if (!inx)
			fg_check("rot: untouched X tangent", Xd[j] == a.dX[j] && X[j] == a.X[j]);
		if (!iny)
			fg_check("rot: untouched Y tangent", Yd[j] == a.dY[j] && Y[j] == a.Y[j]);
	}
}

int main(void) {
	static const int32_t strides[][2] = { { 1, 1 }, { 2, 2 }, { 1, 2 }, { 3, -1 }, { -2, -2 }, { -1, 3 } };
	static const double flags[] = { -1.0, 0.0, 1.0, -2.0 };
	fg_rand_seed(1979);
	for (int s = 0; s < 6; s++) {
		for (int32_t N = 1; N <= 7; N += 3) {
			check(0, N, strides[s][0], strides[s][1], 0);
			for (int f = 0; f < 4; f++)
				check(1, N, strides[s][0], strides[s][1], flags[f]);
		}
	}
	check(0, 0, 1, 1, 0); /* N == 0: nothing happens */
	check(1, 0, 1, 1, -1.0);
	return fg_check_report();
}
#endif
