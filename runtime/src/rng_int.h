/* rng_int.h: what rng.c shares with its vector paths (rng_avx2.c,
 * rng_avx512.c) and its tables (rng_tables.c).
 *
 * The stream format (docs/runtime.md, "Stream format"): values come in
 * groups of 16 consecutive blocks of 128 bits. Block l of group g has counter
 * (tag | 16 g + l, dir, step low, step high); its four output words w = 0..3
 * form, over l = 0..15, four "planes" of 16 words. Double normals and
 * Rademacher values use Philox4x32-10 keyed with the seed; float normals use
 * ARS-7 (AES rounds, below) keyed with (seed, 0).
 *   float normal r of a group (64):   Box-Muller pair of words 2c and 2c + 1
 *                                     of block 8 (c / 2) + r % 8, c = r / 16
 *                                     (c % 2 in place of c in the word
 *                                     index); r / 8 % 2 picks cos or sin
 *   double normal r (32):             words 2h (low half), 2h + 1 (high) of
 *                                     block 8 (r / 16) + r % 8, h = r / 8 % 2
 *   Rademacher r (2048):              bit (r / 16) % 32 of plane r / 512,
 *                                     lane r % 16
 * (A vector path keeps word w of 8 blocks in the low halves of 64-bit lanes:
 * one shuffle joins words 0 and 1, or 2 and 3, into 8 doubles' draws in
 * order.) A vector path computes whole groups with the planes in registers and
 * stores values in this order without shuffling; the portable path does the
 * same one block at a time. */
#ifndef FGRT_RNG_INT_H
#define FGRT_RNG_INT_H

#include "fgrt.h"

#define PHILOX_M0 0xD2511F53u
#define PHILOX_M1 0xCD9E8D57u
#define PHILOX_W0 0x9E3779B9u
#define PHILOX_W1 0xBB67AE85u

/* ARS-7 (Salmon et al. 2011, Random123's ars4x32 with 7 rounds): v = ctr ^
 * key, then 6 AES rounds (aesenc) and one last round (aesenclast), the round
 * key advanced by the Weyl constant (64-bit lanes) before each. */
#define ARS_ROUNDS 7
#define ARS_WEYL_LO 0x9E3779B97F4A7C15ull
#define ARS_WEYL_HI 0xBB67AE8584CAA73Bull

/* Counter word 0: a stream tag in the top bits, the block index below. */
#define CTR_NORMAL_D (0u << 30)
#define CTR_RADEMACHER (1u << 30)
#define CTR_UNIFORM (2u << 30)
#define CTR_NORMAL_F (3u << 30)              /* blocks < 2^29 */
#define CTR_RETRY ((3u << 30) | (1u << 29)) /* blocks < 2^29 */

#define GROUP_NORMAL_F 64
#define GROUP_NORMAL_D 32
#define GROUP_RADEMACHER 2048

/* One direction: the Philox key and the counter words 1 to 3. */
typedef struct {
  uint32_t k0, k1; /* the seed */
  uint32_t dir;
  uint64_t step;
} rng_stream;

/* A path fills groups g .. g + ng - 1 of a stream into out (ng whole groups). */
typedef void fill_f_fn(const rng_stream *s, uint64_t g, size_t ng, float *out);
typedef void fill_d_fn(const rng_stream *s, uint64_t g, size_t ng, double *out);

typedef struct {
  const char *name;
  fill_f_fn *normal_f;
  fill_d_fn *normal_d;
  fill_f_fn *rademacher_f;
  fill_d_fn *rademacher_d;
} rng_path;

extern const rng_path fgrt__rng_generic, fgrt__rng_avx2, fgrt__rng_avx512;

/* ------------------------------------------------ float normals: Box-Muller
 * A pair of words (a, b) gives R cos(theta) and R sin(theta), in float
 * operations every path rounds the same way (no libm; fused multiply-adds
 * exactly where written, fmaf on the portable path):
 *   u = (float)(int32)(a >> 1 | 1) 2^-31 in (0, 1]; R = sqrt(-2 ln u), ln u
 *     by Cephes' logf (u = 2^e m, m in [sqrt(1/2), sqrt 2), a degree-8
 *     polynomial in x = m - 1, e ln 2 in two parts): R <= 6.56;
 *   theta = q pi/2 + phi: q = bits 30-31 of b, phi = (k - (2^22 - 1/2))
 *     (pi/2) 2^-23, k = bits 7-29 (the subtraction is exact: phi is uniform
 *     on (-pi/4, pi/4)); sin and cos of phi by Cephes' sinf and cosf
 *     polynomials, then turned by the quadrant: q = 1 gives (-sin, cos),
 *     q = 2 (-cos, -sin), q = 3 (sin, -cos).
 * The scalar version is bm_pair in rng.c, the AVX2 one in rng_avx2.c: the
 * same operations in the same order. */
#define BM_SQRTHF 0.707106781186547524f
#define BM_LOG_C0 7.0376836292E-2f
#define BM_LOG_C1 -1.1514610310E-1f
#define BM_LOG_C2 1.1676998740E-1f
#define BM_LOG_C3 -1.2420140846E-1f
#define BM_LOG_C4 1.4249322787E-1f
#define BM_LOG_C5 -1.6668057665E-1f
#define BM_LOG_C6 2.0000714765E-1f
#define BM_LOG_C7 -2.4999993993E-1f
#define BM_LOG_C8 3.3333331174E-1f
#define BM_LN2_LO -2.12194440E-4f
#define BM_LN2_HI 0.693359375f
#define BM_K_MID 4194303.5f                    /* 2^22 - 1/2 */
#define BM_PIO2_2M23 (1.57079632679489661923f * 0x1p-23f) /* fl(pi/2) 2^-23, exact */
#define BM_SIN_C0 -1.9515295891E-4f
#define BM_SIN_C1 8.3321608736E-3f
#define BM_SIN_C2 -1.6666654611E-1f
#define BM_COS_C0 2.443315711809948E-5f
#define BM_COS_C1 -1.388731625493765E-3f
#define BM_COS_C2 4.166664568298827E-2f

/* ARS-7 of one block in portable code (a software AES round: the same bits
 * as AES-NI's). */
void fgrt__ars7(const uint32_t ctr[4], const uint32_t key[4], uint32_t out[4]);
void fgrt__ars(const uint32_t ctr[4], const uint32_t key[4], int rounds, uint32_t out[4]); /* any rounds >= 1 */

/* The AVX2 path's float normals, which the AVX-512 path uses too. */
void fgrt__normal_f_avx2(const rng_stream *s, uint64_t g, size_t ng, float *out);

/* The slow path of a double normal whose first draw left its layer's core
 * (every path calls it, so slow values are identical too): value i of the
 * stream, bits its first 64 random bits. first is block 0 of the value's
 * retry stream when the caller computed it (a vector path does, for many
 * values at once), or NULL. */
double fgrt__zig_slow_d(const rng_stream *s, uint64_t i, uint64_t bits, const uint32_t *first);

/* Block `pair` (draws 2 pair and 2 pair + 1, 64 bits each) of the retry
 * stream of value i of precision prec: counter (RETRY | i / 4, dir, step),
 * key the seed modified by w = 1 + i % 4 + 4 prec + 8 pair: (k0 ^ w M0,
 * k1 + w). Double normals use prec = ZIG_PREC_D; prec 0 was the float
 * ziggurat's, retired for Box-Muller (2026-12-07), and stays unused. */
#define ZIG_PREC_D 1u
void fgrt__retry_block(const rng_stream *s, uint64_t i, unsigned prec, uint32_t pair, uint32_t out[4]);

/* Ziggurat tables (rng_tables.c): layer l = 0 .. 255. A draw is
 * layer = bits 0-7, k = bits 11-62, sign = bit 63. The value is
 * +-u x[l] with u = (k + 1/2) 2^-52 in (0, 1), one rounded multiplication;
 * its core is k < kd[l]. e[l] packs both for the vector paths' one
 * look-up: the bits of the float x[l] (whose low 12 bits are zero) |
 * thr[l], a coarse core threshold on the top 12 bits of k
 * (k >> 40 < thr[l] implies k < kd[l]). */
extern const double fgrt__zig_r;
extern const uint64_t fgrt__zig_tail_kd;
extern const float fgrt__zig_x[256];
extern const uint64_t fgrt__zig_kd[256];
extern const uint32_t fgrt__zig_e[256];
extern const double fgrt__zig_y[257];

#define ZIG_MASK_KD 0xFFFFFFFFFFFFFull
#define ZIG_THR_BITS 0xFFFu

/* u = (k + 1/2) 2^-52 exactly, from the bits of 1 + k 2^-52 minus 1 - 2^-53
 * (Sterbenz: the difference of two floats this close is exact). */
#define ZIG_ONE_D 0x3FF0000000000000ull
#define ZIG_HALF_BELOW_D 0x1.fffffffffffffp-1 /* 1 - 2^-53 */

/* exp(t) for the wedge test, t in [-7, 0], in operations every path rounds
 * the same way (no libm, no FMA): t = n ln2 + r, |r| <= ln2 / 2, e^r by its
 * Taylor polynomial of degree 12 (truncation error below 2^-52; Estrin's
 * scheme), times 2^n built in the exponent bits. The scalar version is
 * fgrt__zig_exp in rng.c, the AVX-512 one in rng_avx512.c: the same steps. */
#define ZIG_LOG2E 0x1.71547652b82fep0
#define ZIG_SHIFTER 0x1.8p52 /* x + this - this rounds x to an integer */
#define ZIG_LN2_HI 0x1.62e42fee00000p-1
#define ZIG_LN2_LO 0x1.a39ef35793c76p-33
#define ZIG_EXP_DEGREE 12
extern const double fgrt__zig_exp_c[ZIG_EXP_DEGREE + 1]; /* 1 / j! */
double fgrt__zig_exp(double t);

/* No path may fuse a multiplication and an addition into one FMA where the
 * code does not write one: the values must be identical on every path. */
#if defined(__clang__)
#pragma STDC FP_CONTRACT OFF
#elif defined(__GNUC__)
#pragma GCC optimize("fp-contract=off")
#endif

/* Unroll the next loop fully: the vector paths keep their Philox state in
 * registers only when their small loops are unrolled, even at -O2. */
#define UNROLL _Pragma("GCC unroll 16")

#endif /* FGRT_RNG_INT_H */
