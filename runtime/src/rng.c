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

/* ---------------------------------------------------------------- normals
 * The ziggurat method (Marsaglia & Tsang 2000, in Doornik's symmetric form)
 * with 128 layers of equal area V under f(x) = exp(-x^2/2): x[i] is the
 * right edge of layer i (x[0] = V / f(R) is the base layer's virtual width,
 * x[1] = R, x[128] = 0). A draw picks a layer and a point u x[i] in it;
 * inside the layer's core (|u x[i]| < x[i+1], 97.2% of draws) it is the
 * value, at the cost of half a Philox block and a multiplication. Otherwise
 * the wedge test or Marsaglia's tail algorithm decides, and a rejected draw
 * starts over: the accepted values are exactly standard normal.
 *
 * Value i's first 64 bits are half (i & 1) of block i >> 1 of the normal
 * stream; any further bits it needs (rare) come from its own retry stream:
 * tag 3, block i >> 1, and a key made from the seed and (draw, i & 1).
 * So value i stays a pure function of (seed, step, dir, i). */
#define ZIG_R 3.442619855899
static const double zig_x[129] = {
    0x1.db4668fe7e4a4p+1, 0x1.b8a7c476d2be8p+1, 0x1.9c8e0c7c8098fp+1, 0x1.8aa73e440ffbcp+1,
    0x1.7d45eb36eb842p+1, 0x1.7279dd4ac3f9dp+1, 0x1.695c2be68edc9p+1, 0x1.616dff7c8f54ap+1,
    0x1.5a61edf7e8f32p+1, 0x1.54052012a04a4p+1, 0x1.4e3456b0e3a1bp+1, 0x1.48d61806d6010p+1,
    0x1.43d75b60bca1dp+1, 0x1.3f29848d3b416p+1, 0x1.3ac11b8e206d6p+1, 0x1.3694f3a3740d9p+1,
    0x1.329d9725e32f7p+1, 0x1.2ed4df8099571p+1, 0x1.2b35aa5ebee3ep+1, 0x1.27bba2b5dbc92p+1,
    0x1.246317a6b53c0p+1, 0x1.2128dd36bdf09p+1, 0x1.1e0a342cf08f6p+1, 0x1.1b04b731f6bccp+1,
    0x1.18164be0c1c39p+1, 0x1.153d16d45743dp+1, 0x1.12777201834f3p+1, 0x1.0fc3e4d95f278p+1,
    0x1.0d211dd28b00fp+1, 0x1.0a8ded0ec371ap+1, 0x1.08093fe3e40e1p+1, 0x1.05921d1c4d769p+1,
    0x1.0327a1cc4cf5ep+1, 0x1.00c8fea1720d4p+1, 0x1.fceaeb2ca5f17p+0, 0x1.f858aff31cbf0p+0,
    0x1.f3da097460823p+0, 0x1.ef6dcddc7d392p+0, 0x1.eb12e91486bbcp+0, 0x1.e6c85a849b015p+0,
    0x1.e28d331c6723cp+0, 0x1.de609397e09b9p+0, 0x1.da41aaf79a344p+0, 0x1.d62fb52580b86p+0,
    0x1.d229f9bfeefdbp+0, 0x1.ce2fcb05f8c34p+0, 0x1.ca4084e091e34p+0, 0x1.c65b8c04dbac2p+0,
    0x1.c2804d2c6b16fp+0, 0x1.beae3c60cd0e4p+0, 0x1.bae4d457ee119p+0, 0x1.b72395df5b73bp+0,
    0x1.b36a075498d64p+0, 0x1.afb7b428fe7a1p+0, 0x1.ac0c2c6fc6382p+0, 0x1.a867047516e4fp+0,
    0x1.a4c7d45d01a31p+0, 0x1.a12e37c983369p+0, 0x1.9d99cd86b58b4p+0, 0x1.9a0a373c73f21p+0,
    0x1.967f1924c7b06p+0, 0x1.92f819c682bf5p+0, 0x1.8f74e1b37c6b8p+0, 0x1.8bf51b49ef337p+0,
    0x1.88787278810a6p+0, 0x1.84fe9484873b9p+0, 0x1.81872fd21db73p+0, 0x1.7e11f3adaeb92p+0,
    0x1.7a9e90168b8eep+0, 0x1.772cb58a39dd6p+0, 0x1.73bc14d01a2c9p+0, 0x1.704c5ec50cb81p+0,
    0x1.6cdd4426b88a5p+0, 0x1.696e755e16b84p+0, 0x1.65ffa248e016dp+0, 0x1.62907a0176ebfp+0,
    0x1.5f20aaa4dfc1ap+0, 0x1.5bafe11654817p+0, 0x1.583dc8bff3219p+0, 0x1.54ca0b4ffd349p+0,
    0x1.515450720f455p+0, 0x1.4ddc3d83a5b84p+0, 0x1.4a617543306ccp+0, 0x1.46e39778de063p+0,
    0x1.436240982ad9dp+0, 0x1.3fdd09591d2a4p+0, 0x1.3c538647ef792p+0, 0x1.38c54749b9033p+0,
    0x1.3531d7146a43ep+0, 0x1.3198ba982d911p+0, 0x1.2df97057e7efbp+0, 0x1.2a536fae30e33p+0,
    0x1.26a627fb9d120p+0, 0x1.22f0ffbaa1e55p+0, 0x1.1f335374a10f8p+0, 0x1.1b6c7492c9735p+0,
    0x1.179ba80463fecp+0, 0x1.13c024b2c7ec6p+0, 0x1.0fd911b97f236p+0, 0x1.0be58456ff4aep+0,
    0x1.07e47d87a40f6p+0, 0x1.03d4e7391c5b7p+0, 0x1.ff6b21fffe31ap-1, 0x1.f70a5866c8f46p-1,
    0x1.ee848e956826fp-1, 0x1.e5d6909f51b6ap-1, 0x1.dcfccc51c59f0p-1, 0x1.d3f340dda611cp-1,
    0x1.cab56ac6a38d3p-1, 0x1.c13e2b014e85cp-1, 0x1.b787a7c516f3bp-1, 0x1.ad8b2506a137cp-1,
    0x1.a340d1baf5b18p-1, 0x1.989f85c753b2cp-1, 0x1.8d9c6a9d35e3dp-1, 0x1.822a858af0e7dp-1,
    0x1.763a1600eec74p-1, 0x1.69b7b213f3f69p-1, 0x1.5c8afdbf0217bp-1, 0x1.4e94c08c0bab7p-1,
    0x1.3fabee1911cd7p-1, 0x1.2f98d6bb4f41fp-1, 0x1.1e0ce6b5969b3p-1, 0x1.0a936da5e55adp-1,
    0x1.e8e576e43fbefp-2, 0x1.b4c8fece48e83p-2, 0x1.73949184db9dfp-2, 0x1.16db47e193e1ap-2,
    0x0.0p+0
};

/* The rare extra 64-bit draws of one value: draw m of value i. */
typedef struct {
  const fgrt_rng *r;
  uint64_t step;
  uint32_t dir;
  uint32_t i;
  uint32_t m;
} retry_bits;

static uint64_t next_retry(retry_bits *rb) {
  uint32_t ctr[4] = {(3u << BLOCK_BITS) | ((rb->i >> 1) & BLOCK_MASK), rb->dir, (uint32_t)rb->step,
                     (uint32_t)(rb->step >> 32)};
  uint32_t which = 1 + 2 * (rb->m / 2) + (rb->i & 1), out[4];
  philox10(ctr, (uint32_t)rb->r->seed ^ (which * PHILOX_M0), (uint32_t)(rb->r->seed >> 32) + which, out);
  uint64_t bits = rb->m % 2 ? join(out[2], out[3]) : join(out[0], out[1]);
  rb->m++;
  return bits;
}

/* Beyond R: Marsaglia's tail algorithm, x = R - ln(u1)/R accepted when
 * -2 ln(u2) > (x - R)^2. */
static double zig_tail(retry_bits *rb, double sign) {
  for (;;) {
    double x = -log(u_open0(next_retry(rb))) / ZIG_R;
    double y = -log(u_open0(next_retry(rb)));
    if (y + y > x * x)
      return sign * (ZIG_R + x);
  }
}

/* The slow path of a draw that left its layer's core (layer i, point x). */
static double zig_slow(retry_bits *rb, uint64_t bits) {
  for (;;) {
    unsigned layer = (unsigned)(bits & 127);
    double u = 2 * u_closed0(bits) - 1, x = u * zig_x[layer];
    if (fabs(x) < zig_x[layer + 1])
      return x;
    if (layer == 0)
      return zig_tail(rb, u < 0 ? -1 : 1);
    /* the wedge: accept under f between the layer's edges */
    double f0 = exp(-0.5 * (zig_x[layer] * zig_x[layer] - x * x));
    double f1 = exp(-0.5 * (zig_x[layer + 1] * zig_x[layer + 1] - x * x));
    if (f1 + u_closed0(next_retry(rb)) * (f0 - f1) < 1.0)
      return x;
    bits = next_retry(rb);
  }
}

/* Normal value i from its first 64 bits. */
static inline double zig_normal(const fgrt_rng *r, uint64_t step, uint32_t dir, uint32_t i, uint64_t bits) {
  unsigned layer = (unsigned)(bits & 127);
  double x = (2 * u_closed0(bits) - 1) * zig_x[layer];
  if (fabs(x) < zig_x[layer + 1]) /* inside the core */
    return x;
  retry_bits rb = {r, step, dir, i, 0};
  return zig_slow(&rb, bits);
}

/* The two normals of block blk (values 2 blk and 2 blk + 1). */
static inline void normal_pair(const fgrt_rng *r, uint64_t step, uint32_t dir, uint32_t blk,
                               double z[2]) {
  uint32_t b[4];
  block_bits(r, step, dir, TAG_NORMAL, blk, b);
  z[0] = zig_normal(r, step, dir, 2 * blk, join(b[0], b[1]));
  z[1] = zig_normal(r, step, dir, 2 * blk + 1, join(b[2], b[3]));
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
