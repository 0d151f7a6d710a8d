/* rng_avx512.c: the fills with AVX-512F (the values of rng.c's portable
 * path, bit for bit; the layout is in rng_int.h).
 *
 * Philox runs on 32 blocks at once: 4 registers of 8 blocks per word, each
 * 32-bit word in the low half of a 64-bit lane so that vpmuludq gives the
 * full products. The ziggurat's fast path looks its two 256-entry tables up
 * with permutes from memory (a tree of 8 vpermt2ps and 7 blends), which is
 * faster than gathers; lanes that leave the core go to the scalar slow path
 * in rng.c, in batches (see "slow lanes"). */
#include "rng_int.h"

#include <string.h>

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>

#define A512 __attribute__((target("avx512f")))

/* Philox4x32-10 of blocks tag | b0 .. b0 + 31: p[q][w] = word w of blocks
 * b0 + 16 q .. b0 + 16 q + 15 (two groups of four planes). */
static inline A512 void philox32(const rng_stream *s, uint32_t word0, __m512i p[2][4]) {
  const __m512i m0 = _mm512_set1_epi64(PHILOX_M0), m1 = _mm512_set1_epi64(PHILOX_M1);
  const __m512i lane = _mm512_setr_epi64(0, 1, 2, 3, 4, 5, 6, 7);
  __m512i c0[4], c1[4], c2[4], c3[4];
  UNROLL for (int t = 0; t < 4; t++) {
    c0[t] = _mm512_add_epi64(_mm512_set1_epi64(word0 + 8u * (uint32_t)t), lane);
    c1[t] = _mm512_set1_epi64(s->dir);
    c2[t] = _mm512_set1_epi64((uint32_t)s->step);
    c3[t] = _mm512_set1_epi64((uint32_t)(s->step >> 32));
  }
  uint32_t k0 = s->k0, k1 = s->k1;
  UNROLL for (int r = 0; r < 10; r++) {
    const __m512i key0 = _mm512_set1_epi64(k0), key1 = _mm512_set1_epi64(k1);
    UNROLL for (int t = 0; t < 4; t++) { /* c = (hi1 ^ c1 ^ k0, lo1, hi0 ^ c3 ^ k1, lo0) */
      __m512i p0 = _mm512_mul_epu32(c0[t], m0), p1 = _mm512_mul_epu32(c2[t], m1);
      c0[t] = _mm512_ternarylogic_epi64(_mm512_srli_epi64(p1, 32), c1[t], key0, 0x96);
      c2[t] = _mm512_ternarylogic_epi64(_mm512_srli_epi64(p0, 32), c3[t], key1, 0x96);
      c1[t] = p1;
      c3[t] = p0;
    }
    k0 += PHILOX_W0;
    k1 += PHILOX_W1;
  }
  const __m512i even = _mm512_setr_epi32(0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30);
  UNROLL for (int q = 0; q < 2; q++) {
    p[q][0] = _mm512_permutex2var_epi32(c0[2 * q], even, c0[2 * q + 1]);
    p[q][1] = _mm512_permutex2var_epi32(c1[2 * q], even, c1[2 * q + 1]);
    p[q][2] = _mm512_permutex2var_epi32(c2[2 * q], even, c2[2 * q + 1]);
    p[q][3] = _mm512_permutex2var_epi32(c3[2 * q], even, c3[2 * q + 1]);
  }
}

/* t[idx] for 16 indices < 256: 32-entry permutes, then blends on bits 5-7. */
typedef struct {
  __mmask16 b5, b6, b7;
} lut_bits;

static inline A512 lut_bits lut_prepare(__m512i idx) {
  lut_bits b = {_mm512_test_epi32_mask(idx, _mm512_set1_epi32(32)),
                _mm512_test_epi32_mask(idx, _mm512_set1_epi32(64)),
                _mm512_test_epi32_mask(idx, _mm512_set1_epi32(128))};
  return b;
}

static inline A512 __m512i lut256(const void *table, __m512i idx, lut_bits b) {
  const int32_t *t = table;
  __m512i r[8];
  UNROLL for (int q = 0; q < 8; q++)
    r[q] = _mm512_permutex2var_epi32(_mm512_load_si512(t + 32 * q), idx, _mm512_load_si512(t + 32 * q + 16));
  UNROLL for (int q = 0; q < 4; q++) r[q] = _mm512_mask_blend_epi32(b.b5, r[2 * q], r[2 * q + 1]);
  UNROLL for (int q = 0; q < 2; q++) r[q] = _mm512_mask_blend_epi32(b.b6, r[2 * q], r[2 * q + 1]);
  return _mm512_mask_blend_epi32(b.b7, r[0], r[1]);
}

/* ------------------------------------------------------------ slow lanes
 * Lanes that leave the core wait in a list; every 8 of them get block 0 of
 * their retry streams from one vector Philox (per-lane counters and keys),
 * sparing the scalar slow path its own latency-bound Philox call. */
typedef struct {
  uint64_t i, bits;
  void *dst;
} pending;

#define PENDING_MAX 256

typedef struct {
  pending e[PENDING_MAX];
  unsigned n;
} pending_list;

/* Block 0 of the retry streams of e[0..8) (rng_int.h: fgrt__retry_block). */
static inline A512 void retry_blocks8(const rng_stream *s, const pending *e, unsigned prec, uint32_t out[4][8]) {
  uint64_t ctr[8], w[8];
  UNROLL for (int l = 0; l < 8; l++) {
    ctr[l] = CTR_RETRY | (uint32_t)(e[l].i >> 2);
    w[l] = 1 + (e[l].i & 3) + 4 * prec;
  }
  __m512i wv = _mm512_loadu_si512(w);
  __m512i k0 = _mm512_xor_si512(_mm512_set1_epi64(s->k0), _mm512_mul_epu32(wv, _mm512_set1_epi64(PHILOX_M0)));
  __m512i k1 = _mm512_add_epi64(_mm512_set1_epi64(s->k1), wv);
  const __m512i m0 = _mm512_set1_epi64(PHILOX_M0), m1 = _mm512_set1_epi64(PHILOX_M1);
  __m512i c0 = _mm512_loadu_si512(ctr), c1 = _mm512_set1_epi64(s->dir);
  __m512i c2 = _mm512_set1_epi64((uint32_t)s->step), c3 = _mm512_set1_epi64((uint32_t)(s->step >> 32));
  UNROLL for (int r = 0; r < 10; r++) {
    __m512i p0 = _mm512_mul_epu32(c0, m0), p1 = _mm512_mul_epu32(c2, m1);
    c0 = _mm512_ternarylogic_epi64(_mm512_srli_epi64(p1, 32), c1, k0, 0x96);
    c2 = _mm512_ternarylogic_epi64(_mm512_srli_epi64(p0, 32), c3, k1, 0x96);
    c1 = p1;
    c3 = p0;
    k0 = _mm512_add_epi64(k0, _mm512_set1_epi64(PHILOX_W0));
    k1 = _mm512_add_epi64(k1, _mm512_set1_epi64(PHILOX_W1));
  }
  _mm256_storeu_si256((__m256i *)out[0], _mm512_cvtepi64_epi32(c0));
  _mm256_storeu_si256((__m256i *)out[1], _mm512_cvtepi64_epi32(c1));
  _mm256_storeu_si256((__m256i *)out[2], _mm512_cvtepi64_epi32(c2));
  _mm256_storeu_si256((__m256i *)out[3], _mm512_cvtepi64_epi32(c3));
}

/* Runs the slow path of the waiting lanes, 8 at a time; with all = 0 it
 * leaves fewer than 8 waiting. */
static A512 void flush(const rng_stream *s, pending_list *pl, unsigned prec, int all) {
  unsigned done = 0;
  while (pl->n - done >= 8 || (all && done < pl->n)) {
    pending batch[8];
    unsigned m = pl->n - done < 8 ? pl->n - done : 8;
    for (unsigned l = 0; l < 8; l++) batch[l] = pl->e[done + (l < m ? l : 0)];
    uint32_t blk[4][8];
    retry_blocks8(s, batch, prec, blk);
    for (unsigned l = 0; l < m; l++) {
      uint32_t first[4] = {blk[0][l], blk[1][l], blk[2][l], blk[3][l]};
      if (prec)
        *(double *)batch[l].dst = fgrt__zig_slow_d(s, batch[l].i, batch[l].bits, first);
      else
        *(float *)batch[l].dst = fgrt__zig_slow_f(s, batch[l].i, (uint32_t)batch[l].bits, first);
    }
    done += m;
  }
  memmove(pl->e, pl->e + done, (pl->n - done) * sizeof *pl->e);
  pl->n -= done;
}

static inline void wait_slow(pending_list *pl, uint64_t i, uint64_t bits, void *dst) {
  pending p = {i, bits, dst};
  pl->e[pl->n++] = p;
}

/* ------------------------------------------------------------ normals */

/* 16 float normals from one plane w (values i0 .. i0 + 15). */
static inline A512 void normal_f16(pending_list *pl, uint64_t i0, __m512i w, float *out) {
  __m512i layer = _mm512_and_si512(w, _mm512_set1_epi32(255));
  __m512i k = _mm512_and_si512(_mm512_srli_epi32(w, 8), _mm512_set1_epi32(ZIG_MASK_KF));
  lut_bits b = lut_prepare(layer);
  __m512 scale = _mm512_castsi512_ps(lut256(fgrt__zig_sf, layer, b));
  __mmask16 core = _mm512_cmplt_epu32_mask(k, lut256(fgrt__zig_kf, layer, b));
  /* u = k + 1/2 exactly: the float 2^23 + k minus 2^23 - 1/2 */
  __m512 u = _mm512_sub_ps(_mm512_castsi512_ps(_mm512_or_si512(k, _mm512_set1_epi32(0x4B000000))),
                           _mm512_set1_ps(8388607.5f));
  __m512i x = _mm512_castps_si512(_mm512_mul_ps(u, scale));
  x = _mm512_xor_si512(x, _mm512_and_si512(w, _mm512_set1_epi32((int)0x80000000u)));
  _mm512_storeu_si512(out, x);
  if (core != 0xFFFF) {
    uint32_t bits[16];
    _mm512_storeu_si512(bits, w);
    for (unsigned m = (uint16_t)~core; m; m &= m - 1) {
      int l = __builtin_ctz(m);
      wait_slow(pl, i0 + (unsigned)l, bits[l], out + l);
    }
  }
}

/* 8 doubles from 64-bit draws v and 8 float scales. */
static inline A512 __m512d normal_d8(__m512i v, __m256 scale) {
  __m512i k = _mm512_and_si512(_mm512_srli_epi64(v, 11), _mm512_set1_epi64((long long)ZIG_MASK_KD));
  /* u = k + 1/2 exactly: the double 2^52 + k minus 2^52 - 1/2 */
  __m512d u = _mm512_sub_pd(_mm512_castsi512_pd(_mm512_or_si512(k, _mm512_set1_epi64(0x4330000000000000))),
                            _mm512_set1_pd(4503599627370495.5));
  __m512i x = _mm512_castpd_si512(_mm512_mul_pd(u, _mm512_cvtps_pd(scale)));
  return _mm512_castsi512_pd(
      _mm512_xor_si512(x, _mm512_and_si512(v, _mm512_set1_epi64((long long)0x8000000000000000ull))));
}

/* 16 double normals from planes lo, hi (values i0 .. i0 + 15). The core
 * test compares the top 31 bits of k (hi without its sign bit) with kd >> 21;
 * equality, 2^-31 of the draws, goes to the slow path's exact test. */
static inline A512 void normal_d16(pending_list *pl, uint64_t i0, __m512i lo, __m512i hi, double *out) {
  __m512i layer = _mm512_and_si512(lo, _mm512_set1_epi32(255));
  lut_bits b = lut_prepare(layer);
  __m512 scale = _mm512_castsi512_ps(lut256(fgrt__zig_sd, layer, b));
  __m512i khi = _mm512_and_si512(hi, _mm512_set1_epi32(0x7FFFFFFF));
  __mmask16 core = _mm512_cmplt_epu32_mask(khi, lut256(fgrt__zig_kd_hi, layer, b));
  /* the 64-bit draws in value order: unpack pairs, then restore the order */
  __m512i ul = _mm512_unpacklo_epi32(lo, hi), uh = _mm512_unpackhi_epi32(lo, hi);
  __m512i v0 = _mm512_permutex2var_epi64(ul, _mm512_setr_epi64(0, 1, 8, 9, 2, 3, 10, 11), uh);
  __m512i v1 = _mm512_permutex2var_epi64(ul, _mm512_setr_epi64(4, 5, 12, 13, 6, 7, 14, 15), uh);
  __m256 s0 = _mm512_castps512_ps256(scale);
  __m256 s1 = _mm256_castpd_ps(_mm512_extractf64x4_pd(_mm512_castps_pd(scale), 1));
  _mm512_storeu_pd(out, normal_d8(v0, s0));
  _mm512_storeu_pd(out + 8, normal_d8(v1, s1));
  if (core != 0xFFFF) {
    uint64_t bits[16];
    _mm512_storeu_si512(bits, v0);
    _mm512_storeu_si512(bits + 8, v1);
    for (unsigned m = (uint16_t)~core; m; m &= m - 1) {
      int l = __builtin_ctz(m);
      wait_slow(pl, i0 + (unsigned)l, bits[l], out + l);
    }
  }
}

static A512 void normal_f_groups(const rng_stream *s, uint64_t g, size_t ng, float *out) {
  __m512i p[2][4];
  pending_list pl;
  pl.n = 0;
  for (size_t d = 0; d < ng; d += 2) {
    philox32(s, CTR_NORMAL_F | (uint32_t)(16 * (g + d)), p);
    for (size_t q = 0; q < 2 && d + q < ng; q++)
      UNROLL for (int w = 0; w < 4; w++)
        normal_f16(&pl, 64 * (g + d + q) + 16 * (unsigned)w, p[q][w], out + 64 * (d + q) + 16 * w);
    flush(s, &pl, 0, 0);
  }
  flush(s, &pl, 0, 1);
}

static A512 void normal_d_groups(const rng_stream *s, uint64_t g, size_t ng, double *out) {
  __m512i p[2][4];
  pending_list pl;
  pl.n = 0;
  for (size_t d = 0; d < ng; d += 2) {
    philox32(s, CTR_NORMAL_D | (uint32_t)(16 * (g + d)), p);
    for (size_t q = 0; q < 2 && d + q < ng; q++)
      UNROLL for (int h = 0; h < 2; h++)
        normal_d16(&pl, 32 * (g + d + q) + 16 * (unsigned)h, p[q][2 * h], p[q][2 * h + 1],
                   out + 32 * (d + q) + 16 * h);
    flush(s, &pl, 1, 0);
  }
  flush(s, &pl, 1, 1);
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
