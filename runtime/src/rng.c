/* rng.c: counter-based tangent sampling (Philox4x32-10). See fgrt.h. */
#include "fgrt.h"

#include <math.h>

#define PHILOX_M0 0xD2511F53u
#define PHILOX_M1 0xCD9E8D57u
#define PHILOX_W0 0x9E3779B9u
#define PHILOX_W1 0xBB67AE85u

/* Stream tags, kept in the top 2 bits of counter word 0. */
enum { TAG_NORMAL = 0, TAG_RADEMACHER = 1, TAG_UNIFORM = 2 };
#define BLOCK_BITS 30
#define BLOCK_MASK ((1u << BLOCK_BITS) - 1u)

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
  out[0] = c[0];
  out[1] = c[1];
  out[2] = c[2];
  out[3] = c[3];
}

void fgrt_philox4x32_10(const uint32_t ctr[4], const uint32_t key[2], uint32_t out[4]) {
  philox10(ctr, key[0], key[1], out);
}

void fgrt_rng_init(fgrt_rng *r, uint64_t seed) { r->seed = seed; }

/* The 128 random bits of block `blk` of stream `tag` for (seed, step, dir). */
static inline void block_bits(const fgrt_rng *r, uint64_t step, uint32_t dir, unsigned tag,
                              uint32_t blk, uint32_t out[4]) {
  uint32_t ctr[4] = {((uint32_t)tag << BLOCK_BITS) | (blk & BLOCK_MASK), dir, (uint32_t)step,
                     (uint32_t)(step >> 32)};
  philox10(ctr, (uint32_t)r->seed, (uint32_t)(r->seed >> 32), out);
}

/* 53-bit uniforms from 64 random bits: u_open0 in (0, 1], u_closed0 in [0, 1). */
static inline double u_open0(uint64_t x) { return (double)((x >> 11) + 1) * 0x1.0p-53; }
static inline double u_closed0(uint64_t x) { return (double)(x >> 11) * 0x1.0p-53; }

static inline uint64_t join(uint32_t lo, uint32_t hi) { return (uint64_t)lo | ((uint64_t)hi << 32); }

/* The two normals of block blk (values 2 blk and 2 blk + 1). */
static inline void normal_pair(const fgrt_rng *r, uint64_t step, uint32_t dir, uint32_t blk,
                               double z[2]) {
  static const double two_pi = 6.283185307179586476925286766559;
  uint32_t b[4];
  block_bits(r, step, dir, TAG_NORMAL, blk, b);
  double u1 = u_open0(join(b[0], b[1]));
  double u2 = u_closed0(join(b[2], b[3]));
  double rad = sqrt(-2.0 * log(u1));
  double th = two_pi * u2;
  z[0] = rad * cos(th);
  z[1] = rad * sin(th);
}

/* One loop for both precisions: the float values are the doubles rounded. */
#define FILL_NORMAL(T)                                                                    \
  if (n > FGRT_MAX_NORMAL || offset > FGRT_MAX_NORMAL - (uint64_t)n) return -1;           \
  size_t j = 0;                                                                           \
  double z[2];                                                                            \
  if (n > 0 && (offset & 1)) { /* leading odd value */                                    \
    normal_pair(r, step, dir, (uint32_t)(offset >> 1), z);                                \
    v[j++] = (T)z[1];                                                                     \
  }                                                                                       \
  for (; j + 2 <= n; j += 2) {                                                            \
    normal_pair(r, step, dir, (uint32_t)((offset + j) >> 1), z);                          \
    v[j] = (T)z[0];                                                                       \
    v[j + 1] = (T)z[1];                                                                   \
  }                                                                                       \
  if (j < n) { /* trailing even value */                                                  \
    normal_pair(r, step, dir, (uint32_t)((offset + j) >> 1), z);                          \
    v[j] = (T)z[0];                                                                       \
  }                                                                                       \
  return 0;

int fgrt_fill_normal(const fgrt_rng *r, uint64_t step, uint32_t dir, uint64_t offset, double *v,
                     size_t n) {
  FILL_NORMAL(double)
}

int fgrt_fill_normal_f(const fgrt_rng *r, uint64_t step, uint32_t dir, uint64_t offset, float *v,
                       size_t n) {
  FILL_NORMAL(float)
}

/* Value i is bit (i mod 128) of block i / 128: bit k is bit k mod 32 of word k / 32. */
#define FILL_RADEMACHER(T)                                                                \
  if (n > FGRT_MAX_RADEMACHER || offset > FGRT_MAX_RADEMACHER - (uint64_t)n) return -1;   \
  size_t j = 0;                                                                           \
  while (j < n) {                                                                         \
    uint64_t i = offset + j;                                                              \
    uint32_t b[4];                                                                        \
    block_bits(r, step, dir, TAG_RADEMACHER, (uint32_t)(i >> 7), b);                      \
    unsigned k = (unsigned)(i & 127);                                                     \
    size_t stop = j + (128 - k);                                                          \
    if (stop > n) stop = n;                                                               \
    for (; j < stop; j++, k++)                                                            \
      v[j] = ((b[k >> 5] >> (k & 31)) & 1u) ? (T)1 : (T)-1;                               \
  }                                                                                       \
  return 0;

int fgrt_fill_rademacher(const fgrt_rng *r, uint64_t step, uint32_t dir, uint64_t offset,
                         double *v, size_t n) {
  FILL_RADEMACHER(double)
}

int fgrt_fill_rademacher_f(const fgrt_rng *r, uint64_t step, uint32_t dir, uint64_t offset,
                           float *v, size_t n) {
  FILL_RADEMACHER(float)
}

double fgrt_uniform01(const fgrt_rng *r, uint64_t step, uint32_t dir, uint64_t i) {
  i &= FGRT_MAX_NORMAL - 1;
  uint32_t b[4];
  block_bits(r, step, dir, TAG_UNIFORM, (uint32_t)(i >> 1), b);
  return (i & 1) ? u_closed0(join(b[2], b[3])) : u_closed0(join(b[0], b[1]));
}
