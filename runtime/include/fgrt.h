/* fgrt.h: the fgcc runtime library (libfgrt), tangent sampling.
 *
 * Forward gradients need random tangent directions v with zero mean and unit
 * variance per component: g(θ) = (∇f(θ)·v) v is then an unbiased estimate of
 * ∇f(θ). This header gives a seedable, counter-based generator for them.
 *
 * Generator: Philox4x32-10 (Salmon et al., "Parallel random numbers: as easy
 * as 1, 2, 3", SC'11), a keyed bijection of a 128-bit counter. The key is the
 * 64-bit seed; the counter is (block, dir, step low 32 bits, step high 32 bits)
 * where block packs the index of the value inside the direction and a 2-bit
 * tag telling the distributions apart. No state changes when sampling.
 *
 * Guarantees:
 *  - Value i of direction `dir` at step `step` for seed `seed` is a pure
 *    function of (seed, step, dir, i) and of the distribution: it does not
 *    depend on the order of calls, on how [0, n) is split into calls (the
 *    `offset` argument), or on the number of threads filling it. The
 *    functions are thread-safe (the fgrt_rng is only read).
 *  - Distinct (seed, step, dir, i) use distinct Philox counters or keys, so
 *    they never share random bits; normal, Rademacher and uniform streams of
 *    the same (seed, step, dir) use distinct counters too.
 *  - The raw bits (fgrt_philox4x32_10, fgrt_uniform01, the Rademacher fills)
 *    are identical on every platform. The normal values are computed with
 *    log, sqrt, cos and sin from <math.h>: bit-identical for the same
 *    libm; on another libm they may differ in the last bits.
 *  - The float variants (`_f`) return exactly the double values rounded to
 *    float: the same model in float or double sees the same directions.
 *  - Rademacher values are exactly -1.0 or +1.0, each with probability 1/2.
 *  - Normal values are standard normal (Box-Muller on two 53-bit uniforms;
 *    the first uniform lies in (0, 1], so no log(0); |z| < 8.6).
 *
 * Range: offset + n must not exceed FGRT_MAX_NORMAL for normal and uniform
 * values (2^31 per direction) and FGRT_MAX_RADEMACHER for Rademacher values
 * (2^37); beyond it the fill functions return -1 and leave v untouched.
 */
#ifndef FGRT_H
#define FGRT_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The generator: just the seed. Copy it freely; sampling never modifies it. */
typedef struct {
  uint64_t seed;
} fgrt_rng;

#define FGRT_MAX_NORMAL ((uint64_t)1 << 31)
#define FGRT_MAX_RADEMACHER ((uint64_t)1 << 37)

void fgrt_rng_init(fgrt_rng *r, uint64_t seed);

/* v[j] = Rademacher value (offset + j) of direction dir at step step, j < n.
 * Returns 0, or -1 (v untouched) when offset + n > FGRT_MAX_RADEMACHER. */
int fgrt_fill_rademacher(const fgrt_rng *r, uint64_t step, uint32_t dir,
                         uint64_t offset, double *v, size_t n);
int fgrt_fill_rademacher_f(const fgrt_rng *r, uint64_t step, uint32_t dir,
                           uint64_t offset, float *v, size_t n);

/* v[j] = standard normal value (offset + j) of direction dir at step step.
 * Returns 0, or -1 (v untouched) when offset + n > FGRT_MAX_NORMAL. */
int fgrt_fill_normal(const fgrt_rng *r, uint64_t step, uint32_t dir,
                     uint64_t offset, double *v, size_t n);
int fgrt_fill_normal_f(const fgrt_rng *r, uint64_t step, uint32_t dir,
                       uint64_t offset, float *v, size_t n);

/* Uniform value i in [0, 1) (a multiple of 2^-53) of stream dir at step step,
 * for other uses of randomness (shuffling, dropout, initialisation).
 * i must be < FGRT_MAX_NORMAL; larger i is reduced modulo it. */
double fgrt_uniform01(const fgrt_rng *r, uint64_t step, uint32_t dir, uint64_t i);

/* The raw Philox4x32-10 bijection: out = philox(ctr, key). */
void fgrt_philox4x32_10(const uint32_t ctr[4], const uint32_t key[2], uint32_t out[4]);


/* ------------------------------------------------------------ IDX files
 * The IDX format of MNIST and Fashion-MNIST: a big-endian header (two zero
 * bytes, a type byte, the number of dimensions, then each dimension as a
 * 32-bit count) followed by the data. Files may be gzip-compressed (.gz)
 * or not; both are read the same way. Only unsigned-byte data (type 0x08),
 * the type of every MNIST file, is accepted.
 *
 * fgrt_idx_load validates everything it reads: the magic number, the type,
 * 1 to 4 dimensions, no zero dimension, a size that fits in memory, and a
 * length that matches the dimensions exactly (a truncated file or one with
 * trailing bytes is refused). On error it returns -1, leaves *out empty and
 * writes "file: what is wrong (at byte N)" into err. */
typedef struct {
  int ndims;
  uint32_t dims[4];  /* dims[0] is the number of items (images, labels) */
  size_t size;       /* number of bytes in data: the product of dims */
  uint8_t *data;     /* malloc'd; release with fgrt_idx_free */
} fgrt_idx;

int fgrt_idx_load(const char *path, fgrt_idx *out, char *err, size_t errlen);
void fgrt_idx_free(fgrt_idx *idx);

#ifdef __cplusplus
}
#endif

#endif /* FGRT_H */
