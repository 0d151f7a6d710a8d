/* rng.c: counter-based tangent sampling (Philox4x32-10, ARS-7). See fgrt.h.
 *
 * This file holds the portable path, the ziggurat's slow path (shared by
 * every path), the choice of path and the public fills. The stream format is
 * described in rng_int.h and docs/runtime.md; rng_avx2.c and rng_avx512.c
 * compute the same values with vector units. */
#include "rng_int.h"

#include <math.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

/* ---------------------------------------------------------------- Philox */

static inline void philox_round(uint32_t c[4], uint32_t k0, uint32_t k1) {
  uint64_t p0 = (uint64_t)PHILOX_M0 * c[0];
  uint64_t p1 = (uint64_t)PHILOX_M1 * c[2];
  uint32_t hi0 = (uint32_t)(p0 >> 32), lo0 = (uint32_t)p0;
  uint32_t hi1 = (uint32_t)(p1 >> 32), lo1 = (uint32_t)p1;
  uint32_t n0 = hi1 ^ c[1] ^ k0;
  uint32_t n2 = hi0 ^ c[3] ^ k1;
  c[0] = n0;
  c[1] = lo1;
  c[2] = n2;
  c[3] = lo0;
}

static inline void philox10(const uint32_t ctr[4], uint32_t k0, uint32_t k1, uint32_t out[4]) {
  uint32_t c[4] = {ctr[0], ctr[1], ctr[2], ctr[3]};
  for (int r = 0; r < 10; r++) {
    philox_round(c, k0, k1);
    k0 += PHILOX_W0;
    k1 += PHILOX_W1;
  }
  memcpy(out, c, sizeof c);
}

void fgrt_philox4x32_10(const uint32_t ctr[4], const uint32_t key[2], uint32_t out[4]) {
  philox10(ctr, key[0], key[1], out);
}

static inline uint64_t join(uint32_t lo, uint32_t hi) { return (uint64_t)lo | ((uint64_t)hi << 32); }

/* ---------------------------------------------------------------- ARS-7
 * AES rounds in portable code, bytes in the order of an x86 register: byte
 * r of word c (little-endian) is row r of column c. */

static const uint8_t aes_sbox[256] = {
    0x63, 0x7c, 0x77, 0x7b, 0xf2, 0x6b, 0x6f, 0xc5, 0x30, 0x01, 0x67, 0x2b, 0xfe, 0xd7, 0xab, 0x76, 0xca, 0x82,
    0xc9, 0x7d, 0xfa, 0x59, 0x47, 0xf0, 0xad, 0xd4, 0xa2, 0xaf, 0x9c, 0xa4, 0x72, 0xc0, 0xb7, 0xfd, 0x93, 0x26,
    0x36, 0x3f, 0xf7, 0xcc, 0x34, 0xa5, 0xe5, 0xf1, 0x71, 0xd8, 0x31, 0x15, 0x04, 0xc7, 0x23, 0xc3, 0x18, 0x96,
    0x05, 0x9a, 0x07, 0x12, 0x80, 0xe2, 0xeb, 0x27, 0xb2, 0x75, 0x09, 0x83, 0x2c, 0x1a, 0x1b, 0x6e, 0x5a, 0xa0,
    0x52, 0x3b, 0xd6, 0xb3, 0x29, 0xe3, 0x2f, 0x84, 0x53, 0xd1, 0x00, 0xed, 0x20, 0xfc, 0xb1, 0x5b, 0x6a, 0xcb,
    0xbe, 0x39, 0x4a, 0x4c, 0x58, 0xcf, 0xd0, 0xef, 0xaa, 0xfb, 0x43, 0x4d, 0x33, 0x85, 0x45, 0xf9, 0x02, 0x7f,
    0x50, 0x3c, 0x9f, 0xa8, 0x51, 0xa3, 0x40, 0x8f, 0x92, 0x9d, 0x38, 0xf5, 0xbc, 0xb6, 0xda, 0x21, 0x10, 0xff,
    0xf3, 0xd2, 0xcd, 0x0c, 0x13, 0xec, 0x5f, 0x97, 0x44, 0x17, 0xc4, 0xa7, 0x7e, 0x3d, 0x64, 0x5d, 0x19, 0x73,
    0x60, 0x81, 0x4f, 0xdc, 0x22, 0x2a, 0x90, 0x88, 0x46, 0xee, 0xb8, 0x14, 0xde, 0x5e, 0x0b, 0xdb, 0xe0, 0x32,
    0x3a, 0x0a, 0x49, 0x06, 0x24, 0x5c, 0xc2, 0xd3, 0xac, 0x62, 0x91, 0x95, 0xe4, 0x79, 0xe7, 0xc8, 0x37, 0x6d,
    0x8d, 0xd5, 0x4e, 0xa9, 0x6c, 0x56, 0xf4, 0xea, 0x65, 0x7a, 0xae, 0x08, 0xba, 0x78, 0x25, 0x2e, 0x1c, 0xa6,
    0xb4, 0xc6, 0xe8, 0xdd, 0x74, 0x1f, 0x4b, 0xbd, 0x8b, 0x8a, 0x70, 0x3e, 0xb5, 0x66, 0x48, 0x03, 0xf6, 0x0e,
    0x61, 0x35, 0x57, 0xb9, 0x86, 0xc1, 0x1d, 0x9e, 0xe1, 0xf8, 0x98, 0x11, 0x69, 0xd9, 0x8e, 0x94, 0x9b, 0x1e,
    0x87, 0xe9, 0xce, 0x55, 0x28, 0xdf, 0x8c, 0xa1, 0x89, 0x0d, 0xbf, 0xe6, 0x42, 0x68, 0x41, 0x99, 0x2d, 0x0f,
    0xb0, 0x54, 0xbb, 0x16};

/* aes_te[x]: MixColumns of a column whose byte 0 is S(x) and others 0,
 * i.e. the bytes (2 S(x), S(x), S(x), 3 S(x)); byte r of a column
 * contributes aes_te rotated left by 8 r bits. */
static const uint32_t aes_te[256] = {
    0xa56363c6, 0x847c7cf8, 0x997777ee, 0x8d7b7bf6, 0x0df2f2ff, 0xbd6b6bd6,
    0xb16f6fde, 0x54c5c591, 0x50303060, 0x03010102, 0xa96767ce, 0x7d2b2b56,
    0x19fefee7, 0x62d7d7b5, 0xe6abab4d, 0x9a7676ec, 0x45caca8f, 0x9d82821f,
    0x40c9c989, 0x877d7dfa, 0x15fafaef, 0xeb5959b2, 0xc947478e, 0x0bf0f0fb,
    0xecadad41, 0x67d4d4b3, 0xfda2a25f, 0xeaafaf45, 0xbf9c9c23, 0xf7a4a453,
    0x967272e4, 0x5bc0c09b, 0xc2b7b775, 0x1cfdfde1, 0xae93933d, 0x6a26264c,
    0x5a36366c, 0x413f3f7e, 0x02f7f7f5, 0x4fcccc83, 0x5c343468, 0xf4a5a551,
    0x34e5e5d1, 0x08f1f1f9, 0x937171e2, 0x73d8d8ab, 0x53313162, 0x3f15152a,
    0x0c040408, 0x52c7c795, 0x65232346, 0x5ec3c39d, 0x28181830, 0xa1969637,
    0x0f05050a, 0xb59a9a2f, 0x0907070e, 0x36121224, 0x9b80801b, 0x3de2e2df,
    0x26ebebcd, 0x6927274e, 0xcdb2b27f, 0x9f7575ea, 0x1b090912, 0x9e83831d,
    0x742c2c58, 0x2e1a1a34, 0x2d1b1b36, 0xb26e6edc, 0xee5a5ab4, 0xfba0a05b,
    0xf65252a4, 0x4d3b3b76, 0x61d6d6b7, 0xceb3b37d, 0x7b292952, 0x3ee3e3dd,
    0x712f2f5e, 0x97848413, 0xf55353a6, 0x68d1d1b9, 0x00000000, 0x2cededc1,
    0x60202040, 0x1ffcfce3, 0xc8b1b179, 0xed5b5bb6, 0xbe6a6ad4, 0x46cbcb8d,
    0xd9bebe67, 0x4b393972, 0xde4a4a94, 0xd44c4c98, 0xe85858b0, 0x4acfcf85,
    0x6bd0d0bb, 0x2aefefc5, 0xe5aaaa4f, 0x16fbfbed, 0xc5434386, 0xd74d4d9a,
    0x55333366, 0x94858511, 0xcf45458a, 0x10f9f9e9, 0x06020204, 0x817f7ffe,
    0xf05050a0, 0x443c3c78, 0xba9f9f25, 0xe3a8a84b, 0xf35151a2, 0xfea3a35d,
    0xc0404080, 0x8a8f8f05, 0xad92923f, 0xbc9d9d21, 0x48383870, 0x04f5f5f1,
    0xdfbcbc63, 0xc1b6b677, 0x75dadaaf, 0x63212142, 0x30101020, 0x1affffe5,
    0x0ef3f3fd, 0x6dd2d2bf, 0x4ccdcd81, 0x140c0c18, 0x35131326, 0x2fececc3,
    0xe15f5fbe, 0xa2979735, 0xcc444488, 0x3917172e, 0x57c4c493, 0xf2a7a755,
    0x827e7efc, 0x473d3d7a, 0xac6464c8, 0xe75d5dba, 0x2b191932, 0x957373e6,
    0xa06060c0, 0x98818119, 0xd14f4f9e, 0x7fdcdca3, 0x66222244, 0x7e2a2a54,
    0xab90903b, 0x8388880b, 0xca46468c, 0x29eeeec7, 0xd3b8b86b, 0x3c141428,
    0x79dedea7, 0xe25e5ebc, 0x1d0b0b16, 0x76dbdbad, 0x3be0e0db, 0x56323264,
    0x4e3a3a74, 0x1e0a0a14, 0xdb494992, 0x0a06060c, 0x6c242448, 0xe45c5cb8,
    0x5dc2c29f, 0x6ed3d3bd, 0xefacac43, 0xa66262c4, 0xa8919139, 0xa4959531,
    0x37e4e4d3, 0x8b7979f2, 0x32e7e7d5, 0x43c8c88b, 0x5937376e, 0xb76d6dda,
    0x8c8d8d01, 0x64d5d5b1, 0xd24e4e9c, 0xe0a9a949, 0xb46c6cd8, 0xfa5656ac,
    0x07f4f4f3, 0x25eaeacf, 0xaf6565ca, 0x8e7a7af4, 0xe9aeae47, 0x18080810,
    0xd5baba6f, 0x887878f0, 0x6f25254a, 0x722e2e5c, 0x241c1c38, 0xf1a6a657,
    0xc7b4b473, 0x51c6c697, 0x23e8e8cb, 0x7cdddda1, 0x9c7474e8, 0x211f1f3e,
    0xdd4b4b96, 0xdcbdbd61, 0x868b8b0d, 0x858a8a0f, 0x907070e0, 0x423e3e7c,
    0xc4b5b571, 0xaa6666cc, 0xd8484890, 0x05030306, 0x01f6f6f7, 0x120e0e1c,
    0xa36161c2, 0x5f35356a, 0xf95757ae, 0xd0b9b969, 0x91868617, 0x58c1c199,
    0x271d1d3a, 0xb99e9e27, 0x38e1e1d9, 0x13f8f8eb, 0xb398982b, 0x33111122,
    0xbb6969d2, 0x70d9d9a9, 0x898e8e07, 0xa7949433, 0xb69b9b2d, 0x221e1e3c,
    0x92878715, 0x20e9e9c9, 0x49cece87, 0xff5555aa, 0x78282850, 0x7adfdfa5,
    0x8f8c8c03, 0xf8a1a159, 0x80898909, 0x170d0d1a, 0xdabfbf65, 0x31e6e6d7,
    0xc6424284, 0xb86868d0, 0xc3414182, 0xb0999929, 0x772d2d5a, 0x110f0f1e,
    0xcbb0b07b, 0xfc5454a8, 0xd6bbbb6d, 0x3a16162c};

static inline uint32_t rotl(uint32_t w, int n) { return n ? w << n | w >> (32 - n) : w; }

/* One AES round on the four columns: ShiftRows and SubBytes (byte r of
 * column c from column c + r), MixColumns unless last (by aes_te), then ^
 * key. */
static void aes_round(uint32_t st[4], const uint32_t key[4], int last) {
  uint32_t t[4];
  for (int c = 0; c < 4; c++) {
    t[c] = key[c];
    for (int r = 0; r < 4; r++) {
      unsigned x = (st[(c + r) % 4] >> 8 * r) & 255;
      t[c] ^= last ? (uint32_t)aes_sbox[x] << 8 * r : rotl(aes_te[x], 8 * r);
    }
  }
  memcpy(st, t, sizeof t);
}

/* k += the Weyl constant, in 64-bit lanes of the 128-bit key */
static void ars_next_key(uint32_t k[4]) {
  uint64_t lo = join(k[0], k[1]) + ARS_WEYL_LO, hi = join(k[2], k[3]) + ARS_WEYL_HI;
  k[0] = (uint32_t)lo, k[1] = (uint32_t)(lo >> 32), k[2] = (uint32_t)hi, k[3] = (uint32_t)(hi >> 32);
}

void fgrt__ars(const uint32_t ctr[4], const uint32_t key[4], int rounds, uint32_t out[4]) {
  uint32_t k[4] = {key[0], key[1], key[2], key[3]};
  for (int i = 0; i < 4; i++) out[i] = ctr[i] ^ k[i];
  for (int r = 1; r <= rounds; r++) {
    ars_next_key(k);
    aes_round(out, k, r == rounds);
  }
}

void fgrt__ars7(const uint32_t ctr[4], const uint32_t key[4], uint32_t out[4]) { fgrt__ars(ctr, key, ARS_ROUNDS, out); }

void fgrt_ars4x32_7(const uint32_t ctr[4], const uint32_t key[4], uint32_t out[4]) { fgrt__ars7(ctr, key, out); }

void fgrt_rng_init(fgrt_rng *r, uint64_t seed) { r->seed = seed; }

static rng_stream stream_of(const fgrt_rng *r, uint64_t step, uint32_t dir) {
  rng_stream s = {(uint32_t)r->seed, (uint32_t)(r->seed >> 32), dir, step};
  return s;
}

/* The 128 bits of block `word0` (tag | index) of a stream. */
static inline void block_bits(const rng_stream *s, uint32_t word0, uint32_t out[4]) {
  uint32_t ctr[4] = {word0, s->dir, (uint32_t)s->step, (uint32_t)(s->step >> 32)};
  philox10(ctr, s->k0, s->k1, out);
}

/* The 128 bits of ARS block `word0` of a stream (the float normals'). */
static inline void ars_block_bits(const rng_stream *s, uint32_t word0, uint32_t out[4]) {
  uint32_t ctr[4] = {word0, s->dir, (uint32_t)s->step, (uint32_t)(s->step >> 32)}, key[4] = {s->k0, s->k1, 0, 0};
  fgrt__ars7(ctr, key, out);
}

/* Uniforms from 64 random bits: u_open0 in (0, 1] (53 bits, the tail's),
 * u_closed0 in [0, 1) (53 bits, fgrt_uniform01's), u_height in [0, 1) (52
 * bits, the wedge test's: a vector path makes it without 64-bit conversions). */
static inline double u_open0(uint64_t x) { return (double)((x >> 11) + 1) * 0x1.0p-53; }
static inline double u_closed0(uint64_t x) { return (double)(x >> 11) * 0x1.0p-53; }
static inline double u_height(uint64_t x) { return (double)(x >> 12) * 0x1.0p-52; }

/* ---------------------------------------------------------------- normals
 * The ziggurat method (Marsaglia & Tsang 2000, Doornik's symmetric form)
 * with 256 layers of equal area V under f(x) = exp(-x^2/2). Layer l is the
 * rectangle [0, x[l]] x [y[l], y[l+1]]; the widths are floats rounded up
 * from the curve (to 12 significant bits) and the heights follow from the
 * areas, so the layers cover the curve and have exactly equal areas
 * (rng_tables.py). A draw is a layer l, a sign and k, a 52-bit integer:
 * the point u x[l] with u = (k + 1/2) 2^-52.
 * Inside the layer's core (k < kd[l]: 98.5% of draws) the value
 * is +-u x[l], one multiplication (fast path, vectorised). Otherwise the
 * wedge test (a uniform height under exp(-x^2/2), fgrt__zig_exp), or for
 * the base layer Marsaglia's tail algorithm, decides, and a rejected draw
 * starts over (slow path): the values are exactly standard normal up to
 * the resolution of u. The extra bits come from the value's own retry
 * stream (retry_next), so value i stays a pure function of (seed, step,
 * dir, i). The AVX-512 path runs the first two draws of the slow path in
 * vectors, with the same operations. */

/* The retry stream of double value i: draw m (64 bits) is half m % 2 of
 * block m / 2 (fgrt__retry_block with prec 1: counter (RETRY | i / 4, dir,
 * step), a key made of the seed and w = 1 + i % 4 + 4 + 8 (m / 2), never
 * the seed itself). */
typedef struct {
  const rng_stream *s;
  uint64_t i;
  uint32_t m;
  const uint32_t *first; /* block 0 (draws 0 and 1) when a vector path made it, or NULL */
} retry;

void fgrt__retry_block(const rng_stream *s, uint64_t i, unsigned prec, uint32_t pair, uint32_t out[4]) {
  uint32_t w = 1 + (uint32_t)(i & 3) + 4 * prec + 8 * pair;
  uint32_t ctr[4] = {CTR_RETRY | (uint32_t)(i >> 2), s->dir, (uint32_t)s->step, (uint32_t)(s->step >> 32)};
  philox10(ctr, s->k0 ^ (w * PHILOX_M0), s->k1 + w, out);
}

static uint64_t retry_next(retry *rt) {
  uint32_t own[4];
  const uint32_t *b = rt->first;
  if (rt->m >= 2 || !b) {
    fgrt__retry_block(rt->s, rt->i, ZIG_PREC_D, rt->m / 2, own);
    b = own;
  }
  uint64_t bits = rt->m % 2 ? join(b[2], b[3]) : join(b[0], b[1]);
  rt->m++;
  return bits;
}

/* One draw taken apart. */
typedef struct {
  unsigned layer;
  uint64_t k;
  int neg;
} zig_draw;

static zig_draw draw_d(uint64_t bits) {
  zig_draw d = {(unsigned)(bits & 255), (bits >> 11) & ZIG_MASK_KD, (int)(bits >> 63)};
  return d;
}

/* |value| of a draw: u x[l], u = (k + 1/2) 2^-52 exact, rounded once
 * (exactly what the vector paths compute). */
static inline double zig_abs_d(uint64_t k, unsigned layer) {
  return ((double)k + 0.5) * 0x1.0p-52 * (double)fgrt__zig_x[layer];
}

const double fgrt__zig_exp_c[ZIG_EXP_DEGREE + 1] = {
    1.0,           1.0,            1.0 / 2,         1.0 / 6,          1.0 / 24,
    1.0 / 120,     1.0 / 720,      1.0 / 5040,      1.0 / 40320,      1.0 / 362880,
    1.0 / 3628800, 1.0 / 39916800, 1.0 / 479001600,
};

/* exp(t) for t in [-7, 0] (rng_int.h): t = n ln2 + r, e^t = 2^n e^r. */
double fgrt__zig_exp(double t) {
  double kd = t * ZIG_LOG2E + ZIG_SHIFTER; /* n in the low bits */
  double n = kd - ZIG_SHIFTER;
  double r = (t - n * ZIG_LN2_HI) - n * ZIG_LN2_LO;
  const double *c = fgrt__zig_exp_c; /* Estrin's scheme: a short chain of dependent steps */
  double r2 = r * r, r4 = r2 * r2, r8 = r4 * r4;
  double q0 = (c[0] + c[1] * r) + (c[2] + c[3] * r) * r2;
  double q1 = (c[4] + c[5] * r) + (c[6] + c[7] * r) * r2;
  double q2 = (c[8] + c[9] * r) + (c[10] + c[11] * r) * r2;
  double p = (q0 + q1 * r4) + (q2 + c[12] * r4) * r8;
  uint64_t kb, sb;
  memcpy(&kb, &kd, sizeof kb);
  sb = (kb + 1023) << 52; /* 2^n: the low 12 bits of kd's are n mod 2^12 */
  double scale;
  memcpy(&scale, &sb, sizeof scale);
  return p * scale;
}

/* Marsaglia's tail beyond R: x = -ln(u1)/R accepted when -2 ln(u2) > x^2. */
static double zig_tail(retry *rt) {
  for (;;) {
    double x = -log(u_open0(retry_next(rt))) / fgrt__zig_r;
    double y = -log(u_open0(retry_next(rt)));
    if (y + y > x * x)
      return fgrt__zig_r + x;
  }
}

/* The wedge of layer l >= 1: accept x when a uniform height in
 * [y[l], y[l+1]) falls under the curve. */
static int zig_wedge(retry *rt, unsigned layer, double x) {
  double y0 = fgrt__zig_y[layer], y1 = fgrt__zig_y[layer + 1];
  double y = y0 + u_height(retry_next(rt)) * (y1 - y0);
  return y < fgrt__zig_exp(-0.5 * x * x);
}

/* Decides one draw: returns 1 with *x set when it is accepted. */
static int zig_decide(retry *rt, const zig_draw *d, double *x) {
  double a = zig_abs_d(d->k, d->layer);
  if (d->k < fgrt__zig_kd[d->layer] || (d->layer > 0 && zig_wedge(rt, d->layer, a))) {
    *x = d->neg ? -a : a;
    return 1;
  }
  if (d->layer > 0)
    return 0;
  if (d->k >= fgrt__zig_tail_kd) /* the base rectangle's sliver beyond the tail's area */
    return 0;
  a = zig_tail(rt);
  *x = d->neg ? -a : a;
  return 1;
}

double fgrt__zig_slow_d(const rng_stream *s, uint64_t i, uint64_t bits, const uint32_t *first) {
  retry rt = {s, i, 0, first};
  zig_draw d = draw_d(bits);
  double x;
  while (!zig_decide(&rt, &d, &x))
    d = draw_d(retry_next(&rt));
  return x;
}

/* ---------------------------------------------------- Box-Muller (float)
 * The rule of rng_int.h in scalar code; rng_avx2.c does these operations on
 * 8 pairs at once. */

static inline float f_of_bits(uint32_t b) {
  float f;
  memcpy(&f, &b, sizeof f);
  return f;
}

static inline uint32_t bits_of_f(float f) {
  uint32_t b;
  memcpy(&b, &f, sizeof b);
  return b;
}

/* ln u for u = v 2^-31, v = (float)(a >> 1 | 1) in [1, 2^31] (Cephes logf) */
static float bm_log(float v) {
  uint32_t b = bits_of_f(v);
  float e = (float)((int32_t)(b >> 23) - 126 - 31), m = f_of_bits((b & 0x807FFFFFu) | 0x3F000000u), x;
  if (m < BM_SQRTHF) /* u = 2^e m, m in [1/2, 1): centre m on 1 */
    e = e - 1.0f, x = (m + m) - 1.0f;
  else
    x = m - 1.0f;
  float z = x * x, y = BM_LOG_C0;
  y = fmaf(y, x, BM_LOG_C1), y = fmaf(y, x, BM_LOG_C2), y = fmaf(y, x, BM_LOG_C3), y = fmaf(y, x, BM_LOG_C4);
  y = fmaf(y, x, BM_LOG_C5), y = fmaf(y, x, BM_LOG_C6), y = fmaf(y, x, BM_LOG_C7), y = fmaf(y, x, BM_LOG_C8);
  y = y * x * z;                  /* ln(1 + x) = x - z/2 + x z P(x) */
  y = fmaf(e, BM_LN2_LO, y);
  y = fmaf(-0.5f, z, y);
  return fmaf(e, BM_LN2_HI, x + y);
}

/* out[0] = R cos theta, out[1] = R sin theta from the words a, b */
static void bm_pair(uint32_t a, uint32_t b, float out[2]) {
  float l = bm_log((float)(int32_t)(a >> 1 | 1));
  float r = sqrtf(-(l + l));
  float phi = ((float)((b >> 7) & 0x7FFFFFu) - BM_K_MID) * BM_PIO2_2M23, z = phi * phi;
  float sn = fmaf(fmaf(BM_SIN_C0, z, BM_SIN_C1), z, BM_SIN_C2) * z; /* sin = phi + phi z S(z) */
  sn = fmaf(sn, phi, phi);
  float cs = fmaf(fmaf(BM_COS_C0, z, BM_COS_C1), z, BM_COS_C2) * z; /* cos = 1 - z/2 + z^2 C(z) */
  cs = fmaf(cs, z, -0.5f * z) + 1.0f;
  unsigned q = b >> 30;
  float x = q & 1 ? sn : cs, y = q & 1 ? cs : sn; /* turned by q pi/2 */
  x = ((q ^ q >> 1) & 1) ? -x : x;
  y = q >> 1 ? -y : y;
  out[0] = r * x;
  out[1] = r * y;
}

static inline double normal_d_bits(const rng_stream *s, uint64_t i, uint64_t bits) {
  unsigned layer = (unsigned)(bits & 255);
  uint64_t k = (bits >> 11) & ZIG_MASK_KD;
  if (k >= fgrt__zig_kd[layer])
    return fgrt__zig_slow_d(s, i, bits, NULL);
  double a = zig_abs_d(k, layer);
  return bits >> 63 ? -a : a;
}

/* ---------------------------------------------------------- portable path
 * Values one at a time, from the block that holds them (the layout in
 * rng_int.h), and whole groups from their 16 blocks. */

/* Float value r of a group: the pair of words 2 (c % 2), 2 (c % 2) + 1 of
 * block 8 (c / 2) + r % 8, c = r / 16; cos for r / 8 % 2 = 0, else sin. */
static float normal_f_one(const rng_stream *s, uint64_t i) {
  uint32_t b[4];
  unsigned r = (unsigned)(i % GROUP_NORMAL_F), c = r / 16;
  float z[2];
  ars_block_bits(s, CTR_NORMAL_F | (uint32_t)(16 * (i / GROUP_NORMAL_F) + 8 * (c / 2) + r % 8), b);
  bm_pair(b[2 * (c % 2)], b[2 * (c % 2) + 1], z);
  return z[r / 8 % 2];
}

/* Double value r of a group: words 2h and 2h + 1 of block 8 (r / 16) + r % 8,
 * h = r / 8 % 2. */
static inline unsigned d_block(unsigned r) { return 8 * (r / 16) + r % 8; }
static inline unsigned d_half(unsigned r) { return r / 8 % 2; }

static double normal_d_one(const rng_stream *s, uint64_t i) {
  uint32_t b[4];
  unsigned r = (unsigned)(i % GROUP_NORMAL_D), h = d_half(r);
  block_bits(s, CTR_NORMAL_D | (uint32_t)(16 * (i / GROUP_NORMAL_D) + d_block(r)), b);
  return normal_d_bits(s, i, join(b[2 * h], b[2 * h + 1]));
}

static int rademacher_bit(const rng_stream *s, uint64_t i) {
  uint32_t b[4];
  block_bits(s, CTR_RADEMACHER | (uint32_t)(16 * (i / 2048) + i % 16), b);
  return (b[i / 512 % 4] >> (i / 16 % 32)) & 1;
}

/* The four planes of group g: p[w][l] = word w of block 16 g + l. */
static void group_planes(const rng_stream *s, uint32_t tag, uint64_t g, uint32_t p[4][16]) {
  for (uint32_t l = 0; l < 16; l++) {
    uint32_t b[4];
    block_bits(s, tag | (uint32_t)(16 * g + l), b);
    for (int w = 0; w < 4; w++) p[w][l] = b[w];
  }
}

static void generic_normal_f(const rng_stream *s, uint64_t g, size_t ng, float *out) {
  for (; ng > 0; ng--, g++, out += GROUP_NORMAL_F) {
    uint32_t b[4];
    float z[2];
    for (unsigned l = 0; l < 16; l++) {
      ars_block_bits(s, CTR_NORMAL_F | (uint32_t)(16 * g + l), b);
      for (unsigned c = l / 8 * 2; c < l / 8 * 2 + 2; c++) { /* the pairs of words 0, 1 and 2, 3 */
        bm_pair(b[2 * (c % 2)], b[2 * (c % 2) + 1], z);
        out[16 * c + l % 8] = z[0];
        out[16 * c + 8 + l % 8] = z[1];
      }
    }
  }
}

static void generic_normal_d(const rng_stream *s, uint64_t g, size_t ng, double *out) {
  for (; ng > 0; ng--, g++, out += GROUP_NORMAL_D) {
    uint32_t p[4][16];
    group_planes(s, CTR_NORMAL_D, g, p);
    for (unsigned r = 0; r < GROUP_NORMAL_D; r++) {
      unsigned h = d_half(r), l = d_block(r);
      out[r] = normal_d_bits(s, 32 * g + r, join(p[2 * h][l], p[2 * h + 1][l]));
    }
  }
}

#define GENERIC_RADEMACHER(T, out)                                       \
  for (; ng > 0; ng--, g++, out += GROUP_RADEMACHER) {                  \
    uint32_t p[4][16];                                                  \
    group_planes(s, CTR_RADEMACHER, g, p);                              \
    for (unsigned r = 0; r < GROUP_RADEMACHER; r++)                     \
      out[r] = (p[r / 512][r % 16] >> (r / 16 % 32)) & 1 ? (T)1 : (T)-1; \
  }

static void generic_rademacher_f(const rng_stream *s, uint64_t g, size_t ng, float *out) {
  GENERIC_RADEMACHER(float, out)
}

static void generic_rademacher_d(const rng_stream *s, uint64_t g, size_t ng, double *out) {
  GENERIC_RADEMACHER(double, out)
}

const rng_path fgrt__rng_generic = {"generic", generic_normal_f, generic_normal_d, generic_rademacher_f,
                                    generic_rademacher_d};

/* ---------------------------------------------------------- choosing a path */

/* A vector path exists when built for x86 and the CPU (and OS) has it. */
static int path_supported(fgrt_cpu_path p) {
  switch (p) {
  case FGRT_CPU_GENERIC:
    return 1;
#if defined(__x86_64__) || defined(__i386__)
  case FGRT_CPU_AVX2:
    return fgrt__rng_avx2.normal_f && __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma") &&
           __builtin_cpu_supports("aes");
  case FGRT_CPU_AVX512: /* its float normals are the AVX2 path's */
    return fgrt__rng_avx512.normal_f && __builtin_cpu_supports("avx512f") && path_supported(FGRT_CPU_AVX2);
#endif
  default:
    return 0;
  }
}

/* The best path of this CPU, or the one FGRT_CPU names if it has it. */
static fgrt_cpu_path auto_path(void) {
  const char *want = getenv("FGRT_CPU");
  for (int p = FGRT_CPU_AVX512; want && p >= FGRT_CPU_GENERIC; p--)
    if (strcmp(want, fgrt_rng_path_name((fgrt_cpu_path)p)) == 0 && path_supported((fgrt_cpu_path)p))
      return (fgrt_cpu_path)p;
  for (int p = FGRT_CPU_AVX512; p > FGRT_CPU_GENERIC; p--)
    if (path_supported((fgrt_cpu_path)p))
      return (fgrt_cpu_path)p;
  return FGRT_CPU_GENERIC;
}

static atomic_int chosen_path; /* 0 (FGRT_CPU_AUTO): not chosen yet */

fgrt_cpu_path fgrt_rng_path(void) {
  int p = atomic_load_explicit(&chosen_path, memory_order_relaxed);
  if (p == FGRT_CPU_AUTO) {
    p = auto_path();
    atomic_store_explicit(&chosen_path, p, memory_order_relaxed);
  }
  return (fgrt_cpu_path)p;
}

int fgrt_rng_set_path(fgrt_cpu_path p) {
  if (p == FGRT_CPU_AUTO)
    p = auto_path();
  if (!path_supported(p))
    return -1;
  atomic_store_explicit(&chosen_path, p, memory_order_relaxed);
  return 0;
}

const char *fgrt_rng_path_name(fgrt_cpu_path p) {
  static const char *const names[] = {"auto", "generic", "avx2", "avx512"};
  return (unsigned)p < 4 ? names[p] : "unknown";
}

static const rng_path *current(void) {
  switch (fgrt_rng_path()) {
  case FGRT_CPU_AVX512:
    return &fgrt__rng_avx512;
  case FGRT_CPU_AVX2:
    return &fgrt__rng_avx2;
  default:
    return &fgrt__rng_generic;
  }
}

/* ---------------------------------------------------------------- fills
 * [offset, offset + n) splits into a partial first group, whole groups the
 * path writes in place, and a partial last group. A partial group of a few
 * values is computed value by value; a larger one as a whole group into a
 * buffer, then copied. */

#define FILL(T, PER, kernel, one)                                                 \
  size_t j = 0;                                                                   \
  while (j < n) {                                                                 \
    uint64_t i = offset + j, g = i / PER;                                         \
    size_t skip = (size_t)(i % PER), take = n - j;                                \
    if (skip == 0 && take >= PER) { /* whole groups */                            \
      size_t ng = take / PER;                                                     \
      current()->kernel(&s, g, ng, v + j);                                        \
      j += ng * PER;                                                              \
      continue;                                                                   \
    }                                                                             \
    if (take > PER - skip) take = PER - skip;                                     \
    if (take <= PER / 8) {                                                        \
      for (size_t t = 0; t < take; t++) v[j + t] = one;                           \
    } else {                                                                      \
      T buf[PER];                                                                 \
      current()->kernel(&s, g, 1, buf);                                           \
      memcpy(v + j, buf + skip, take * sizeof *v);                                \
    }                                                                             \
    j += take;                                                                    \
  }                                                                               \
  return 0;

int fgrt_fill_normal(const fgrt_rng *r, uint64_t step, uint32_t dir, uint64_t offset, double *v,
                     size_t n) {
  if (n > FGRT_MAX_NORMAL || offset > FGRT_MAX_NORMAL - (uint64_t)n)
    return -1;
  rng_stream s = stream_of(r, step, dir);
  FILL(double, GROUP_NORMAL_D, normal_d, normal_d_one(&s, offset + j + t))
}

int fgrt_fill_normal_f(const fgrt_rng *r, uint64_t step, uint32_t dir, uint64_t offset, float *v,
                       size_t n) {
  if (n > FGRT_MAX_NORMAL || offset > FGRT_MAX_NORMAL - (uint64_t)n)
    return -1;
  rng_stream s = stream_of(r, step, dir);
  FILL(float, GROUP_NORMAL_F, normal_f, normal_f_one(&s, offset + j + t))
}

int fgrt_fill_rademacher(const fgrt_rng *r, uint64_t step, uint32_t dir, uint64_t offset,
                         double *v, size_t n) {
  if (n > FGRT_MAX_RADEMACHER || offset > FGRT_MAX_RADEMACHER - (uint64_t)n)
    return -1;
  rng_stream s = stream_of(r, step, dir);
  FILL(double, GROUP_RADEMACHER, rademacher_d, rademacher_bit(&s, offset + j + t) ? 1.0 : -1.0)
}

int fgrt_fill_rademacher_f(const fgrt_rng *r, uint64_t step, uint32_t dir, uint64_t offset,
                           float *v, size_t n) {
  if (n > FGRT_MAX_RADEMACHER || offset > FGRT_MAX_RADEMACHER - (uint64_t)n)
    return -1;
  rng_stream s = stream_of(r, step, dir);
  FILL(float, GROUP_RADEMACHER, rademacher_f, rademacher_bit(&s, offset + j + t) ? 1.0f : -1.0f)
}

double fgrt_uniform01(const fgrt_rng *r, uint64_t step, uint32_t dir, uint64_t i) {
  i &= FGRT_MAX_NORMAL - 1;
  rng_stream s = stream_of(r, step, dir);
  uint32_t b[4];
  block_bits(&s, CTR_UNIFORM | (uint32_t)(i >> 1), b);
  return (i & 1) ? u_closed0(join(b[2], b[3])) : u_closed0(join(b[0], b[1]));
}

/* theta += alpha v, v filled a chunk at a time into a buffer that stays in
 * the first-level cache: the values are the fill's by construction. */
#define AXPY_CHUNK 2048

typedef int fill_d(const fgrt_rng *, uint64_t, uint32_t, uint64_t, double *, size_t);

static int axpy(fill_d *fill, uint64_t max, const fgrt_rng *r, uint64_t step, uint32_t dir, uint64_t offset,
                double alpha, double *theta, size_t n) {
  if (n > max || offset > max - (uint64_t)n)
    return -1;
  double v[AXPY_CHUNK];
  for (size_t j = 0; j < n; j += AXPY_CHUNK) {
    size_t m = n - j < AXPY_CHUNK ? n - j : AXPY_CHUNK;
    fill(r, step, dir, offset + j, v, m);
    for (size_t t = 0; t < m; t++)
      theta[j + t] += alpha * v[t];
  }
  return 0;
}

int fgrt_axpy_normal(const fgrt_rng *r, uint64_t step, uint32_t dir, uint64_t offset, double alpha,
                     double *theta, size_t n) {
  return axpy(fgrt_fill_normal, FGRT_MAX_NORMAL, r, step, dir, offset, alpha, theta, n);
}

int fgrt_axpy_rademacher(const fgrt_rng *r, uint64_t step, uint32_t dir, uint64_t offset, double alpha,
                         double *theta, size_t n) {
  return axpy(fgrt_fill_rademacher, FGRT_MAX_RADEMACHER, r, step, dir, offset, alpha, theta, n);
}
