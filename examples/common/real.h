/*
 * real.h -- the precision of one build of an example model.
 *
 * Every model's loss.c and backprop.c are written once in `real` and built
 * twice: as float64 (the default) and as float32 with -DEXAMPLE_F32, the
 * paper's and PyTorch's default. R(name) gives each build's functions their
 * own names (name_f64, name_f32), so both link into one program that picks
 * its precision at run time (--precision=f32|f64). The BLAS routine and the
 * math functions follow the type: fgcc sees cblas_sgemm and expf in the
 * float32 build and differentiates each with its own rule.
 */
#ifndef EXAMPLES_REAL_H
#define EXAMPLES_REAL_H

#include <cblas.h>
#include <math.h>

#ifdef EXAMPLE_F32
typedef float real;
#define R(name) name##_f32
#define R_JVP(name) name##_f32_jvp /* the name fgcc gives R(name)'s derivative */
#define R_JVP8(name) name##_f32_jvp8 /* and its vector mode at width 8 */
#define example_fns example_fns_f32
#define GEMM cblas_sgemm
#define EXP expf
#define LOG logf
#else
typedef double real;
#define R(name) name##_f64
#define R_JVP(name) name##_f64_jvp
#define R_JVP8(name) name##_f64_jvp8
#define example_fns example_fns_f64
#define GEMM cblas_dgemm
#define EXP exp
#define LOG log
#endif

#endif
