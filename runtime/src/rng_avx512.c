/* rng_avx512.c: the fills with AVX-512F (the values of rng.c's portable
 * path, bit for bit; the layout is in rng_int.h).
 *
 * Philox runs on 32 blocks at once: 4 registers of 8 blocks per word, each
 * 32-bit word in the low half of a 64-bit lane so that vpmuludq gives the
 * full products. The ziggurat's fast path looks up its one 256-entry table
 * (width and coarse core threshold packed) with permutes of 16 registers (a
 * tree of 8 vpermt2d and 7 blends), which is faster than gathers; lanes
 * that leave the core are listed and settled 8 at a time by a vector
 * version of the slow path's first steps (see "slow lanes"). Float normals
 * are the AVX2 path's Box-Muller on 16 lanes, with VAES for ARS (without
 * VAES, the AVX2 code). */
#include "rng_int.h"

#include <string.h>

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>

#define A512 __attribute__((target("avx512f")))

/* Philox4x32-10 of blocks word0 .. word0 + 31: c[w][t] = word w of blocks
 * word0 + 8 t .. word0 + 8 t + 7, in the low halves of 64-bit lanes (the
 * high halves hold junk). */
static inline A512 void philox32_raw(const rng_stream *s, uint32_t word0, __m512i c[4][4]) {
  const __m512i m0 = _mm512_set1_epi64(PHILOX_M0), m1 = _mm512_set1_epi64(PHILOX_M1);
  const __m512i lane = _mm512_setr_epi64(0, 1, 2, 3, 4, 5, 6, 7);
  UNROLL for (int t = 0; t < 4; t++) {
    c[0][t] = _mm512_add_epi64(_mm512_set1_epi64(word0 + 8u * (uint32_t)t), lane);
    c[1][t] = _mm512_set1_epi64(s->dir);
    c[2][t] = _mm512_set1_epi64((uint32_t)s->step);
    c[3][t] = _mm512_set1_epi64((uint32_t)(s->step >> 32));
  }
  uint32_t k0 = s->k0, k1 = s->k1;
  UNROLL for (int r = 0; r < 10; r++) {
    const __m512i key0 = _mm512_set1_epi64(k0), key1 = _mm512_set1_epi64(k1);
    UNROLL for (int t = 0; t < 4; t++) { /* c = (hi1 ^ c1 ^ k0, lo1, hi0 ^ c3 ^ k1, lo0) */
      __m512i p0 = _mm512_mul_epu32(c[0][t], m0), p1 = _mm512_mul_epu32(c[2][t], m1);
      c[0][t] = _mm512_ternarylogic_epi64(_mm512_srli_epi64(p1, 32), c[1][t], key0, 0x96);
      c[2][t] = _mm512_ternarylogic_epi64(_mm512_srli_epi64(p0, 32), c[3][t], key1, 0x96);
      c[1][t] = p1;
      c[3][t] = p0;
    }
    k0 += PHILOX_W0;
    k1 += PHILOX_W1;
  }
}

/* The same blocks as planes: p[q][w] = word w of blocks word0 + 16 q ..
 * word0 + 16 q + 15 (two groups of four planes). */
static inline A512 void philox32(const rng_stream *s, uint32_t word0, __m512i p[2][4]) {
  __m512i c[4][4];
  philox32_raw(s, word0, c);
  const __m512i even = _mm512_setr_epi32(0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30);
  UNROLL for (int q = 0; q < 2; q++)
    UNROLL for (int w = 0; w < 4; w++)
      p[q][w] = _mm512_permutex2var_epi32(c[w][2 * q], even, c[w][2 * q + 1]);
}

/* 64-bit lanes lo | hi << 32 from the low halves of lo and hi. */
static inline A512 __m512i join64(__m512i lo, __m512i hi) {
  return _mm512_mask_shuffle_epi32(lo, 0xAAAA, hi, _MM_PERM_CCAA);
}

/* ------------------------------------------------------------ normals
 * A chunk of up to CHUNK groups at a time: Philox writes the raw draws of
 * the chunk to a buffer, the fast path turns them into values with the
 * look-up table in registers and lists the lanes that leave the core, and
 * the slow path (slow16) settles those 16 at a time. */
#define CHUNK 32 /* groups; even */
#define CHUNK_D (CHUNK * GROUP_NORMAL_D)

/* The 64-bit draws: value 16 h' + 8 h + j of a group is words 2h, 2h + 1
 * of block 8 h' + j, so each join64 gives 8 values in order. */
static inline A512 void draws_d(const rng_stream *s, uint64_t g, size_t ng, uint64_t *out) {
  __m512i c[4][4];
  for (size_t d = 0; d < ng; d += 2, out += 2 * GROUP_NORMAL_D) {
    philox32_raw(s, CTR_NORMAL_D | (uint32_t)(16 * (g + d)), c);
    UNROLL for (int t = 0; t < 4; t++) {
      _mm512_store_si512(out + 16 * t, join64(c[0][t], c[1][t]));
      _mm512_store_si512(out + 16 * t + 8, join64(c[2][t], c[3][t]));
    }
  }
}

/* t[idx] for 16 indices < 256 (bits 8-31 ignored): 32-entry permutes, then
 * blends on bits 5-7. */
static inline A512 __m512i lut256(const __m512i t[16], __m512i idx) {
  __mmask16 b5 = _mm512_test_epi32_mask(idx, _mm512_set1_epi32(32));
  __mmask16 b6 = _mm512_test_epi32_mask(idx, _mm512_set1_epi32(64));
  __mmask16 b7 = _mm512_test_epi32_mask(idx, _mm512_set1_epi32(128));
  __m512i r[8];
  UNROLL for (int q = 0; q < 8; q++) r[q] = _mm512_permutex2var_epi32(t[2 * q], idx, t[2 * q + 1]);
  UNROLL for (int q = 0; q < 4; q++) r[q] = _mm512_mask_blend_epi32(b5, r[2 * q], r[2 * q + 1]);
  UNROLL for (int q = 0; q < 2; q++) r[q] = _mm512_mask_blend_epi32(b6, r[2 * q], r[2 * q + 1]);
  return _mm512_mask_blend_epi32(b7, r[0], r[1]);
}

/* The coarse core test (rng_int.h): the top 12 bits of k, bits 19-30 of
 * the word top holding k's top bits below the sign, against thr = e's low
 * 12 bits; shifting both left drops the sign and e's other bits. */
static inline A512 __mmask16 in_core(__m512i top, __m512i e) {
  return _mm512_cmplt_epu32_mask(_mm512_slli_epi32(top, 1), _mm512_slli_epi32(e, 20));
}

/* Appends the positions j + l of the lanes l not in core to list. */
static inline A512 unsigned list_slow(uint32_t *list, unsigned n, size_t j, __mmask16 core) {
  const __m512i lane = _mm512_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
  __mmask16 slow = (__mmask16)~core;
  __m512i pos = _mm512_add_epi32(lane, _mm512_set1_epi32((int)j));
  _mm512_storeu_si512(list + n, _mm512_maskz_compress_epi32(slow, pos));
  return n + (unsigned)__builtin_popcount(slow);
}

static inline A512 void load_table(__m512i t[16]) {
  UNROLL for (int q = 0; q < 16; q++) t[q] = _mm512_load_si512(fgrt__zig_e + 16 * q);
}

/* 8 doubles from 64-bit draws d and their layers' widths x. */
static inline A512 __m512d value_d8(__m512i d, __m512d x) {
  __m512i one_k = _mm512_ternarylogic_epi64(_mm512_srli_epi64(d, 11), _mm512_set1_epi64((long long)ZIG_MASK_KD),
                                            _mm512_set1_epi64((long long)ZIG_ONE_D), 0xEA);
  __m512d u = _mm512_sub_pd(_mm512_castsi512_pd(one_k), _mm512_set1_pd(ZIG_HALF_BELOW_D));
  __m512i v = _mm512_castpd_si512(_mm512_mul_pd(u, x));
  return _mm512_castsi512_pd(
      _mm512_ternarylogic_epi64(v, d, _mm512_set1_epi64((long long)0x8000000000000000ull), 0x78));
}

/* Fast path of n double draws (n a multiple of 16). */
static inline A512 unsigned fast_d(const uint64_t *draws, size_t j0, size_t n, double *out, uint32_t *slow, unsigned ns) {
  const __m512i even = _mm512_setr_epi32(0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30);
  const __m512i odd = _mm512_setr_epi32(1, 3, 5, 7, 9, 11, 13, 15, 17, 19, 21, 23, 25, 27, 29, 31);
  __m512i t[16];
  load_table(t);
  for (size_t j = j0; j < j0 + n; j += 16) {
    __m512i da = _mm512_load_si512(draws + j), db = _mm512_load_si512(draws + j + 8);
    __m512i lo = _mm512_permutex2var_epi32(da, even, db), hi = _mm512_permutex2var_epi32(da, odd, db);
    __m512i e = lut256(t, lo);
    __mmask16 core = in_core(hi, e);
    __m512 x = _mm512_castsi512_ps(_mm512_andnot_si512(_mm512_set1_epi32(ZIG_THR_BITS), e));
    __m256 x1 = _mm256_castpd_ps(_mm512_extractf64x4_pd(_mm512_castps_pd(x), 1));
    _mm512_storeu_pd(out + j, value_d8(da, _mm512_cvtps_pd(_mm512_castps512_ps256(x))));
    _mm512_storeu_pd(out + j + 8, value_d8(db, _mm512_cvtps_pd(x1)));
    ns = list_slow(slow, ns, j, core);
  }
  return ns;
}

/* ------------------------------------------------------------ slow lanes
 * The first two draws of the slow path (rng.c: zig_decide) for 8 lanes at
 * once, in 64-bit lanes: block 0 of each lane's retry stream from one
 * vector Philox (per-lane counters and keys), the exact core test, the
 * wedge test with retry draw 0, and a rejected draw's replacement, retry
 * draw 1, when it falls in the core. The rest (the base layer's tail, a
 * second rejection: about 0.03% of values) goes to the scalar slow path. */

/* Block 0 of the retry streams of values i (rng_int.h: fgrt__retry_block). */
static inline A512 void retry_block0(const rng_stream *s, __m512i i, __m512i c[4]) {
  __m512i w = _mm512_add_epi64(_mm512_and_si512(i, _mm512_set1_epi64(3)), _mm512_set1_epi64(1 + 4 * ZIG_PREC_D));
  __m512i k0 = _mm512_xor_si512(_mm512_set1_epi64(s->k0), _mm512_mul_epu32(w, _mm512_set1_epi64(PHILOX_M0)));
  __m512i k1 = _mm512_add_epi64(_mm512_set1_epi64(s->k1), w);
  const __m512i m0 = _mm512_set1_epi64(PHILOX_M0), m1 = _mm512_set1_epi64(PHILOX_M1);
  c[0] = _mm512_or_si512(_mm512_srli_epi64(i, 2), _mm512_set1_epi64(CTR_RETRY));
  c[1] = _mm512_set1_epi64(s->dir);
  c[2] = _mm512_set1_epi64((uint32_t)s->step);
  c[3] = _mm512_set1_epi64((uint32_t)(s->step >> 32));
  UNROLL for (int r = 0; r < 10; r++) {
    __m512i p0 = _mm512_mul_epu32(c[0], m0), p1 = _mm512_mul_epu32(c[2], m1);
    c[0] = _mm512_ternarylogic_epi64(_mm512_srli_epi64(p1, 32), c[1], k0, 0x96);
    c[2] = _mm512_ternarylogic_epi64(_mm512_srli_epi64(p0, 32), c[3], k1, 0x96);
    c[1] = p1;
    c[3] = p0;
    k0 = _mm512_add_epi64(k0, _mm512_set1_epi64(PHILOX_W0));
    k1 = _mm512_add_epi64(k1, _mm512_set1_epi64(PHILOX_W1));
  }
}

/* 8 draws taken apart: layer, |value| a, sign (bit 63), core.
 * The core test is the fast path's coarse one; where it cannot decide (the
 * top 12 bits of k equal to thr, 2^-12 of the draws: the mask tie),
 * exact_core finishes it with a gather of kd. */
typedef struct {
  __m512i layer, sign, k;
  __m512d a;
  __mmask8 core, tie;
} draw8;

static inline A512 draw8 take8(__m512i d) {
  draw8 r;
  r.layer = _mm512_and_si512(d, _mm512_set1_epi64(255));
  __m256i e = _mm512_i64gather_epi32(r.layer, (const void *)fgrt__zig_e, 4);
  __m256 x = _mm256_castsi256_ps(_mm256_andnot_si256(_mm256_set1_epi32(ZIG_THR_BITS), e));
  __m512i thr = _mm512_cvtepu32_epi64(_mm256_and_si256(e, _mm256_set1_epi32(ZIG_THR_BITS)));
  r.k = _mm512_and_si512(_mm512_srli_epi64(d, 11), _mm512_set1_epi64((long long)ZIG_MASK_KD));
  __m512d u = _mm512_sub_pd(_mm512_castsi512_pd(_mm512_or_si512(r.k, _mm512_set1_epi64((long long)ZIG_ONE_D))),
                            _mm512_set1_pd(ZIG_HALF_BELOW_D));
  r.a = _mm512_mul_pd(u, _mm512_cvtps_pd(x));
  r.sign = _mm512_and_si512(d, _mm512_set1_epi64((long long)0x8000000000000000ull));
  __m512i top = _mm512_srli_epi64(r.k, 40);
  r.core = _mm512_cmplt_epu64_mask(top, thr);
  r.tie = _mm512_cmpeq_epu64_mask(top, thr);
  return r;
}

static A512 __mmask8 exact_core(const draw8 *d) {
  __m512i exact = _mm512_i64gather_epi64(d->layer, (const void *)fgrt__zig_kd, 8);
  return d->core | (d->tie & _mm512_cmplt_epu64_mask(d->k, exact));
}

static inline A512 __m512d signed8(const draw8 *d) {
  return _mm512_castsi512_pd(_mm512_or_si512(_mm512_castpd_si512(d->a), d->sign));
}

/* fgrt__zig_exp (rng.c), 8 at a time: the same operations. */
static inline A512 __m512d exp8(__m512d t) {
#define C(j) _mm512_set1_pd(fgrt__zig_exp_c[j])
#define ADD _mm512_add_pd
#define MUL _mm512_mul_pd
  __m512d kd = ADD(MUL(t, _mm512_set1_pd(ZIG_LOG2E)), _mm512_set1_pd(ZIG_SHIFTER));
  __m512d n = _mm512_sub_pd(kd, _mm512_set1_pd(ZIG_SHIFTER));
  __m512d r = _mm512_sub_pd(_mm512_sub_pd(t, MUL(n, _mm512_set1_pd(ZIG_LN2_HI))), MUL(n, _mm512_set1_pd(ZIG_LN2_LO)));
  __m512d r2 = MUL(r, r), r4 = MUL(r2, r2), r8 = MUL(r4, r4);
  __m512d q0 = ADD(ADD(C(0), MUL(C(1), r)), MUL(ADD(C(2), MUL(C(3), r)), r2));
  __m512d q1 = ADD(ADD(C(4), MUL(C(5), r)), MUL(ADD(C(6), MUL(C(7), r)), r2));
  __m512d q2 = ADD(ADD(C(8), MUL(C(9), r)), MUL(ADD(C(10), MUL(C(11), r)), r2));
  __m512d p = ADD(ADD(q0, MUL(q1, r4)), MUL(ADD(q2, MUL(C(12), r4)), r8));
#undef C
#undef ADD
#undef MUL
  __m512i scale = _mm512_slli_epi64(_mm512_add_epi64(_mm512_castpd_si512(kd), _mm512_set1_epi64(1023)), 52);
  return _mm512_mul_pd(p, _mm512_castsi512_pd(scale));
}

/* The lanes `rest` that the vectors leave to the scalar slow path, which
 * starts them over with block 0 of their retry streams (c). */
static A512 void slow_scalar(const rng_stream *s, uint64_t i0, __mmask8 rest, __m256i p, __m512i d,
                             const __m512i c[4], double *out) {
  _Alignas(64) uint64_t cw[4][8], dw[8];
  _Alignas(32) uint32_t pw[8];
  UNROLL for (int w = 0; w < 4; w++) _mm512_store_si512(cw[w], c[w]);
  _mm512_store_si512(dw, d);
  _mm256_store_si256((__m256i *)pw, p);
  for (unsigned m = rest; m; m &= m - 1) {
    int l = __builtin_ctz(m);
    uint32_t first[4] = {(uint32_t)cw[0][l], (uint32_t)cw[1][l], (uint32_t)cw[2][l], (uint32_t)cw[3][l]};
    out[pw[l]] = fgrt__zig_slow_d(s, i0 + pw[l], dw[l], first);
  }
}

/* Settles 16 listed lanes, two vectors of 8 side by side (each is a long
 * chain of dependent steps): p[h] their positions in draws and out (value
 * index i0 + position), only the lanes in valid[h]. */
static A512 void slow16(const rng_stream *s, uint64_t i0, const uint64_t *draws, const __m256i p[2],
                        const __mmask8 valid[2], double *out) {
  const __m512i one = _mm512_set1_epi64((long long)ZIG_ONE_D);
  __m512i d[2], c[2][4];
  draw8 d0[2], d1[2];
  __m512d v[2];
  __mmask8 ok0[2], again[2];
  UNROLL for (int h = 0; h < 2; h++) {
    d[h] = _mm512_i32gather_epi64(p[h], (const void *)draws, 8);
    d0[h] = take8(d[h]);
  }
  UNROLL for (int h = 0; h < 2; h++)
    retry_block0(s, _mm512_add_epi64(_mm512_cvtepu32_epi64(p[h]), _mm512_set1_epi64((long long)i0)), c[h]);
  if (__builtin_expect((d0[0].tie | d0[1].tie) != 0, 0))
    UNROLL for (int h = 0; h < 2; h++) d0[h].core = exact_core(&d0[h]);
  UNROLL for (int h = 0; h < 2; h++) {
    /* the wedge: a uniform height in [y[l], y[l+1]) from retry draw 0, under the curve */
    __m512i layer = d0[h].layer;
    __mmask8 base = _mm512_cmpeq_epi64_mask(layer, _mm512_setzero_si512());
    __m512d y0 = _mm512_i64gather_pd(layer, fgrt__zig_y, 8);
    __m512d y1 = _mm512_i64gather_pd(_mm512_add_epi64(layer, _mm512_set1_epi64(1)), fgrt__zig_y, 8);
    __m512i draw0 = join64(c[h][0], c[h][1]), draw1 = join64(c[h][2], c[h][3]);
    __m512d u = _mm512_sub_pd(_mm512_castsi512_pd(_mm512_or_si512(_mm512_srli_epi64(draw0, 12), one)),
                              _mm512_set1_pd(1.0));
    __m512d y = _mm512_add_pd(y0, _mm512_mul_pd(u, _mm512_sub_pd(y1, y0)));
    __m512d e = exp8(_mm512_mul_pd(_mm512_mul_pd(_mm512_set1_pd(-0.5), d0[h].a), d0[h].a));
    __mmask8 under = _mm512_cmp_pd_mask(y, e, _CMP_LT_OQ);
    ok0[h] = d0[h].core | (__mmask8)(~base & under);
    again[h] = (__mmask8)(~d0[h].core & ~base & ~under);
    /* a rejected draw starts over with retry draw 1 */
    d1[h] = take8(draw1);
  }
  if (__builtin_expect(((again[0] & d1[0].tie) | (again[1] & d1[1].tie)) != 0, 0))
    UNROLL for (int h = 0; h < 2; h++) d1[h].core = exact_core(&d1[h]);
  UNROLL for (int h = 0; h < 2; h++) {
    __mmask8 ok1 = again[h] & d1[h].core, done = valid[h] & (ok0[h] | ok1);
    v[h] = _mm512_mask_blend_pd(ok1, signed8(&d0[h]), signed8(&d1[h]));
    _mm512_mask_i32scatter_pd(out, done, p[h], v[h], 8);
    __mmask8 rest = valid[h] & (__mmask8)~done;
    if (rest)
      slow_scalar(s, i0, rest, p[h], d[h], c[h], out);
  }
}

static inline __mmask8 first_lanes(unsigned n) { return n >= 8 ? 0xFF : (__mmask8)((1u << n) - 1); }

/* Settles the listed lanes of a chunk: pos[0..n), with room for 16 more. */
static A512 void slow_lanes(const rng_stream *s, uint64_t i0, const uint64_t *draws, uint32_t *pos, unsigned n,
                            double *out) {
  memset(pos + n, 0, 16 * sizeof *pos); /* spare lanes read position 0 */
  for (unsigned b = 0; b < n; b += 16) {
    __m256i p[2] = {_mm256_loadu_si256((const __m256i *)(pos + b)), _mm256_loadu_si256((const __m256i *)(pos + b + 8))};
    __mmask8 valid[2] = {first_lanes(n - b), n - b > 8 ? first_lanes(n - b - 8) : 0};
    slow16(s, i0, draws, p, valid, out);
  }
}

static A512 void normal_d_groups(const rng_stream *s, uint64_t g, size_t ng, double *out) {
  _Alignas(64) uint64_t draws[CHUNK_D];
  uint32_t slow[CHUNK_D + 32];
  for (size_t d = 0; d < ng; d += CHUNK) {
    size_t m = ng - d < CHUNK ? ng - d : CHUNK;
    double *o = out + GROUP_NORMAL_D * d;
    unsigned ns = 0;
    for (size_t q = 0; q < m; q += 2) {
      draws_d(s, g + d + q, 2, draws + GROUP_NORMAL_D * q);
      ns = fast_d(draws, GROUP_NORMAL_D * q, GROUP_NORMAL_D * (m - q < 2 ? 1 : 2), o, slow, ns);
    }
    slow_lanes(s, GROUP_NORMAL_D * (g + d), draws, slow, ns, o);
  }
}

/* ------------------------------------------------------------ float normals
 * rng_avx2.c's Box-Muller (bm_pair of rng.c: the same operations in the
 * same order) on 16 pairs per vector, with ARS-7 by VAES (four blocks per
 * instruction). Without VAES the AVX2 path's code runs. */

#define AV __attribute__((target("avx512f,vaes,aes")))
#define NJ 2 /* pair vectors in step: independent polynomial chains hide latency */
#define EACH UNROLL for (int j = 0; j < NJ; j++)

static inline AV __m512 mul(__m512 a, __m512 b) { return _mm512_mul_ps(a, b); }
static inline AV __m512 add(__m512 a, __m512 b) { return _mm512_add_ps(a, b); }
static inline AV __m512 sub(__m512 a, __m512 b) { return _mm512_sub_ps(a, b); }
static inline AV __m512 fmadd(__m512 a, __m512 b, __m512 c) { return _mm512_fmadd_ps(a, b, c); }
static inline AV __m512 set(float a) { return _mm512_set1_ps(a); }
static inline AV __m512i seti(uint32_t a) { return _mm512_set1_epi32((int)a); }
static inline AV __m512 xor_sign(__m512 a, __m512i m) {
  return _mm512_castsi512_ps(_mm512_xor_si512(_mm512_castps_si512(a), m));
}

/* ARS-7 of blocks word0 .. word0 + 15 as planes: p[w] = word w of blocks
 * word0 .. word0 + 15. z[t] holds blocks 4 t .. 4 t + 3, one per 128-bit
 * lane; the 4 x 4 transposes in each lane leave word w of block 4 i + L at
 * element 4 L + i of p[w], which one permute puts in order. */
static inline AV void ars16_planes(const rng_stream *s, uint32_t word0, __m512i p[4]) {
  const __m128i weyl = _mm_set_epi64x((long long)ARS_WEYL_HI, (long long)ARS_WEYL_LO);
  const __m128i ctr = _mm_set_epi32((int)(uint32_t)(s->step >> 32), (int)(uint32_t)s->step, (int)s->dir, 0);
  __m128i k = _mm_set_epi32(0, 0, (int)s->k1, (int)s->k0);
  __m512i z[4], key = _mm512_broadcast_i32x4(k);
  UNROLL for (int t = 0; t < 4; t++) {
    __m512i w0 = _mm512_setr_epi32((int)(word0 + 4u * (uint32_t)t), 0, 0, 0, (int)(word0 + 4u * (uint32_t)t + 1), 0,
                                   0, 0, (int)(word0 + 4u * (uint32_t)t + 2), 0, 0, 0,
                                   (int)(word0 + 4u * (uint32_t)t + 3), 0, 0, 0);
    z[t] = _mm512_xor_si512(_mm512_add_epi32(_mm512_broadcast_i32x4(ctr), w0), key);
  }
  UNROLL for (int r = 1; r < ARS_ROUNDS; r++) {
    k = _mm_add_epi64(k, weyl);
    key = _mm512_broadcast_i32x4(k);
    UNROLL for (int t = 0; t < 4; t++) z[t] = _mm512_aesenc_epi128(z[t], key);
  }
  key = _mm512_broadcast_i32x4(_mm_add_epi64(k, weyl));
  UNROLL for (int t = 0; t < 4; t++) z[t] = _mm512_aesenclast_epi128(z[t], key);
  __m512i t0 = _mm512_unpacklo_epi32(z[0], z[1]), t1 = _mm512_unpacklo_epi32(z[2], z[3]);
  __m512i t2 = _mm512_unpackhi_epi32(z[0], z[1]), t3 = _mm512_unpackhi_epi32(z[2], z[3]);
  const __m512i order = _mm512_setr_epi32(0, 4, 8, 12, 1, 5, 9, 13, 2, 6, 10, 14, 3, 7, 11, 15);
  p[0] = _mm512_permutexvar_epi32(order, _mm512_unpacklo_epi64(t0, t1));
  p[1] = _mm512_permutexvar_epi32(order, _mm512_unpackhi_epi64(t0, t1));
  p[2] = _mm512_permutexvar_epi32(order, _mm512_unpacklo_epi64(t2, t3));
  p[3] = _mm512_permutexvar_epi32(order, _mm512_unpackhi_epi64(t2, t3));
}

/* ln of v 2^-31 (bm_log), in place */
static inline AV void log16(__m512 v[NJ]) {
  __m512 e[NJ], x[NJ], z[NJ], y[NJ];
  EACH {
    __m512i b = _mm512_castps_si512(v[j]);
    __m512 m = _mm512_castsi512_ps(_mm512_ternarylogic_epi32(b, seti(0x807FFFFFu), seti(0x3F000000u), 0xEA));
    __mmask16 low = _mm512_cmp_ps_mask(m, set(BM_SQRTHF), _CMP_LT_OQ);
    e[j] = _mm512_cvtepi32_ps(_mm512_sub_epi32(_mm512_srli_epi32(b, 23), seti(126 + 31)));
    e[j] = _mm512_mask_blend_ps(low, e[j], sub(e[j], set(1.0f)));
    x[j] = _mm512_mask_blend_ps(low, sub(m, set(1.0f)), sub(add(m, m), set(1.0f)));
    z[j] = mul(x[j], x[j]);
    y[j] = fmadd(set(BM_LOG_C0), x[j], set(BM_LOG_C1));
  }
  EACH y[j] = fmadd(y[j], x[j], set(BM_LOG_C2));
  EACH y[j] = fmadd(y[j], x[j], set(BM_LOG_C3));
  EACH y[j] = fmadd(y[j], x[j], set(BM_LOG_C4));
  EACH y[j] = fmadd(y[j], x[j], set(BM_LOG_C5));
  EACH y[j] = fmadd(y[j], x[j], set(BM_LOG_C6));
  EACH y[j] = fmadd(y[j], x[j], set(BM_LOG_C7));
  EACH y[j] = fmadd(y[j], x[j], set(BM_LOG_C8));
  EACH {
    y[j] = mul(mul(y[j], x[j]), z[j]);
    y[j] = fmadd(e[j], set(BM_LN2_LO), y[j]);
    y[j] = fmadd(set(-0.5f), z[j], y[j]);
    v[j] = fmadd(e[j], set(BM_LN2_HI), add(x[j], y[j]));
  }
}

/* The 32 NJ normals of the word planes a[j], b[j] (pairs of blocks 0 .. 15
 * of the group, words 2 j and 2 j + 1): the cosines and sines of blocks
 * 0 .. 7 to out + 16 j (8 each), those of blocks 8 .. 15 to out + 32 + 16 j:
 * the layout of rng_avx2.c's bm8. */
static inline AV void bm16(const __m512i a[NJ], const __m512i b[NJ], float *out) {
  const __m512i sign = seti(0x80000000u);
  const __m512i lo = _mm512_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7, 16, 17, 18, 19, 20, 21, 22, 23);
  const __m512i hi = _mm512_setr_epi32(8, 9, 10, 11, 12, 13, 14, 15, 24, 25, 26, 27, 28, 29, 30, 31);
  __m512 r[NJ];
  EACH r[j] = _mm512_cvtepi32_ps(_mm512_or_si512(_mm512_srli_epi32(a[j], 1), seti(1)));
  log16(r);
  EACH r[j] = _mm512_sqrt_ps(xor_sign(add(r[j], r[j]), sign));
  EACH {
    __m512i k = _mm512_and_si512(_mm512_srli_epi32(b[j], 7), seti(0x7FFFFF));
    __m512 phi = mul(sub(_mm512_cvtepi32_ps(k), set(BM_K_MID)), set(BM_PIO2_2M23)), z = mul(phi, phi);
    __m512 sn = mul(fmadd(fmadd(set(BM_SIN_C0), z, set(BM_SIN_C1)), z, set(BM_SIN_C2)), z);
    sn = fmadd(sn, phi, phi);
    __m512 cs = mul(fmadd(fmadd(set(BM_COS_C0), z, set(BM_COS_C1)), z, set(BM_COS_C2)), z);
    cs = add(fmadd(cs, z, mul(set(-0.5f), z)), set(1.0f));
    __mmask16 odd = _mm512_test_epi32_mask(b[j], seti(0x40000000u)); /* bit 30 of b: q's low bit */
    __m512 x = _mm512_mask_blend_ps(odd, cs, sn), y = _mm512_mask_blend_ps(odd, sn, cs);
    x = xor_sign(x, _mm512_and_si512(_mm512_xor_si512(b[j], _mm512_slli_epi32(b[j], 1)), sign)); /* q = 1, 2 */
    y = xor_sign(y, _mm512_and_si512(b[j], sign));                                               /* q = 2, 3 */
    x = mul(r[j], x), y = mul(r[j], y);
    _mm512_storeu_ps(out + 16 * j, _mm512_permutex2var_ps(x, lo, y));
    _mm512_storeu_ps(out + 32 + 16 * j, _mm512_permutex2var_ps(x, hi, y));
  }
}

static AV void normal_f_vaes(const rng_stream *s, uint64_t g, size_t ng, float *out) {
  __m512i p[4];
  for (; ng > 0; ng--, g++, out += GROUP_NORMAL_F) {
    ars16_planes(s, CTR_NORMAL_F | (uint32_t)(16 * g), p);
    __m512i a[NJ] = {p[0], p[2]}, b[NJ] = {p[1], p[3]};
    bm16(a, b, out);
  }
}

static void normal_f_groups(const rng_stream *s, uint64_t g, size_t ng, float *out) {
  if (__builtin_cpu_supports("vaes"))
    normal_f_vaes(s, g, ng, out);
  else
    fgrt__normal_f_avx2(s, g, ng, out);
}

/* ------------------------------------------------------------ Rademacher
 * Value 512 w + 16 b + l of a group is bit b of lane l of plane w. */

static A512 void rademacher_f_groups(const rng_stream *s, uint64_t g, size_t ng, float *out) {
  const __m512 plus = _mm512_set1_ps(1.0f), minus = _mm512_set1_ps(-1.0f);
  __m512i p[2][4];
  for (size_t d = 0; d < ng; d += 2) {
    philox32(s, CTR_RADEMACHER | (uint32_t)(16 * (g + d)), p);
    for (size_t q = 0; q < 2 && d + q < ng; q++)
      UNROLL for (int w = 0; w < 4; w++) {
        float *o = out + GROUP_RADEMACHER * (d + q) + 512 * w;
        UNROLL for (int b = 0; b < 32; b++) {
          __mmask16 one = _mm512_test_epi32_mask(p[q][w], _mm512_set1_epi32((int)(1u << b)));
          _mm512_storeu_ps(o + 16 * b, _mm512_mask_blend_ps(one, minus, plus));
        }
      }
  }
}

static A512 void rademacher_d_groups(const rng_stream *s, uint64_t g, size_t ng, double *out) {
  const __m512d plus = _mm512_set1_pd(1.0), minus = _mm512_set1_pd(-1.0);
  __m512i p[2][4];
  for (size_t d = 0; d < ng; d += 2) {
    philox32(s, CTR_RADEMACHER | (uint32_t)(16 * (g + d)), p);
    for (size_t q = 0; q < 2 && d + q < ng; q++)
      UNROLL for (int w = 0; w < 4; w++) {
        double *o = out + GROUP_RADEMACHER * (d + q) + 512 * w;
        UNROLL for (int b = 0; b < 32; b++) {
          __mmask16 one = _mm512_test_epi32_mask(p[q][w], _mm512_set1_epi32((int)(1u << b)));
          _mm512_storeu_pd(o + 16 * b, _mm512_mask_blend_pd((__mmask8)one, minus, plus));
          _mm512_storeu_pd(o + 16 * b + 8, _mm512_mask_blend_pd((__mmask8)(one >> 8), minus, plus));
        }
      }
  }
}

const rng_path fgrt__rng_avx512 = {"avx512", normal_f_groups, normal_d_groups, rademacher_f_groups,
                                   rademacher_d_groups};
#else
const rng_path fgrt__rng_avx512 = {"avx512", 0, 0, 0, 0};
#endif
