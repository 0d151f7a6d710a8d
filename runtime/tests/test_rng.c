/* test_rng.c: statistical and reproducibility tests of fgrt's tangent sampling.
 * All seeds are fixed, so every run sees the same numbers; bounds are 5 sigma. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fgrt.h"

#define N 1000000
#define PI_2 1.57079632679489661923 /* pi / 2 */

static double *xalloc(size_t n) {
  double *p = malloc(n * sizeof *p);
  assert_non_null(p);
  return p;
}

typedef int (*fill_fn)(const fgrt_rng *, uint64_t, uint32_t, uint64_t, double *, size_t);

/* Known-answer vectors from Random123's kat_vectors for philox4x32_10. */
static void test_philox_kat(void **state) {
  (void)state;
  static const uint32_t ctr[3][4] = {{0, 0, 0, 0},
                                     {0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff},
                                     {0x243f6a88, 0x85a308d3, 0x13198a2e, 0x03707344}};
  static const uint32_t key[3][2] = {{0, 0}, {0xffffffff, 0xffffffff}, {0xa4093822, 0x299f31d0}};
  static const uint32_t want[3][4] = {{0x6627e8d5, 0xe169c58d, 0xbc57ac4c, 0x9b00dbd8},
                                      {0x408f276d, 0x41c83b0e, 0xa20bc7c6, 0x6d5451fd},
                                      {0xd16cfe09, 0x94fdcceb, 0x5001e420, 0x24126ea1}};
  for (int t = 0; t < 3; t++) {
    uint32_t out[4];
    fgrt_philox4x32_10(ctr[t], key[t], out);
    for (int w = 0; w < 4; w++) assert_int_equal(out[w], want[t][w]);
  }
}

/* ARS: the round function against Random123's kat_vectors for ars4x32 (10
 * rounds; fgrt uses 7), and ARS-7 against AES-NI where the CPU has it. */
void fgrt__ars(const uint32_t ctr[4], const uint32_t key[4], int rounds, uint32_t out[4]);

static void test_ars_kat(void **state) {
  (void)state;
  static const uint32_t in[3][8] = {{0, 0, 0, 0, 0, 0, 0, 0},
                                    {0x243f6a88, 0x85a308d3, 0x13198a2e, 0x03707344, 0xa4093822, 0x299f31d0,
                                     0x082efa98, 0xec4e6c89},
                                    {0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff, 0, 0}};
  static const uint32_t want[3][4] = {{0x8d73ee19, 0x506401ef, 0x13c2dbe4, 0x0cbe9c0d},
                                      {0xa516e7d6, 0x8357ad74, 0x5b59b3ec, 0x8763fff3},
                                      {0xbb3743b1, 0x9f635551, 0xecbc87fc, 0xa19478a9}};
  for (int t = 0; t < 3; t++) {
    uint32_t out[4];
    fgrt__ars(in[t], in[t] + 4, 10, out);
    for (int w = 0; w < 4; w++) assert_int_equal(out[w], want[t][w]);
  }
}

#if defined(__x86_64__)
#include <immintrin.h>
/* ARS-7 with the AES instructions: v = ctr ^ key, 6 aesenc, 1 aesenclast,
 * the key advanced by the Weyl constant before each. */
__attribute__((target("aes"))) static void ars7_ni(const uint32_t ctr[4], const uint32_t key[4], uint32_t out[4]) {
  __m128i k = _mm_loadu_si128((const __m128i *)key), weyl = _mm_set_epi64x((long long)0xBB67AE8584CAA73Bull, (long long)0x9E3779B97F4A7C15ull);
  __m128i v = _mm_xor_si128(_mm_loadu_si128((const __m128i *)ctr), k);
  for (int r = 1; r < 7; r++) k = _mm_add_epi64(k, weyl), v = _mm_aesenc_si128(v, k);
  k = _mm_add_epi64(k, weyl);
  _mm_storeu_si128((__m128i *)out, _mm_aesenclast_si128(v, k));
}
#endif

static void test_ars7_aesni(void **state) {
  (void)state;
#if defined(__x86_64__)
  if (!__builtin_cpu_supports("aes"))
    skip();
  uint32_t x = 12345;
  for (int t = 0; t < 10000; t++) {
    uint32_t ctr[4], key[4], a[4], b[4];
    for (int w = 0; w < 4; w++) ctr[w] = x = x * 1664525u + 1013904223u, key[w] = x = x * 1664525u + 1013904223u;
    fgrt_ars4x32_7(ctr, key, a);
    ars7_ni(ctr, key, b);
    assert_memory_equal(a, b, sizeof a);
  }
#else
  skip();
#endif
}

static void check_reproducible(fill_fn fill) {
  enum { M = 1000 };
  double a[M], b[M];
  fgrt_rng r, r2;
  fgrt_rng_init(&r, 42);
  fgrt_rng_init(&r2, 42);
  assert_int_equal(fill(&r, 7, 3, 0, a, M), 0);
  assert_int_equal(fill(&r2, 7, 3, 0, b, M), 0);
  assert_memory_equal(a, b, sizeof a);
  /* another step, another direction, another seed: different values */
  int diff;
  assert_int_equal(fill(&r, 8, 3, 0, b, M), 0);
  diff = 0;
  for (int i = 0; i < M; i++) diff += a[i] != b[i];
  assert_true(diff > M / 3);
  assert_int_equal(fill(&r, 7, 4, 0, b, M), 0);
  diff = 0;
  for (int i = 0; i < M; i++) diff += a[i] != b[i];
  assert_true(diff > M / 3);
  fgrt_rng_init(&r2, 43);
  assert_int_equal(fill(&r2, 7, 3, 0, b, M), 0);
  diff = 0;
  for (int i = 0; i < M; i++) diff += a[i] != b[i];
  assert_true(diff > M / 3);
  /* step beyond 32 bits is distinct from its low half */
  assert_int_equal(fill(&r, 7 + ((uint64_t)1 << 32), 3, 0, b, M), 0);
  diff = 0;
  for (int i = 0; i < M; i++) diff += a[i] != b[i];
  assert_true(diff > M / 3);
}

static void test_reproducible_normal(void **s) { (void)s; check_reproducible(fgrt_fill_normal); }
static void test_reproducible_rademacher(void **s) {
  (void)s;
  check_reproducible(fgrt_fill_rademacher);
}

/* Filling [0, n) at once equals any split into pieces, in any order. */
static void check_order_independent(fill_fn fill) {
  enum { M = 1001 };
  double whole[M], parts[M];
  fgrt_rng r;
  fgrt_rng_init(&r, 0xdeadbeefcafef00dULL);
  assert_int_equal(fill(&r, 123456789, 17, 0, whole, M), 0);
  static const size_t cuts[] = {0, 1, 2, 127, 128, 129, 255, 256, 500, 777, 1000, M};
  memset(parts, 0, sizeof parts);
  for (size_t c = sizeof cuts / sizeof cuts[0] - 1; c > 0; c--) /* back to front */
    assert_int_equal(fill(&r, 123456789, 17, cuts[c - 1], parts + cuts[c - 1],
                          cuts[c] - cuts[c - 1]),
                     0);
  assert_memory_equal(whole, parts, sizeof whole);
  for (size_t i = M; i-- > 0;) { /* one value at a time, backwards */
    double x;
    assert_int_equal(fill(&r, 123456789, 17, i, &x, 1), 0);
    assert_memory_equal(&x, &whole[i], sizeof x);
  }
  /* other directions drawn in between change nothing */
  double other[M];
  assert_int_equal(fill(&r, 123456789, 18, 0, other, M), 0);
  assert_int_equal(fill(&r, 123456789, 17, 0, parts, M), 0);
  assert_memory_equal(whole, parts, sizeof whole);
}

static void test_order_normal(void **s) { (void)s; check_order_independent(fgrt_fill_normal); }
static void test_order_rademacher(void **s) {
  (void)s;
  check_order_independent(fgrt_fill_rademacher);
}

/* The float normal is its own stream (32 bits a value, drawn in float); the
 * Rademacher fills give the same values in both precisions. */
static void test_float_variants(void **s) {
  (void)s;
  enum { M = 999 };
  double d[M];
  float f[M];
  fgrt_rng r;
  fgrt_rng_init(&r, 5);
  assert_int_equal(fgrt_fill_rademacher(&r, 1, 2, 3, d, M), 0);
  assert_int_equal(fgrt_fill_rademacher_f(&r, 1, 2, 3, f, M), 0);
  for (int i = 0; i < M; i++) assert_true(f[i] == (float)d[i]);
  float *v = malloc(N * sizeof *v);
  assert_non_null(v);
  assert_int_equal(fgrt_fill_normal_f(&r, 11, 0, 0, v, N), 0);
  double m1 = 0, m2 = 0, m4 = 0;
  for (size_t i = 0; i < N; i++) {
    double z = v[i];
    assert_true(isfinite(z));
    m1 += z, m2 += z * z, m4 += z * z * z * z;
  }
  m1 /= N, m2 /= N, m4 /= N;
  assert_true(fabs(m1) <= 5 * sqrt(1.0 / N));
  assert_true(fabs(m2 - 1) <= 5 * sqrt(2.0 / N));
  assert_true(fabs(m4 - 3) <= 5 * sqrt(96.0 / N));
  free(v);
}

/* ------------------------------------------------------------ the stream format
 * Known answers derived here from the raw Philox reference and the format
 * in docs/runtime.md, not from the fills: counter (tag << 30 | block, dir,
 * step low, step high), key = the seed; groups of 16 blocks. */
static void philox_block(uint64_t seed, uint64_t step, uint32_t dir, uint32_t word0, uint32_t out[4]) {
  uint32_t ctr[4] = {word0, dir, (uint32_t)step, (uint32_t)(step >> 32)};
  uint32_t key[2] = {(uint32_t)seed, (uint32_t)(seed >> 32)};
  fgrt_philox4x32_10(ctr, key, out);
}

/* Rademacher value i: bit (i / 16) % 32 of word (i / 512) % 4 of block
 * 16 (i / 2048) + i % 16 (tag 1); set bit: +1. */
static double rademacher_ref(uint64_t seed, uint64_t step, uint32_t dir, uint64_t i) {
  uint32_t b[4];
  philox_block(seed, step, dir, (1u << 30) | (uint32_t)(16 * (i / 2048) + i % 16), b);
  return (b[i / 512 % 4] >> (i / 16 % 32)) & 1 ? 1.0 : -1.0;
}

static void test_rademacher_known(void **s) {
  (void)s;
  enum { M = 5000 };
  static double v[M];
  fgrt_rng r;
  fgrt_rng_init(&r, 0x0123456789abcdefULL);
  uint64_t step = ((uint64_t)3 << 32) | 5, offset = 77777;
  assert_int_equal(fgrt_fill_rademacher(&r, step, 9, offset, v, M), 0);
  for (uint64_t i = 0; i < M; i++) assert_true(v[i] == rademacher_ref(r.seed, step, 9, offset + i));
}

/* Double normals: the ziggurat's layer widths x[l] (library tables,
 * checked by the distribution tests); a draw in its layer's core is
 * +-(k + 1/2) 2^-52 x[l]. Value i: words 2h (low) and 2h + 1,
 * h = (i / 8) % 2, of block 16 (i / 32) + 8 ((i / 16) % 2) + i % 8 (tag 0);
 * layer bits 0-7, k bits 11-62, sign bit 63. Only draws in the core are
 * checked; the others must just be finite. */
extern const float fgrt__zig_x[256];
extern const uint64_t fgrt__zig_kd[256];

/* Float normal i (docs/runtime.md): the words 2 (c % 2), 2 (c % 2) + 1 of
 * ARS block 8 (c / 2) + r % 8 of its group, c = r / 16, r = i % 64, turned
 * into R cos or R sin (r / 8 % 2) with libm in double. */
static void float_normal_ref(uint64_t seed, uint64_t step, uint32_t dir, uint64_t i, double *z) {
  unsigned r = (unsigned)(i % 64), c = r / 16;
  uint32_t ctr[4] = {(3u << 30) | (uint32_t)(16 * (i / 64) + 8 * (c / 2) + r % 8), dir, (uint32_t)step,
                     (uint32_t)(step >> 32)};
  uint32_t key[4] = {(uint32_t)seed, (uint32_t)(seed >> 32), 0, 0}, b[4];
  fgrt_ars4x32_7(ctr, key, b);
  uint32_t a = b[2 * (c % 2)], t = b[2 * (c % 2) + 1];
  double u = (double)(float)(int32_t)(a >> 1 | 1) * 0x1p-31; /* the spec's u: a float */
  double phi = ((double)((t >> 7) & 0x7FFFFF) - (0x1p22 - 0.5)) * 0x1p-23 * PI_2;
  double theta = (t >> 30) * PI_2 + phi;
  *z = sqrt(-2 * log(u)) * (r / 8 % 2 ? sin(theta) : cos(theta));
}

static void test_normal_known(void **s) {
  (void)s;
  enum { M = 3000 };
  static double v[M];
  static float f[M];
  fgrt_rng r;
  fgrt_rng_init(&r, 99);
  uint64_t offset = 12345;
  assert_int_equal(fgrt_fill_normal(&r, 6, 2, offset, v, M), 0);
  assert_int_equal(fgrt_fill_normal_f(&r, 6, 2, offset, f, M), 0);
  int core_d = 0;
  double zf;
  for (uint64_t j = 0; j < M; j++) {
    uint64_t i = offset + j;
    uint32_t b[4];
    philox_block(r.seed, 6, 2, (uint32_t)(16 * (i / 32) + 8 * (i / 16 % 2) + i % 8), b);
    unsigned h = (unsigned)(i / 8 % 2);
    uint64_t bits = b[2 * h] | (uint64_t)b[2 * h + 1] << 32, k = (bits >> 11) & ((1ULL << 52) - 1);
    if (k < fgrt__zig_kd[bits & 255]) {
      double a = ((double)k + 0.5) * ldexp(fgrt__zig_x[bits & 255], -52);
      assert_true(v[j] == (bits >> 63 ? -a : a));
      core_d++;
    }
    float_normal_ref(r.seed, 6, 2, i, &zf);
    if (fabs(f[j] - zf) > 8 * 0x1p-24 * fmax(1.0, fabs(zf)))
      fail_msg("float normal %llu: %.9g, Box-Muller in double gives %.9g", (unsigned long long)i, f[j], zf);
    assert_true(isfinite(v[j]) && isfinite(f[j]));
  }
  assert_true(core_d > M * 95 / 100);
}

/* ------------------------------------------------------------ code paths
 * Every path the CPU has gives the portable path's values bit for bit, for
 * whole fills and for many (offset, n) pieces: unaligned offsets, n not a
 * multiple of any vector width or group, pieces inside one group. */
enum { PM = 9000 };

typedef struct {
  const char *name;
  int (*fill_d)(const fgrt_rng *, uint64_t, uint32_t, uint64_t, double *, size_t);
  int (*fill_f)(const fgrt_rng *, uint64_t, uint32_t, uint64_t, float *, size_t);
} fill_pair;

static const fill_pair pairs[] = {{"normal", fgrt_fill_normal, fgrt_fill_normal_f},
                                  {"rademacher", fgrt_fill_rademacher, fgrt_fill_rademacher_f}};

static void reference(const fill_pair *fp, const fgrt_rng *r, double *d, float *f) {
  assert_int_equal(fgrt_rng_set_path(FGRT_CPU_GENERIC), 0);
  assert_int_equal(fp->fill_d(r, 77, 5, 3, d, PM), 0);
  assert_int_equal(fp->fill_f(r, 77, 5, 3, f, PM), 0);
}

/* Pieces [a, b) of [3, 3 + PM) on the current path against the reference. */
static void check_pieces(const fill_pair *fp, const fgrt_rng *r, const double *d, const float *f) {
  static const size_t cuts[] = {0, 1, 2, 3, 7, 8, 15, 16, 17, 31, 33, 63, 64, 65, 100, 129, 255, 511, 1000,
                                1023, 2045, 2046, 2049, 4093, 4097, 6000, 8190, PM};
  static double pd[PM];
  static float pf[PM];
  for (size_t c = 0; c + 1 < sizeof cuts / sizeof cuts[0]; c++) {
    for (size_t e = c + 1; e < sizeof cuts / sizeof cuts[0]; e += 3) {
      size_t a = cuts[c], n = cuts[e] - a;
      assert_int_equal(fp->fill_d(r, 77, 5, 3 + a, pd, n), 0);
      assert_int_equal(fp->fill_f(r, 77, 5, 3 + a, pf, n), 0);
      if (memcmp(pd, d + a, n * sizeof *pd) || memcmp(pf, f + a, n * sizeof *pf))
        fail_msg("%s on %s: values [%zu, %zu) differ from the portable path", fp->name,
                 fgrt_rng_path_name(fgrt_rng_path()), a, a + n);
    }
  }
}

static void test_paths_identical(void **s) {
  (void)s;
  static double d[PM], wd[PM];
  static float f[PM], wf[PM];
  fgrt_rng r;
  fgrt_rng_init(&r, 0xfeedfacecafebeefULL);
  int tested = 0;
  for (size_t k = 0; k < sizeof pairs / sizeof pairs[0]; k++) {
    reference(&pairs[k], &r, d, f);
    for (int p = FGRT_CPU_GENERIC; p <= FGRT_CPU_AVX512; p++) {
      if (fgrt_rng_set_path((fgrt_cpu_path)p) != 0) {
        print_message("(path %s: not on this CPU, skipped)\n", fgrt_rng_path_name((fgrt_cpu_path)p));
        continue;
      }
      assert_int_equal(fgrt_rng_path(), p);
      assert_int_equal(pairs[k].fill_d(&r, 77, 5, 3, wd, PM), 0);
      assert_int_equal(pairs[k].fill_f(&r, 77, 5, 3, wf, PM), 0);
      assert_memory_equal(wd, d, sizeof d);
      assert_memory_equal(wf, f, sizeof f);
      check_pieces(&pairs[k], &r, d, f);
      tested++;
    }
  }
  assert_true(tested >= 2);
  assert_int_equal(fgrt_rng_set_path(FGRT_CPU_AUTO), 0);
}

/* The statistical tests run on the default path; here the other paths pass
 * the shape test's little brother on a large fill (every value of a 2e6
 * fill equal to the portable path's, slow paths included: about 30,000
 * values leave the core, and some 700 of them (the tail, a rejected draw
 * whose replacement leaves the core too) go on from the AVX-512 path's
 * vectors to the scalar slow path). */
static void test_paths_large(void **s) {
  (void)s;
  enum { M = 2000000 };
  double *a = xalloc(M), *b = xalloc(M);
  float *af = (float *)xalloc(M / 2), *bf = (float *)xalloc(M / 2);
  fgrt_rng r;
  fgrt_rng_init(&r, 4242);
  assert_int_equal(fgrt_rng_set_path(FGRT_CPU_GENERIC), 0);
  assert_int_equal(fgrt_fill_normal(&r, 1, 0, 5, a, M), 0);
  assert_int_equal(fgrt_fill_normal_f(&r, 1, 0, 5, af, M), 0);
  for (int p = FGRT_CPU_AVX2; p <= FGRT_CPU_AVX512; p++) {
    if (fgrt_rng_set_path((fgrt_cpu_path)p) != 0)
      continue;
    assert_int_equal(fgrt_fill_normal(&r, 1, 0, 5, b, M), 0);
    assert_memory_equal(a, b, M * sizeof *a);
    assert_int_equal(fgrt_fill_normal_f(&r, 1, 0, 5, bf, M), 0);
    assert_memory_equal(af, bf, M * sizeof *af);
  }
  assert_int_equal(fgrt_rng_set_path(FGRT_CPU_AUTO), 0);
  free(a);
  free(b);
  free(af);
  free(bf);
}

/* The wedge test's exp (every path computes it with the same operations,
 * no libm): within 4 ulp of libm's exp over its range [-7, 0] (2.1 measured). */
double fgrt__zig_exp(double t);

static void test_zig_exp(void **s) {
  (void)s;
  double worst = 0;
  for (int j = 0; j <= 700000; j++) {
    double t = -7.0 * j / 700000, want = exp(t);
    double err = fabs(fgrt__zig_exp(t) - want) / (want * 0x1.0p-52);
    if (err > worst)
      worst = err;
  }
  if (worst > 4)
    fail_msg("fgrt__zig_exp: %g ulp from exp", worst);
  assert_true(fgrt__zig_exp(0.0) == 1.0);
}

/* An unsupported or unknown path is refused and leaves the path alone. */
static void test_path_choice(void **s) {
  (void)s;
  assert_int_equal(fgrt_rng_set_path(FGRT_CPU_AUTO), 0);
  fgrt_cpu_path p = fgrt_rng_path();
  assert_true(p >= FGRT_CPU_GENERIC && p <= FGRT_CPU_AVX512);
  assert_int_equal(fgrt_rng_set_path((fgrt_cpu_path)17), -1);
  assert_int_equal(fgrt_rng_path(), p);
  assert_string_equal(fgrt_rng_path_name(FGRT_CPU_AVX2), "avx2");
  char old[32] = "";
  const char *env = getenv("FGRT_CPU"); /* ctest runs may set it: restored below */
  if (env)
    snprintf(old, sizeof old, "%s", env);
  setenv("FGRT_CPU", "generic", 1); /* the environment names the default */
  assert_int_equal(fgrt_rng_set_path(FGRT_CPU_AUTO), 0);
  assert_int_equal(fgrt_rng_path(), FGRT_CPU_GENERIC);
  if (env)
    setenv("FGRT_CPU", old, 1);
  else
    unsetenv("FGRT_CPU");
  assert_int_equal(fgrt_rng_set_path(FGRT_CPU_AUTO), 0);
  assert_int_equal(fgrt_rng_path(), p);
}

/* theta += alpha v equals filling v and adding it, on every path. */
static void test_axpy(void **s) {
  (void)s;
  enum { M = 7001 };
  static double v[M], want[M], got[M];
  fgrt_rng r;
  fgrt_rng_init(&r, 12);
  for (int p = FGRT_CPU_GENERIC; p <= FGRT_CPU_AVX512; p++) {
    if (fgrt_rng_set_path((fgrt_cpu_path)p) != 0)
      continue;
    for (int dist = 0; dist < 2; dist++) {
      for (int i = 0; i < M; i++) want[i] = got[i] = 0.001 * i - 3;
      fill_fn fill = dist ? fgrt_fill_rademacher : fgrt_fill_normal;
      assert_int_equal(fill(&r, 4, 1, 11, v, M), 0);
      for (int i = 0; i < M; i++) want[i] += -0.125 * v[i];
      int rc = dist ? fgrt_axpy_rademacher(&r, 4, 1, 11, -0.125, got, M)
                    : fgrt_axpy_normal(&r, 4, 1, 11, -0.125, got, M);
      assert_int_equal(rc, 0);
      assert_memory_equal(got, want, sizeof want);
    }
  }
  assert_int_equal(fgrt_rng_set_path(FGRT_CPU_AUTO), 0);
  double x = 7;
  assert_int_equal(fgrt_axpy_normal(&r, 0, 0, FGRT_MAX_NORMAL, 1.0, &x, 1), -1);
  assert_true(x == 7);
}

static void test_range(void **s) {
  (void)s;
  fgrt_rng r;
  fgrt_rng_init(&r, 1);
  double x[2] = {7, 7};
  assert_int_equal(fgrt_fill_normal(&r, 0, 0, FGRT_MAX_NORMAL - 2, x, 2), 0);
  assert_int_equal(fgrt_fill_normal(&r, 0, 0, FGRT_MAX_NORMAL - 1, x, 2), -1);
  assert_int_equal(fgrt_fill_rademacher(&r, 0, 0, FGRT_MAX_RADEMACHER - 1, x, 1), 0);
  x[0] = 7;
  assert_int_equal(fgrt_fill_rademacher(&r, 0, 0, FGRT_MAX_RADEMACHER, x, 1), -1);
  assert_true(x[0] == 7); /* untouched on error */
}

static void test_uniform(void **s) {
  (void)s;
  fgrt_rng r;
  fgrt_rng_init(&r, 99);
  double sum = 0, sum2 = 0;
  for (uint64_t i = 0; i < N; i++) {
    double u = fgrt_uniform01(&r, 3, 1, i);
    assert_true(u >= 0.0 && u < 1.0);
    sum += u;
    sum2 += (u - 0.5) * (u - 0.5);
  }
  assert_true(fabs(sum / N - 0.5) <= 5 * sqrt(1.0 / 12 / N));
  /* Var[(u - 1/2)^2] = 1/80 - 1/144 */
  assert_true(fabs(sum2 / N - 1.0 / 12) <= 5 * sqrt((1.0 / 80 - 1.0 / 144) / N));
  assert_true(fgrt_uniform01(&r, 3, 1, 12345) == fgrt_uniform01(&r, 3, 1, 12345));
}

/* Correlation of x[i] and y[i] (unit-variance, zero-mean model): |corr| <= 5/sqrt(n). */
static double corr(const double *x, const double *y, size_t n) {
  double mx = 0, my = 0;
  for (size_t i = 0; i < n; i++) mx += x[i], my += y[i];
  mx /= n, my /= n;
  double sxy = 0, sxx = 0, syy = 0;
  for (size_t i = 0; i < n; i++) {
    sxy += (x[i] - mx) * (y[i] - my);
    sxx += (x[i] - mx) * (x[i] - mx);
    syy += (y[i] - my) * (y[i] - my);
  }
  return sxy / sqrt(sxx * syy);
}

static void check_independence(fill_fn fill) {
  double *v = xalloc(N + 1), *w = xalloc(N);
  fgrt_rng r;
  fgrt_rng_init(&r, 2024);
  double bound = 5.0 / sqrt((double)N);
  assert_int_equal(fill(&r, 0, 0, 0, v, N + 1), 0);
  assert_true(fabs(corr(v, v + 1, N)) <= bound); /* neighbours (halves of one block, bits) */
  assert_int_equal(fill(&r, 0, 1, 0, w, N), 0);
  assert_true(fabs(corr(v, w, N)) <= bound); /* next direction */
  assert_int_equal(fill(&r, 1, 0, 0, w, N), 0);
  assert_true(fabs(corr(v, w, N)) <= bound); /* next step */
  fgrt_rng r2;
  fgrt_rng_init(&r2, 2025);
  assert_int_equal(fill(&r2, 0, 0, 0, w, N), 0);
  assert_true(fabs(corr(v, w, N)) <= bound); /* next seed */
  free(v);
  free(w);
}

static void test_independence_normal(void **s) {
  (void)s;
  check_independence(fgrt_fill_normal);
}
static void test_independence_rademacher(void **s) {
  (void)s;
  check_independence(fgrt_fill_rademacher);
}

static void test_rademacher_moments(void **s) {
  (void)s;
  double *v = xalloc(N);
  fgrt_rng r;
  fgrt_rng_init(&r, 7);
  assert_int_equal(fgrt_fill_rademacher(&r, 11, 0, 0, v, N), 0);
  double sum = 0;
  for (size_t i = 0; i < N; i++) {
    assert_true(v[i] == 1.0 || v[i] == -1.0);
    sum += v[i];
  }
  assert_true(fabs(sum / N) <= 5.0 / sqrt((double)N));
  free(v);
}

static void test_normal_moments(void **s) {
  (void)s;
  double *v = xalloc(N);
  fgrt_rng r;
  fgrt_rng_init(&r, 8);
  assert_int_equal(fgrt_fill_normal(&r, 11, 0, 0, v, N), 0);
  double m1 = 0, m2 = 0, m3 = 0, m4 = 0;
  size_t tail = 0; /* P(|z| > 2) = 0.0455003 */
  for (size_t i = 0; i < N; i++) {
    double z = v[i];
    assert_true(isfinite(z));
    m1 += z, m2 += z * z, m3 += z * z * z, m4 += z * z * z * z;
    tail += fabs(z) > 2.0;
  }
  m1 /= N, m2 /= N, m3 /= N, m4 /= N;
  assert_true(fabs(m1) <= 5 * sqrt(1.0 / N));            /* Var z = 1 */
  assert_true(fabs(m2 - 1) <= 5 * sqrt(2.0 / N));        /* Var z^2 = 2 */
  assert_true(fabs(m3) <= 5 * sqrt(15.0 / N));           /* Var z^3 = 15 */
  assert_true(fabs(m4 - 3) <= 5 * sqrt(96.0 / N));       /* Var z^4 = 105 - 9 */
  double p = 0.0455003;
  assert_true(fabs((double)tail / N - p) <= 5 * sqrt(p * (1 - p) / N));
  free(v);
}

/* The whole shape, not only moments: 4e6 values in 80 equal bins over
 * [-5, 5] plus two tails, against Φ (a chi-square statistic with 81 degrees
 * of freedom: mean 81, sd 12.7; bound at 6 sd). Every ziggurat layer, wedge
 * and the tail beyond R = 3.654 fall in these bins; a mistake in any of
 * them shifts mass by far more than this resolves. Also P(|z| > R), the
 * tail algorithm's share, within 5 standard errors. Both precisions. */
static double phi(double x) { return 0.5 * erfc(-x / sqrt(2.0)); }

extern const double fgrt__zig_r;

/* prec 1: fgrt_fill_normal; prec 0: fgrt_fill_normal_f (its own stream). */
static void check_normal_shape(int prec) {
  enum { BINS = 80, M = 4000000 };
  double *v = xalloc(M), lo = -5, hi = 5, w = (hi - lo) / BINS;
  size_t count[BINS + 2] = {0}, beyond_r = 0;
  fgrt_rng r;
  fgrt_rng_init(&r, 2718);
  if (prec) {
    assert_int_equal(fgrt_fill_normal(&r, 3, 1, 0, v, M), 0);
  } else {
    float *f = malloc(M * sizeof *f);
    assert_non_null(f);
    assert_int_equal(fgrt_fill_normal_f(&r, 3, 1, 0, f, M), 0);
    for (size_t i = 0; i < M; i++) v[i] = f[i];
    free(f);
  }
  for (size_t i = 0; i < M; i++) {
    double z = v[i];
    int b = z < lo ? BINS : z >= hi ? BINS + 1 : (int)((z - lo) / w);
    count[b]++;
    beyond_r += fabs(z) > fgrt__zig_r;
  }
  double chi2 = 0;
  for (int b = 0; b < BINS + 2; b++) {
    double p = b == BINS ? phi(lo) : b == BINS + 1 ? 1 - phi(hi) : phi(lo + (b + 1) * w) - phi(lo + b * w);
    double e = p * M;
    chi2 += (count[b] - e) * (count[b] - e) / e;
  }
  if (chi2 > 81 + 6 * sqrt(2.0 * 81))
    fail_msg("%s: chi-square %g over %d bins", prec ? "double" : "float", chi2, BINS + 2);
  double pr = 2 * (1 - phi(fgrt__zig_r));
  assert_true(fabs((double)beyond_r / M - pr) <= 5 * sqrt(pr * (1 - pr) / M));
  free(v);
}

static void test_normal_shape(void **s) {
  (void)s;
  check_normal_shape(1);
  check_normal_shape(0);
}

/* E[(g.v) v] = g for f(θ) = sum a_i θ_i^2, g = 2 a θ: componentwise within 5 standard
 * errors (the standard error from the sample variance of the estimates). */
static void check_unbiased(fill_fn fill) {
  enum { D = 8, K = 20000 };
  static const double a[D] = {1.0, -0.5, 2.0, 0.25, 3.0, -1.5, 0.75, 1.25};
  static const double th[D] = {0.3, -1.2, 0.8, 2.0, -0.4, 0.9, -1.7, 0.1};
  double g[D], v[D], mean[D] = {0}, m2[D] = {0};
  for (int i = 0; i < D; i++) g[i] = 2 * a[i] * th[i];
  fgrt_rng r;
  fgrt_rng_init(&r, 31337);
  for (int k = 0; k < K; k++) {
    assert_int_equal(fill(&r, 0, (uint32_t)k, 0, v, D), 0);
    double gv = 0;
    for (int i = 0; i < D; i++) gv += g[i] * v[i];
    for (int i = 0; i < D; i++) { /* Welford */
      double x = gv * v[i], d = x - mean[i];
      mean[i] += d / (k + 1);
      m2[i] += d * (x - mean[i]);
    }
  }
  for (int i = 0; i < D; i++) {
    double se = sqrt(m2[i] / (K - 1) / K);
    assert_true(se > 0);
    if (fabs(mean[i] - g[i]) > 5 * se)
      fail_msg("component %d: mean %g, gradient %g, se %g", i, mean[i], g[i], se);
  }
}

static void test_unbiased_normal(void **s) { (void)s; check_unbiased(fgrt_fill_normal); }
static void test_unbiased_rademacher(void **s) { (void)s; check_unbiased(fgrt_fill_rademacher); }

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_philox_kat),
      cmocka_unit_test(test_reproducible_normal),
      cmocka_unit_test(test_reproducible_rademacher),
      cmocka_unit_test(test_order_normal),
      cmocka_unit_test(test_order_rademacher),
      cmocka_unit_test(test_float_variants),
      cmocka_unit_test(test_range),
      cmocka_unit_test(test_uniform),
      cmocka_unit_test(test_independence_normal),
      cmocka_unit_test(test_independence_rademacher),
      cmocka_unit_test(test_rademacher_moments),
      cmocka_unit_test(test_normal_moments),
      cmocka_unit_test(test_normal_shape),
      cmocka_unit_test(test_unbiased_normal),
      cmocka_unit_test(test_unbiased_rademacher),
      cmocka_unit_test(test_rademacher_known),
      cmocka_unit_test(test_normal_known),
      cmocka_unit_test(test_ars_kat),
      cmocka_unit_test(test_ars7_aesni),
      cmocka_unit_test(test_paths_identical),
      cmocka_unit_test(test_paths_large),
      cmocka_unit_test(test_zig_exp),
      cmocka_unit_test(test_path_choice),
      cmocka_unit_test(test_axpy),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
