/*
 * checkpoint.c -- save and load training checkpoints (format in fgrt.h).
 *
 * Saving writes a temporary file beside the target, flushes it to disk and
 * renames it over the target, so readers only ever see complete files.
 * Loading reads the whole file and checks every field before trusting it;
 * the memory variant serves the fuzzer and the tests. A float32 checkpoint
 * has the same layout, its values floats widened to binary64.
 */
#include "fgrt.h"
#include "fgrt_int.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

enum { CKPT_VERSION = 1, CKPT_HEADER = 64, CKPT_MAX_STATE = 2 };
static const char CKPT_MAGIC[8] = {'F', 'G', 'R', 'T', 'C', 'K', 'P', 'T'};
#define CKPT_MAX_BYTES ((uint64_t)1 << 40) /* 1 TiB: larger is a corrupt header */

/* ---------------------------------------------------------------- encoding */

static void put_u32(uint8_t *b, uint32_t x) {
  for (int i = 0; i < 4; i++)
    b[i] = (uint8_t)(x >> (8 * i));
}

static void put_u64(uint8_t *b, uint64_t x) {
  for (int i = 0; i < 8; i++)
    b[i] = (uint8_t)(x >> (8 * i));
}

static uint32_t get_u32(const uint8_t *b) {
  uint32_t x = 0;
  for (int i = 0; i < 4; i++)
    x |= (uint32_t)b[i] << (8 * i);
  return x;
}

static uint64_t get_u64(const uint8_t *b) {
  uint64_t x = 0;
  for (int i = 0; i < 8; i++)
    x |= (uint64_t)b[i] << (8 * i);
  return x;
}

static void put_f64(uint8_t *b, double d) {
  uint64_t x;
  memcpy(&x, &d, 8);
  put_u64(b, x);
}

static double get_f64(const uint8_t *b) {
  uint64_t x = get_u64(b);
  double d;
  memcpy(&d, &x, 8);
  return d;
}

/* Bytes of the whole file for n_params and n_state, or 0 if too large. */
static uint64_t file_size(uint64_t n_params, uint32_t n_state) {
  uint64_t vectors = 1 + (uint64_t)n_state;
  if (n_params == 0 || n_params > CKPT_MAX_BYTES / 8 / vectors)
    return 0;
  return CKPT_HEADER + 8 * n_params * vectors + 4;
}

/* zlib's crc32 takes uInt lengths: feed large buffers in pieces. */
static uint32_t crc_of(const uint8_t *b, uint64_t n) {
  uLong crc = crc32(0L, Z_NULL, 0);
  while (n > 0) {
    uInt chunk = n > (1u << 30) ? (1u << 30) : (uInt)n;
    crc = crc32(crc, b, chunk);
    b += chunk;
    n -= chunk;
  }
  return (uint32_t)crc;
}

const char *fgrt_precision_name(fgrt_precision p) {
  return p == FGRT_FLOAT64 ? "float64" : p == FGRT_FLOAT32 ? "float32" : NULL;
}

/* x as the checkpoint stores it: rounded to float in a float32 one. */
static double stored(double x, uint32_t precision) { return precision == FGRT_FLOAT32 ? (double)(float)x : x; }

static int all_finite(const double *x, uint64_t n, uint32_t precision) {
  for (uint64_t i = 0; i < n; i++)
    if (!isfinite(stored(x[i], precision)))
      return 0;
  return 1;
}

/* Every value unchanged by rounding to the precision (always in float64). */
static int all_exact(const double *x, uint64_t n, uint32_t precision) {
  for (uint64_t i = 0; i < n; i++)
    if (stored(x[i], precision) != x[i])
      return 0;
  return 1;
}

static void encode(const fgrt_checkpoint *c, uint8_t *buf, uint64_t size) {
  memset(buf, 0, CKPT_HEADER);
  memcpy(buf, CKPT_MAGIC, 8);
  put_u32(buf + 8, CKPT_VERSION);
  put_u32(buf + 12, CKPT_HEADER);
  put_u64(buf + 16, c->n_params);
  put_u64(buf + 24, c->step);
  put_u64(buf + 32, c->seed);
  put_u32(buf + 40, c->optimizer);
  put_u32(buf + 44, c->n_state);
  put_u32(buf + 48, c->precision);
  uint8_t *p = buf + CKPT_HEADER;
  for (uint64_t i = 0; i < c->n_params; i++, p += 8)
    put_f64(p, stored(c->theta[i], c->precision));
  for (uint64_t i = 0; i < c->n_params * c->n_state; i++, p += 8)
    put_f64(p, stored(c->state[i], c->precision));
  put_u32(p, crc_of(buf, size - 4));
}

/* ---------------------------------------------------------------- saving */

/* Write buf to a temporary file beside path, flush it, rename it over path. */
static int write_atomically(const char *path, const uint8_t *buf, uint64_t size, char *err, size_t errlen) {
  size_t len = strlen(path);
  char *tmp = malloc(len + 16);
  if (!tmp)
    return fgrt_fail(err, errlen, path, "out of memory");
  memcpy(tmp, path, len);
  memcpy(tmp + len, ".tmpXXXXXX", 11);
  int fd = mkstemp(tmp);
  if (fd < 0) {
    fgrt_fail(err, errlen, path, "cannot create a temporary file beside it: %s", strerror(errno));
    free(tmp);
    return -1;
  }
  FILE *f = fdopen(fd, "wb");
  int ok = f && fwrite(buf, 1, (size_t)size, f) == size && fflush(f) == 0 && fsync(fd) == 0;
  int saved_errno = errno;
  ok = (f ? fclose(f) == 0 : close(fd) == 0) && ok;
  if (ok && rename(tmp, path) != 0) {
    saved_errno = errno;
    ok = 0;
  }
  if (!ok) {
    unlink(tmp);
    fgrt_fail(err, errlen, path, "cannot write the checkpoint: %s", strerror(saved_errno));
  }
  free(tmp);
  return ok ? 0 : -1;
}

int fgrt_ckpt_save(const char *path, const fgrt_checkpoint *c, char *err, size_t errlen) {
  if (c->n_state > CKPT_MAX_STATE || (c->n_state > 0 && !c->state) || !c->theta)
    return fgrt_fail(err, errlen, path, "invalid checkpoint: %u state vectors", (unsigned)c->n_state);
  if (c->precision > FGRT_FLOAT32)
    return fgrt_fail(err, errlen, path, "invalid checkpoint: precision %u", (unsigned)c->precision);
  uint64_t size = file_size(c->n_params, c->n_state);
  if (size == 0)
    return fgrt_fail(err, errlen, path, "invalid checkpoint: %llu parameters", (unsigned long long)c->n_params);
  if (!all_finite(c->theta, c->n_params, c->precision) ||
      !all_finite(c->state, c->n_params * c->n_state, c->precision))
    return fgrt_fail(err, errlen, path, "refusing to save non-finite (NaN or infinite%s) values at step %llu",
                     c->precision == FGRT_FLOAT32 ? " in float32" : "", (unsigned long long)c->step);
  uint8_t *buf = malloc((size_t)size);
  if (!buf)
    return fgrt_fail(err, errlen, path, "out of memory for %llu bytes", (unsigned long long)size);
  encode(c, buf, size);
  int r = write_atomically(path, buf, size, err, errlen);
  free(buf);
  return r;
}

/* ---------------------------------------------------------------- loading */

static int check_header(const uint8_t *b, size_t len, const char *name, char *err, size_t errlen) {
  if (len < 8 || memcmp(b, CKPT_MAGIC, 8) != 0)
    return fgrt_fail(err, errlen, name, "not an fgrt checkpoint (bad magic number at byte 0)");
  if (len < CKPT_HEADER + 4)
    return fgrt_fail(err, errlen, name, "truncated: %zu bytes, shorter than the %d-byte header", len, CKPT_HEADER);
  if (get_u32(b + 8) != CKPT_VERSION)
    return fgrt_fail(err, errlen, name, "checkpoint format version %u is not supported (expected %d, at byte 8)",
                (unsigned)get_u32(b + 8), CKPT_VERSION);
  if (get_u32(b + 12) != CKPT_HEADER)
    return fgrt_fail(err, errlen, name, "header size %u, expected %d (at byte 12)", (unsigned)get_u32(b + 12),
                CKPT_HEADER);
  uint32_t optimizer = get_u32(b + 40), n_state = get_u32(b + 44);
  if (optimizer > FGRT_ADAM || n_state > CKPT_MAX_STATE)
    return fgrt_fail(err, errlen, name, "unknown optimizer %u with %u state vectors (at byte 40)", (unsigned)optimizer,
                (unsigned)n_state);
  if (get_u32(b + 48) > FGRT_FLOAT32)
    return fgrt_fail(err, errlen, name, "unknown precision %u (at byte 48; 0 float64, 1 float32)",
                     (unsigned)get_u32(b + 48));
  uint64_t size = file_size(get_u64(b + 16), n_state);
  if (size == 0)
    return fgrt_fail(err, errlen, name, "invalid parameter count %llu (at byte 16)",
                (unsigned long long)get_u64(b + 16));
  if (len != size)
    return fgrt_fail(err, errlen, name, "%s: %zu bytes, expected %llu for %llu parameters",
                len < size ? "truncated" : "trailing bytes", len, (unsigned long long)size,
                (unsigned long long)get_u64(b + 16));
  if (get_u32(b + size - 4) != crc_of(b, size - 4))
    return fgrt_fail(err, errlen, name, "checksum mismatch: the file is corrupt");
  return 0;
}

static void decode(const uint8_t *b, fgrt_checkpoint *c) {
  const uint8_t *p = b + CKPT_HEADER;
  for (uint64_t i = 0; i < c->n_params; i++, p += 8)
    c->theta[i] = get_f64(p);
  for (uint64_t i = 0; i < c->n_params * c->n_state; i++, p += 8)
    c->state[i] = get_f64(p);
}

int fgrt_ckpt_load_mem(const void *bytes, size_t len, const char *name, fgrt_checkpoint *c, char *err,
                       size_t errlen) {
  const uint8_t *b = bytes;
  memset(c, 0, sizeof *c);
  if (check_header(b, len, name, err, errlen) != 0)
    return -1;
  fgrt_checkpoint r = {get_u64(b + 16), get_u64(b + 24), get_u64(b + 32), get_u32(b + 40), get_u32(b + 44),
                       NULL, NULL, get_u32(b + 48)};
  r.theta = malloc((size_t)r.n_params * 8);
  r.state = r.n_state ? malloc((size_t)(r.n_params * r.n_state) * 8) : NULL;
  if (!r.theta || (r.n_state && !r.state)) {
    fgrt_ckpt_free(&r);
    return fgrt_fail(err, errlen, name, "out of memory for %llu parameters", (unsigned long long)r.n_params);
  }
  decode(b, &r);
  uint64_t n = r.n_params, ns = r.n_params * r.n_state;
  const char *bad = !all_finite(r.theta, n, 0) || !all_finite(r.state, ns, 0) ? "holds non-finite (NaN or infinite) values"
                    : !all_exact(r.theta, n, r.precision) || !all_exact(r.state, ns, r.precision)
                        ? "a float32 checkpoint holding values that are not float32 numbers"
                        : NULL;
  if (bad) {
    fgrt_ckpt_free(&r);
    return fgrt_fail(err, errlen, name, "%s", bad);
  }
  *c = r;
  return 0;
}

int fgrt_ckpt_load(const char *path, fgrt_checkpoint *c, char *err, size_t errlen) {
  size_t len = 0;
  memset(c, 0, sizeof *c);
  uint8_t *buf = fgrt_read_file(path, (size_t)CKPT_MAX_BYTES, &len, err, errlen);
  if (!buf)
    return -1;
  int r = fgrt_ckpt_load_mem(buf, len, path, c, err, errlen);
  free(buf);
  return r;
}

void fgrt_ckpt_free(fgrt_checkpoint *c) {
  free(c->theta);
  free(c->state);
  memset(c, 0, sizeof *c);
}
