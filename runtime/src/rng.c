/* rng.c: counter-based tangent sampling (Philox4x32-10). See fgrt.h.
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

static inline uint64_t join(uint32_t lo, uint32_t hi) { return (uint64_t)lo | ((uint64_t)hi << 32); }

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
 * (rng_tables.py). A draw is a layer l, a sign and k, a B-bit integer (B =
 * 23 for float, 52 for double): the point u x[l] with u = (k + 1/2) 2^-B.
 * Inside the layer's core (k < kf[l] or kd[l]: 98.5% of draws) the value
 * is +-u x[l], one multiplication (fast path, vectorised). Otherwise the
 * wedge test (a uniform height under exp(-x^2/2), fgrt__zig_exp), or for
 * the base layer Marsaglia's tail algorithm, decides, and a rejected draw
 * starts over (slow path): the values are exactly standard normal up to
 * the resolution of u. The extra bits come from the value's own retry
 * stream (retry_next), so value i stays a pure function of (seed, step,
 * dir, i). The AVX-512 path runs the first two draws of the slow path in
 * vectors, with the same operations. */

/* The retry stream of value i of precision prec (0 float, 1 double): draw m
 * (64 bits) is half m % 2 of block m / 2 (fgrt__retry_block: counter
 * (RETRY | i / 4, dir, step), a key made of the seed and
 * w = 1 + i % 4 + 4 prec + 8 (m / 2), never the seed itself). */
typedef struct {
  const rng_stream *s;
  uint64_t i;
  unsigned prec;
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
    fgrt__retry_block(rt->s, rt->i, rt->prec, rt->m / 2, own);
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

static zig_draw draw_f(uint32_t bits) {
  zig_draw d = {bits & 255, (bits >> 8) & ZIG_MASK_KF, (int)(bits >> 31)};
  return d;
}

static zig_draw draw_d(uint64_t bits) {
  zig_draw d = {(unsigned)(bits & 255), (bits >> 11) & ZIG_MASK_KD, (int)(bits >> 63)};
  return d;
}

/* |value| of a draw: u x[l], u = (k + 1/2) 2^-B exact, rounded once to the
 * precision (exactly what the vector paths compute). */
static inline float zig_abs_f(uint32_t k, unsigned layer) {
  return ((float)k + 0.5f) * 0x1.0p-23f * fgrt__zig_x[layer];
}

static inline double zig_abs_d(uint64_t k, unsigned layer) {
  return ((double)k + 0.5) * 0x1.0p-52 * (double)fgrt__zig_x[layer];
}

static double zig_abs(unsigned prec, const zig_draw *d) {
  if (prec == 0)
    return (double)zig_abs_f((uint32_t)d->k, d->layer);
  return zig_abs_d(d->k, d->layer);
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
  uint64_t core = rt->prec ? fgrt__zig_kd[d->layer] : fgrt__zig_kf[d->layer];
  double a = zig_abs(rt->prec, d);
  if (d->k < core || (d->layer > 0 && zig_wedge(rt, d->layer, a))) {
    *x = d->neg ? -a : a;
    return 1;
  }
  if (d->layer > 0)
    return 0;
  uint64_t tail_end = rt->prec ? fgrt__zig_tail_kd : fgrt__zig_tail_kf;
  if (d->k >= tail_end) /* the base rectangle's sliver beyond the tail's area */
    return 0;
  a = zig_tail(rt);
  *x = d->neg ? -a : a;
  return 1;
}

float fgrt__zig_slow_f(const rng_stream *s, uint64_t i, uint32_t bits, const uint32_t *first) {
  retry rt = {s, i, 0, 0, first};
  zig_draw d = draw_f(bits);
  double x;
  while (!zig_decide(&rt, &d, &x))
    d = draw_f((uint32_t)retry_next(&rt));
  return (float)x;
}

double fgrt__zig_slow_d(const rng_stream *s, uint64_t i, uint64_t bits, const uint32_t *first) {
  retry rt = {s, i, 1, 0, first};
  zig_draw d = draw_d(bits);
  double x;
  while (!zig_decide(&rt, &d, &x))
    d = draw_d(retry_next(&rt));
  return x;
}

/* The fast path of one value in scalar code (the vector paths' rule). */
static inline float normal_f_bits(const rng_stream *s, uint64_t i, uint32_t bits) {
  unsigned layer = bits & 255;
  uint32_t k = (bits >> 8) & ZIG_MASK_KF;
  if (k >= fgrt__zig_kf[layer])
    return fgrt__zig_slow_f(s, i, bits, NULL);
  float a = zig_abs_f(k, layer);
  return bits >> 31 ? -a : a;
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

static float normal_f_one(const rng_stream *s, uint64_t i) {
  uint32_t b[4];
  block_bits(s, CTR_NORMAL_F | (uint32_t)(16 * (i / 64) + i % 16), b);
  return normal_f_bits(s, i, b[i / 16 % 4]);
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
    uint32_t p[4][16];
    group_planes(s, CTR_NORMAL_F, g, p);
    for (unsigned r = 0; r < GROUP_NORMAL_F; r++)
      out[r] = normal_f_bits(s, 64 * g + r, p[r / 16][r % 16]);
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
    return fgrt__rng_avx2.normal_f && __builtin_cpu_supports("avx2");
  case FGRT_CPU_AVX512:
    return fgrt__rng_avx512.normal_f && __builtin_cpu_supports("avx512f");
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
