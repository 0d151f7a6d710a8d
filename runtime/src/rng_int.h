/* rng_int.h: what rng.c shares with its vector paths (rng_avx2.c,
 * rng_avx512.c) and its tables (rng_tables.c).
 *
 * The stream format (docs/runtime.md, "Stream format"): values come in
 * groups of 16 consecutive Philox blocks. Block l of group g has counter
 * (tag | 16 g + l, dir, step low, step high) and key = the seed; its four
 * output words w = 0..3 form, over l = 0..15, four "planes" of 16 words.
 *   float normal r of a group (64):   plane r / 16, lane r % 16
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

/* The slow path of a normal value whose first draw left its layer's core
 * (every path calls these, so slow values are identical too): value i of
 * the stream, bits its first 32 (float) or 64 (double) random bits. first
 * is block 0 of the value's retry stream when the caller computed it (a
 * vector path does, for many values at once), or NULL. */
float fgrt__zig_slow_f(const rng_stream *s, uint64_t i, uint32_t bits, const uint32_t *first);
double fgrt__zig_slow_d(const rng_stream *s, uint64_t i, uint64_t bits, const uint32_t *first);

/* Block `pair` (draws 2 pair and 2 pair + 1, 64 bits each) of the retry
 * stream of value i of precision prec (0 float, 1 double): counter
 * (RETRY | i / 4, dir, step), key the seed modified by
 * w = 1 + i % 4 + 4 prec + 8 pair: (k0 ^ w M0, k1 + w). */
void fgrt__retry_block(const rng_stream *s, uint64_t i, unsigned prec, uint32_t pair, uint32_t out[4]);

/* Ziggurat tables (rng_tables.c): layer l = 0 .. 255. A float draw is
 * layer = bits 0-7, k = bits 8-30, sign = bit 31; a double draw is
 * layer = bits 0-7, k = bits 11-62, sign = bit 63. The value is
 * +-u x[l] with u = (k + 1/2) 2^-B in (0, 1), one rounded multiplication;
 * its core is k < kf[l] (float) or kd[l] (double). e[l] packs both for the
 * vector paths' one look-up: the bits of the float x[l] (whose low 12 bits
 * are zero) | thr[l], a coarse core threshold on the top 12 bits of k
 * (k >> (B - 12) < thr[l] implies k < kf[l] and k < kd[l]). */
extern const double fgrt__zig_r;
extern const uint32_t fgrt__zig_tail_kf;
extern const uint64_t fgrt__zig_tail_kd;
extern const float fgrt__zig_x[256];
extern const uint32_t fgrt__zig_kf[256];
extern const uint64_t fgrt__zig_kd[256];
extern const uint32_t fgrt__zig_e[256];
extern const double fgrt__zig_y[257];

#define ZIG_MASK_KF 0x7FFFFFu
#define ZIG_MASK_KD 0xFFFFFFFFFFFFFull
#define ZIG_THR_BITS 0xFFFu

/* u = (k + 1/2) 2^-B exactly, from the bits of 1 + k 2^-B minus 1 - 2^-(B+1)
 * (Sterbenz: the difference of two floats this close is exact). */
#define ZIG_ONE_F 0x3F800000u
#define ZIG_ONE_D 0x3FF0000000000000ull
#define ZIG_HALF_BELOW_F 0x1.fffffep-1f            /* 1 - 2^-24 */
#define ZIG_HALF_BELOW_D 0x1.fffffffffffffp-1      /* 1 - 2^-53 */

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

/* No path may fuse a multiplication and an addition into one FMA: the
 * values must be identical with and without FMA units. */
#if defined(__clang__)
#pragma STDC FP_CONTRACT OFF
#elif defined(__GNUC__)
#pragma GCC optimize("fp-contract=off")
#endif

/* Unroll the next loop fully: the vector paths keep their Philox state in
 * registers only when their small loops are unrolled, even at -O2. */
#define UNROLL _Pragma("GCC unroll 16")

#endif /* FGRT_RNG_INT_H */
