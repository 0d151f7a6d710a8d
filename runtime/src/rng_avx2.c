/* rng_avx2.c: the fills with AVX2 and AES-NI (the values of rng.c's
 * portable path, bit for bit; the layout is in rng_int.h); also FMA.
 *
 * Philox runs on one group (16 blocks) at once: 4 registers of 4 blocks per
 * word, each 32-bit word in the low half of a 64-bit lane so that vpmuludq
 * gives the full products; the words are then packed into planes of 8 (or
 * joined into 64-bit draws). ARS runs 16 AES chains in xmm registers and
 * transposes them into planes. Float normals are Box-Muller, without
 * branches or tables; the double ziggurat's fast path looks its table up with
 * gathers, and lanes that leave the core go to the scalar slow path in
 * rng.c. */
#include "rng_int.h"

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>

#define A2 __attribute__((target("avx2,fma,aes")))

/* Low 32-bit halves of the 64-bit lanes of a, then b: 8 words in order. */
static inline A2 __m256i pack_lo(__m256i a, __m256i b) {
  __m256 m = _mm256_shuffle_ps(_mm256_castsi256_ps(a), _mm256_castsi256_ps(b), 0x88);
  return _mm256_castpd_si256(_mm256_permute4x64_pd(_mm256_castps_pd(m), 0xD8));
}

/* Philox4x32-10 of blocks word0 .. word0 + 15: c[w][t] = word w of blocks
 * word0 + 4 t .. word0 + 4 t + 3 in the low halves of 64-bit lanes. */
static inline A2 void philox16_raw(const rng_stream *s, uint32_t word0, __m256i c[4][4]) {
  const __m256i m0 = _mm256_set1_epi64x(PHILOX_M0), m1 = _mm256_set1_epi64x(PHILOX_M1);
  const __m256i lane = _mm256_setr_epi64x(0, 1, 2, 3);
  UNROLL for (int t = 0; t < 4; t++) {
    c[0][t] = _mm256_add_epi64(_mm256_set1_epi64x(word0 + 4u * (uint32_t)t), lane);
    c[1][t] = _mm256_set1_epi64x(s->dir);
    c[2][t] = _mm256_set1_epi64x((uint32_t)s->step);
    c[3][t] = _mm256_set1_epi64x((uint32_t)(s->step >> 32));
  }
  uint32_t k0 = s->k0, k1 = s->k1;
  UNROLL for (int r = 0; r < 10; r++) {
    const __m256i key0 = _mm256_set1_epi64x(k0), key1 = _mm256_set1_epi64x(k1);
    UNROLL for (int t = 0; t < 4; t++) { /* c = (hi1 ^ c1 ^ k0, lo1, hi0 ^ c3 ^ k1, lo0) */
      __m256i p0 = _mm256_mul_epu32(c[0][t], m0), p1 = _mm256_mul_epu32(c[2][t], m1);
      c[0][t] = _mm256_xor_si256(_mm256_xor_si256(_mm256_srli_epi64(p1, 32), c[1][t]), key0);
      c[2][t] = _mm256_xor_si256(_mm256_xor_si256(_mm256_srli_epi64(p0, 32), c[3][t]), key1);
      c[1][t] = p1;
      c[3][t] = p0;
    }
    k0 += PHILOX_W0;
    k1 += PHILOX_W1;
  }
}

/* The same blocks as planes: p[w][h] = word w of blocks word0 + 8 h ..
 * word0 + 8 h + 7. */
static inline A2 void philox16(const rng_stream *s, uint32_t word0, __m256i p[4][2]) {
  __m256i c[4][4];
  philox16_raw(s, word0, c);
  UNROLL for (int h = 0; h < 2; h++)
    UNROLL for (int w = 0; w < 4; w++) p[w][h] = pack_lo(c[w][2 * h], c[w][2 * h + 1]);
}

/* ARS-7 of blocks word0 .. word0 + 15 as planes: p[w][h] = word w of
 * blocks word0 + 8 h .. word0 + 8 h + 7. */
static inline A2 void ars16(const rng_stream *s, uint32_t word0, __m256i p[4][2]) {
  const __m128i weyl = _mm_set_epi64x((long long)ARS_WEYL_HI, (long long)ARS_WEYL_LO);
  const __m128i key = _mm_set_epi32(0, 0, (int)s->k1, (int)s->k0);
  const __m128i ctr = _mm_set_epi32((int)(uint32_t)(s->step >> 32), (int)(uint32_t)s->step, (int)s->dir, 0);
  __m128i b[16], k = key;
  UNROLL for (int l = 0; l < 16; l++) b[l] = _mm_xor_si128(_mm_insert_epi32(ctr, (int)(word0 + (uint32_t)l), 0), k);
  UNROLL for (int r = 1; r < ARS_ROUNDS; r++) {
    k = _mm_add_epi64(k, weyl);
    UNROLL for (int l = 0; l < 16; l++) b[l] = _mm_aesenc_si128(b[l], k);
  }
  k = _mm_add_epi64(k, weyl);
  UNROLL for (int l = 0; l < 16; l++) b[l] = _mm_aesenclast_si128(b[l], k);
  UNROLL for (int q = 0; q < 4; q++) { /* 4 x 4 transposes: b[4 q + w] = word w of blocks 4 q .. 4 q + 3 */
    __m128i t0 = _mm_unpacklo_epi32(b[4 * q], b[4 * q + 1]), t1 = _mm_unpacklo_epi32(b[4 * q + 2], b[4 * q + 3]);
    __m128i t2 = _mm_unpackhi_epi32(b[4 * q], b[4 * q + 1]), t3 = _mm_unpackhi_epi32(b[4 * q + 2], b[4 * q + 3]);
    b[4 * q] = _mm_unpacklo_epi64(t0, t1), b[4 * q + 1] = _mm_unpackhi_epi64(t0, t1);
    b[4 * q + 2] = _mm_unpacklo_epi64(t2, t3), b[4 * q + 3] = _mm_unpackhi_epi64(t2, t3);
  }
  UNROLL for (int h = 0; h < 2; h++)
    UNROLL for (int w = 0; w < 4; w++) p[w][h] = _mm256_set_m128i(b[4 * (2 * h + 1) + w], b[4 * (2 * h) + w]);
}

/* ------------------------------------------------------------ float normals
 * bm_pair of rng.c on 8 pairs, for NJ vectors in step (the polynomials'
 * chains are long; independent ones hide their latency): the same
 * operations in the same order. */
#define NJ 2
#define EACH UNROLL for (int j = 0; j < NJ; j++)

static inline A2 __m256 mul(__m256 a, __m256 b) { return _mm256_mul_ps(a, b); }
static inline A2 __m256 add(__m256 a, __m256 b) { return _mm256_add_ps(a, b); }
static inline A2 __m256 sub(__m256 a, __m256 b) { return _mm256_sub_ps(a, b); }
static inline A2 __m256 fmadd(__m256 a, __m256 b, __m256 c) { return _mm256_fmadd_ps(a, b, c); }
static inline A2 __m256 set(float a) { return _mm256_set1_ps(a); }
static inline A2 __m256i seti(uint32_t a) { return _mm256_set1_epi32((int)a); }

/* ln of v 2^-31 (bm_log), in place */
static inline A2 void log8(__m256 v[NJ]) {
  __m256 e[NJ], x[NJ], z[NJ], y[NJ];
  EACH {
    __m256i b = _mm256_castps_si256(v[j]);
    __m256 m = _mm256_castsi256_ps(_mm256_or_si256(_mm256_and_si256(b, seti(0x807FFFFFu)), seti(0x3F000000u)));
    __m256 low = _mm256_cmp_ps(m, set(BM_SQRTHF), _CMP_LT_OQ);
    e[j] = _mm256_cvtepi32_ps(_mm256_sub_epi32(_mm256_srli_epi32(b, 23), seti(126 + 31)));
    e[j] = _mm256_blendv_ps(e[j], sub(e[j], set(1.0f)), low);
    x[j] = _mm256_blendv_ps(sub(m, set(1.0f)), sub(add(m, m), set(1.0f)), low);
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

/* 16 NJ float normals from the words a, b of 8 NJ pairs: vector j's cos to
 * out + 16 j, its sin to out + 16 j + 8 */
static inline A2 void bm8(const __m256i a[NJ], const __m256i b[NJ], float *out) {
  const __m256i sign = seti(0x80000000u);
  __m256 r[NJ];
  EACH r[j] = _mm256_cvtepi32_ps(_mm256_or_si256(_mm256_srli_epi32(a[j], 1), seti(1)));
  log8(r);
  EACH r[j] = _mm256_sqrt_ps(_mm256_xor_ps(add(r[j], r[j]), _mm256_castsi256_ps(sign)));
  EACH {
    __m256i k = _mm256_and_si256(_mm256_srli_epi32(b[j], 7), seti(0x7FFFFF));
    __m256 phi = mul(sub(_mm256_cvtepi32_ps(k), set(BM_K_MID)), set(BM_PIO2_2M23)), z = mul(phi, phi);
    __m256 sn = mul(fmadd(fmadd(set(BM_SIN_C0), z, set(BM_SIN_C1)), z, set(BM_SIN_C2)), z);
    sn = fmadd(sn, phi, phi);
    __m256 cs = mul(fmadd(fmadd(set(BM_COS_C0), z, set(BM_COS_C1)), z, set(BM_COS_C2)), z);
    cs = add(fmadd(cs, z, mul(set(-0.5f), z)), set(1.0f));
    __m256 odd = _mm256_castsi256_ps(_mm256_slli_epi32(b[j], 1)); /* bit 30 of b, q's low bit, as a sign */
    __m256 x = _mm256_blendv_ps(cs, sn, odd), y = _mm256_blendv_ps(sn, cs, odd);
    __m256i neg_x = _mm256_and_si256(_mm256_xor_si256(b[j], _mm256_slli_epi32(b[j], 1)), sign); /* q = 1, 2 */
    x = _mm256_castsi256_ps(_mm256_xor_si256(_mm256_castps_si256(x), neg_x));
    y = _mm256_castsi256_ps(_mm256_xor_si256(_mm256_castps_si256(y), _mm256_and_si256(b[j], sign))); /* q = 2, 3 */
    _mm256_storeu_ps(out + 16 * j, mul(r[j], x));
    _mm256_storeu_ps(out + 16 * j + 8, mul(r[j], y));
  }
}

/* Pairs (p[2 (c % 2)], p[2 (c % 2) + 1]) of blocks 8 (c / 2) .. + 7 give
 * values 16 c .. 16 c + 15 of the group. */
void A2 fgrt__normal_f_avx2(const rng_stream *s, uint64_t g, size_t ng, float *out) {
  __m256i p[4][2];
  for (; ng > 0; ng--, g++, out += GROUP_NORMAL_F) {
    ars16(s, CTR_NORMAL_F | (uint32_t)(16 * g), p);
    UNROLL for (int c0 = 0; c0 < 4; c0 += NJ) {
      __m256i a[NJ], b[NJ];
      EACH a[j] = p[2 * ((c0 + j) % 2)][(c0 + j) / 2], b[j] = p[2 * ((c0 + j) % 2) + 1][(c0 + j) / 2];
      bm8(a, b, out + 16 * c0);
    }
  }
}

/* ------------------------------------------------------------ double normals
 * The packed table e (rng_int.h) by gathers; the coarse core test compares
 * the 31 bits below the sign of the word holding k's top bits with thr << 19
 * (both non-negative: a signed comparison does). */

static inline A2 unsigned core8(__m256i top, __m256i e) {
  const __m256i low31 = _mm256_set1_epi32(0x7FFFFFFF);
  __m256i t = _mm256_and_si256(_mm256_slli_epi32(e, 19), low31);
  return (unsigned)_mm256_movemask_ps(_mm256_castsi256_ps(_mm256_cmpgt_epi32(t, _mm256_and_si256(top, low31))));
}

static inline A2 __m256 width8(__m256i e) {
  return _mm256_castsi256_ps(_mm256_andnot_si256(_mm256_set1_epi32(ZIG_THR_BITS), e));
}

/* 4 doubles from 64-bit draws d and 4 widths. */
static inline A2 __m256d normal_d4(__m256i d, __m128 x) {
  __m256i k = _mm256_and_si256(_mm256_srli_epi64(d, 11), _mm256_set1_epi64x((long long)ZIG_MASK_KD));
  __m256d u = _mm256_sub_pd(_mm256_castsi256_pd(_mm256_or_si256(k, _mm256_set1_epi64x((long long)ZIG_ONE_D))),
                            _mm256_set1_pd(ZIG_HALF_BELOW_D));
  __m256i v = _mm256_castpd_si256(_mm256_mul_pd(u, _mm256_cvtps_pd(x)));
  return _mm256_castsi256_pd(
      _mm256_xor_si256(v, _mm256_and_si256(d, _mm256_set1_epi64x((long long)0x8000000000000000ull))));
}

/* 64-bit lanes lo | hi << 32 from the low halves of lo and hi. */
static inline A2 __m256i join64(__m256i lo, __m256i hi) {
  return _mm256_blend_epi32(lo, _mm256_slli_epi64(hi, 32), 0xAA);
}

/* 8 double normals from the draws d0, d1 of values i0 .. i0 + 7. */
static inline A2 void normal_d8(const rng_stream *s, uint64_t i0, __m256i d0, __m256i d1, double *out) {
  __m256i lo = pack_lo(d0, d1);
  __m256i hi = pack_lo(_mm256_srli_epi64(d0, 32), _mm256_srli_epi64(d1, 32));
  __m256i e = _mm256_i32gather_epi32((const int *)fgrt__zig_e, _mm256_and_si256(lo, _mm256_set1_epi32(255)), 4);
  unsigned core = core8(hi, e);
  __m256 x = width8(e);
  _mm256_storeu_pd(out, normal_d4(d0, _mm256_castps256_ps128(x)));
  _mm256_storeu_pd(out + 4, normal_d4(d1, _mm256_extractf128_ps(x, 1)));
  if (core != 0xFF) {
    uint64_t bits[8];
    _mm256_storeu_si256((__m256i *)bits, d0);
    _mm256_storeu_si256((__m256i *)(bits + 4), d1);
    for (unsigned m = ~core & 0xFF; m; m &= m - 1) {
      int l = __builtin_ctz(m);
      out[l] = fgrt__zig_slow_d(s, i0 + (unsigned)l, bits[l], NULL);
    }
  }
}

/* Values 16 h' + 8 h + 0 .. 7 of a group: words 2h, 2h + 1 of blocks
 * 8 h' + 0 .. 7, i.e. of c[.][2 h'] and c[.][2 h' + 1]. */
static A2 void normal_d_groups(const rng_stream *s, uint64_t g, size_t ng, double *out) {
  __m256i c[4][4];
  for (; ng > 0; ng--, g++, out += GROUP_NORMAL_D) {
    philox16_raw(s, CTR_NORMAL_D | (uint32_t)(16 * g), c);
    UNROLL for (int hb = 0; hb < 2; hb++)
      UNROLL for (int h = 0; h < 2; h++) {
        unsigned r = 16 * (unsigned)hb + 8 * (unsigned)h;
        normal_d8(s, 32 * g + r, join64(c[2 * h][2 * hb], c[2 * h + 1][2 * hb]),
                  join64(c[2 * h][2 * hb + 1], c[2 * h + 1][2 * hb + 1]), out + r);
      }
  }
}

/* ------------------------------------------------------------ Rademacher
 * Value 512 w + 16 b + l of a group is bit b of lane l of plane w: the
 * lanes whose bit is clear become -1. */

static inline A2 __m256i bit_clear(__m256i words, int b) {
  __m256i bit = _mm256_set1_epi32((int)(1u << b));
  return _mm256_cmpeq_epi32(_mm256_and_si256(words, bit), _mm256_setzero_si256());
}

static A2 void rademacher_f_groups(const rng_stream *s, uint64_t g, size_t ng, float *out) {
  const __m256 plus = _mm256_set1_ps(1.0f), minus = _mm256_set1_ps(-1.0f);
  __m256i p[4][2];
  for (; ng > 0; ng--, g++, out += GROUP_RADEMACHER) {
    philox16(s, CTR_RADEMACHER | (uint32_t)(16 * g), p);
    UNROLL for (int w = 0; w < 4; w++)
      UNROLL for (int b = 0; b < 32; b++)
        UNROLL for (int h = 0; h < 2; h++) {
          __m256 clear = _mm256_castsi256_ps(bit_clear(p[w][h], b));
          _mm256_storeu_ps(out + 512 * w + 16 * b + 8 * h, _mm256_blendv_ps(plus, minus, clear));
        }
  }
}

static A2 void rademacher_d_groups(const rng_stream *s, uint64_t g, size_t ng, double *out) {
  const __m256d plus = _mm256_set1_pd(1.0), minus = _mm256_set1_pd(-1.0);
  __m256i p[4][2];
  for (; ng > 0; ng--, g++, out += GROUP_RADEMACHER) {
    philox16(s, CTR_RADEMACHER | (uint32_t)(16 * g), p);
    UNROLL for (int w = 0; w < 4; w++)
      UNROLL for (int b = 0; b < 32; b++)
        UNROLL for (int h = 0; h < 2; h++) {
          __m256i clear = bit_clear(p[w][h], b);
          __m256d c0 = _mm256_castsi256_pd(_mm256_cvtepi32_epi64(_mm256_castsi256_si128(clear)));
          __m256d c1 = _mm256_castsi256_pd(_mm256_cvtepi32_epi64(_mm256_extracti128_si256(clear, 1)));
          double *o = out + 512 * w + 16 * b + 8 * h;
          _mm256_storeu_pd(o, _mm256_blendv_pd(plus, minus, c0));
          _mm256_storeu_pd(o + 4, _mm256_blendv_pd(plus, minus, c1));
        }
  }
}

const rng_path fgrt__rng_avx2 = {"avx2", fgrt__normal_f_avx2, normal_d_groups, rademacher_f_groups,
                                 rademacher_d_groups};
#else
const rng_path fgrt__rng_avx2 = {"avx2", 0, 0, 0, 0};
#endif
