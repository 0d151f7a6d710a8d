/*
 * test_ckpt.c -- checkpoints: round trip, the documented byte layout,
 * refusal of non-finite values, and refusal of every kind of damage
 * (truncation at every length, any flipped byte, trailing bytes, foreign
 * files, unknown versions) with a message naming the file. Float32
 * checkpoints: the precision field, float values widened, rounding on save,
 * refusal of an unknown precision and of non-float values; a file written
 * before the precision field reads as float64.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <dirent.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

#include "fgrt.h"

enum { N = 37 };

static char dir[] = "/tmp/fgrt_ckpt_XXXXXX";
static char path[256];

static int setup(void **state) {
  (void)state;
  if (!mkdtemp(dir))
    return -1;
  snprintf(path, sizeof path, "%s/model.ckpt", dir);
  return 0;
}

static int teardown(void **state) {
  (void)state;
  DIR *d = opendir(dir);
  for (struct dirent *e; d && (e = readdir(d));) {
    char p[512];
    snprintf(p, sizeof p, "%s/%s", dir, e->d_name);
    if (e->d_name[0] != '.')
      unlink(p);
  }
  if (d)
    closedir(d);
  rmdir(dir);
  return 0;
}

static void make(fgrt_checkpoint *c, double *theta, double *state, uint32_t n_state) {
  for (int i = 0; i < N; i++)
    theta[i] = sin(i + 1.0) * pow(10.0, i % 7 - 3);
  for (int i = 0; i < N * (int)n_state; i++)
    state[i] = -1.5 * i;
  *c = (fgrt_checkpoint){N,     1234567, 42, n_state == 2 ? FGRT_ADAM : n_state, n_state,
                         theta, n_state ? state : NULL, FGRT_FLOAT64};
}

/* The same in float32: values that are floats (sums of few powers of 2). */
static void make_f32(fgrt_checkpoint *c, double *theta, double *state, uint32_t n_state) {
  make(c, theta, state, n_state);
  for (int i = 0; i < N; i++)
    theta[i] = (float)theta[i];
  c->precision = FGRT_FLOAT32;
}

/* b[len - 4..len) = the CRC-32 of what precedes: a damaged file that passes the checksum. */
static void fix_crc(uint8_t *b, size_t len) {
  uint32_t crc = (uint32_t)crc32(crc32(0, Z_NULL, 0), b, (uInt)(len - 4));
  for (int i = 0; i < 4; i++)
    b[len - 4 + i] = (uint8_t)(crc >> (8 * i));
}

static uint8_t *slurp(const char *p, size_t *len) {
  FILE *f = fopen(p, "rb");
  assert_non_null(f);
  static uint8_t buf[1 << 16];
  *len = fread(buf, 1, sizeof buf, f);
  fclose(f);
  return buf;
}

static void spit(const char *p, const uint8_t *b, size_t len) {
  FILE *f = fopen(p, "wb");
  assert_non_null(f);
  assert_int_equal(fwrite(b, 1, len, f), len);
  fclose(f);
}

static int count_files(void) {
  int n = 0;
  DIR *d = opendir(dir);
  for (struct dirent *e; (e = readdir(d));)
    n += e->d_name[0] != '.';
  closedir(d);
  return n;
}

static void round_trip(void **state) {
  (void)state;
  for (uint32_t ns = 0; ns <= 2; ns++) {
    double theta[N], st[2 * N];
    fgrt_checkpoint c, back;
    char err[256];
    make(&c, theta, st, ns);
    assert_int_equal(fgrt_ckpt_save(path, &c, err, sizeof err), 0);
    assert_int_equal(fgrt_ckpt_load(path, &back, err, sizeof err), 0);
    assert_int_equal(back.n_params, N);
    assert_int_equal(back.step, 1234567);
    assert_int_equal(back.seed, 42);
    assert_int_equal(back.optimizer, c.optimizer);
    assert_int_equal(back.n_state, ns);
    assert_memory_equal(back.theta, theta, sizeof theta);
    if (ns)
      assert_memory_equal(back.state, st, ns * N * sizeof(double));
    fgrt_ckpt_free(&back);
    assert_int_equal(count_files(), 1); /* no temporary file left behind */
  }
}

/* The layout documented in fgrt.h, read back independently. */
static void byte_layout(void **state) {
  (void)state;
  double theta[N], st[2 * N];
  fgrt_checkpoint c;
  make(&c, theta, st, 1);
  assert_int_equal(fgrt_ckpt_save(path, &c, NULL, 0), 0);
  size_t len;
  uint8_t *b = slurp(path, &len);
  assert_int_equal(len, 64 + 8 * N * 2 + 4);
  assert_memory_equal(b, "FGRTCKPT", 8);
  assert_int_equal(b[8], 1);
  assert_int_equal(b[12], 64);
  assert_int_equal(b[16], N);
  assert_int_equal(b[24] | b[25] << 8 | b[26] << 16, 1234567);
  assert_int_equal(b[32], 42);
  assert_int_equal(b[40], 1);
  assert_int_equal(b[44], 1);
  for (int i = 48; i < 64; i++) /* precision 0: float64; reserved zero */
    assert_int_equal(b[i], 0);
  uint64_t bits = 0;
  for (int i = 7; i >= 0; i--)
    bits = bits << 8 | b[64 + 8 * 3 + i];
  double t3;
  memcpy(&t3, &bits, 8);
  assert_true(t3 == theta[3]);
  uint32_t crc = (uint32_t)crc32(crc32(0, Z_NULL, 0), b, (uInt)(len - 4));
  assert_int_equal(b[len - 4] | b[len - 3] << 8 | b[len - 2] << 16 | (uint32_t)b[len - 1] << 24, crc);
}

static void refuses_non_finite(void **state) {
  (void)state;
  double theta[N], st[2 * N];
  fgrt_checkpoint c;
  char err[256];
  make(&c, theta, st, 2);
  assert_int_equal(fgrt_ckpt_save(path, &c, err, sizeof err), 0);
  size_t len0;
  uint8_t before[1 << 12];
  const uint8_t *saved = slurp(path, &len0);
  memcpy(before, saved, len0);
  theta[5] = NAN;
  assert_int_equal(fgrt_ckpt_save(path, &c, err, sizeof err), -1);
  assert_non_null(strstr(err, "non-finite"));
  assert_non_null(strstr(err, path));
  theta[5] = 1;
  st[N + 3] = INFINITY;
  assert_int_equal(fgrt_ckpt_save(path, &c, err, sizeof err), -1);
  size_t len1;
  uint8_t *after = slurp(path, &len1); /* the previous checkpoint is untouched */
  assert_int_equal(len1, len0);
  assert_memory_equal(after, before, len0);
  assert_int_equal(count_files(), 1);
}

static void refuse(const uint8_t *b, size_t len, const char *expect) {
  fgrt_checkpoint c;
  char err[256] = "";
  assert_int_equal(fgrt_ckpt_load_mem(b, len, "bad.ckpt", &c, err, sizeof err), -1);
  assert_null(c.theta);
  assert_non_null(strstr(err, "bad.ckpt: "));
  if (expect && !strstr(err, expect))
    fail_msg("expected '%s' in '%s'", expect, err);
}

static void refuses_truncation_and_trailing_bytes(void **state) {
  (void)state;
  double theta[N], st[2 * N];
  fgrt_checkpoint c;
  make(&c, theta, st, 2);
  assert_int_equal(fgrt_ckpt_save(path, &c, NULL, 0), 0);
  size_t len;
  uint8_t b[1 << 12];
  const uint8_t *saved = slurp(path, &len);
  memcpy(b, saved, len);
  for (size_t cut = 0; cut < len; cut++)
    refuse(b, cut, cut < 8 ? "not an fgrt checkpoint" : "truncated");
  b[len] = 0;
  refuse(b, len + 1, "trailing bytes");
}

static void refuses_any_flipped_byte(void **state) {
  (void)state;
  double theta[N], st[2 * N];
  fgrt_checkpoint c;
  make(&c, theta, st, 1);
  assert_int_equal(fgrt_ckpt_save(path, &c, NULL, 0), 0);
  size_t len;
  uint8_t b[1 << 12];
  const uint8_t *saved = slurp(path, &len);
  memcpy(b, saved, len);
  for (size_t i = 0; i < len; i++) {
    b[i] ^= 0x10;
    refuse(b, len, NULL);
    b[i] ^= 0x10;
  }
  for (size_t i = 64; i < len - 4; i += 8) /* a changed value is a checksum error */
    b[i] ^= 1, refuse(b, len, "checksum mismatch"), b[i] ^= 1;
}

/* A foreign file, a newer version (with a valid checksum), a foreign file
 * on disk, and a missing file. */
static void refuses_foreign_files(void **state) {
  (void)state;
  refuse((const uint8_t *)"\x89PNG\r\n\x1a\n0000000000000000", 24, "not an fgrt checkpoint");
  refuse((const uint8_t *)"\x00\x00\x08\x03", 4, "not an fgrt checkpoint");
  double theta[N], st[2 * N];
  fgrt_checkpoint c;
  make(&c, theta, st, 0);
  assert_int_equal(fgrt_ckpt_save(path, &c, NULL, 0), 0);
  size_t len;
  uint8_t b[1 << 12];
  const uint8_t *saved = slurp(path, &len);
  memcpy(b, saved, len);
  b[8] = 2;
  fix_crc(b, len);
  refuse(b, len, "version 2 is not supported");
  char other[300], err[256];
  snprintf(other, sizeof other, "%s/other.bin", dir);
  spit(other, (const uint8_t *)"hello world, this is not a checkpoint at all, really", 52);
  fgrt_checkpoint back;
  assert_int_equal(fgrt_ckpt_load(other, &back, err, sizeof err), -1);
  assert_non_null(strstr(err, other));
  assert_int_equal(fgrt_ckpt_load("/nonexistent/x.ckpt", &back, err, sizeof err), -1);
  assert_non_null(strstr(err, "/nonexistent/x.ckpt: cannot open"));
  unlink(other);
}

static uint64_t f64_bits(double d) {
  uint64_t x;
  memcpy(&x, &d, 8);
  return x;
}

static void put_le(uint8_t *b, uint64_t x, int bytes) {
  for (int i = 0; i < bytes; i++)
    b[i] = (uint8_t)(x >> (8 * i));
}

/* float32: the precision comes back, the values exactly, for 0, 1 and 2
 * state vectors; the file says 1 at byte 48 and holds the floats as
 * binary64, in the same layout and version as float64. */
static void float32_round_trip_and_layout(void **state) {
  (void)state;
  for (uint32_t ns = 0; ns <= 2; ns++) {
    double theta[N], st[2 * N];
    fgrt_checkpoint c, back;
    char err[256];
    make_f32(&c, theta, st, ns);
    assert_int_equal(fgrt_ckpt_save(path, &c, err, sizeof err), 0);
    assert_int_equal(fgrt_ckpt_load(path, &back, err, sizeof err), 0);
    assert_int_equal(back.precision, FGRT_FLOAT32);
    assert_int_equal(back.n_state, ns);
    assert_memory_equal(back.theta, theta, sizeof theta);
    if (ns)
      assert_memory_equal(back.state, st, ns * N * sizeof(double));
    fgrt_ckpt_free(&back);
    size_t len;
    const uint8_t *b = slurp(path, &len);
    assert_int_equal(len, 64 + 8 * N * (1 + ns) + 4);
    assert_int_equal(b[8], 1);
    assert_int_equal(b[48] | b[49] << 8 | b[50] << 16 | (uint32_t)b[51] << 24, 1);
    for (int i = 52; i < 64; i++)
      assert_int_equal(b[i], 0);
    uint64_t bits = 0;
    for (int i = 7; i >= 0; i--)
      bits = bits << 8 | b[64 + 8 * 5 + i];
    assert_true(bits == f64_bits(theta[5]));
  }
  assert_string_equal(fgrt_precision_name(FGRT_FLOAT32), "float32");
  assert_string_equal(fgrt_precision_name(FGRT_FLOAT64), "float64");
  assert_null(fgrt_precision_name((fgrt_precision)2));
}

/* Saving in float32 rounds to float (0.1 comes back as 0.1f); a finite
 * double beyond float's range is refused as non-finite in float32 and
 * leaves the previous file intact; an unknown precision is refused. */
static void float32_save_rounds(void **state) {
  (void)state;
  double theta[N], st[2 * N];
  fgrt_checkpoint c, back;
  char err[256];
  make_f32(&c, theta, st, 1);
  theta[0] = 0.1;
  st[3] = -1.0 / 3;
  assert_int_equal(fgrt_ckpt_save(path, &c, err, sizeof err), 0);
  assert_int_equal(fgrt_ckpt_load(path, &back, err, sizeof err), 0);
  assert_true(back.theta[0] == (double)0.1f && back.theta[0] != 0.1);
  assert_true(back.state[3] == (double)(float)(-1.0 / 3));
  fgrt_ckpt_free(&back);
  size_t len0;
  uint8_t before[1 << 12];
  const uint8_t *saved = slurp(path, &len0);
  memcpy(before, saved, len0);
  theta[7] = 1e300;
  assert_int_equal(fgrt_ckpt_save(path, &c, err, sizeof err), -1);
  assert_non_null(strstr(err, "non-finite (NaN or infinite in float32) values at step 1234567"));
  size_t len1;
  const uint8_t *after = slurp(path, &len1);
  assert_int_equal(len1, len0);
  assert_memory_equal(after, before, len0);
  theta[7] = 1;
  c.precision = 2;
  assert_int_equal(fgrt_ckpt_save(path, &c, err, sizeof err), -1);
  assert_non_null(strstr(err, "invalid checkpoint: precision 2"));
  assert_int_equal(count_files(), 1);
}

/* Damage that passes the checksum: an unknown precision, and a float32
 * checkpoint holding a value that is not a float. */
static void refuses_bad_precision(void **state) {
  (void)state;
  double theta[N], st[2 * N];
  fgrt_checkpoint c;
  make_f32(&c, theta, st, 0);
  assert_int_equal(fgrt_ckpt_save(path, &c, NULL, 0), 0);
  size_t len;
  uint8_t b[1 << 12];
  const uint8_t *saved = slurp(path, &len);
  memcpy(b, saved, len);
  b[48] = 2;
  fix_crc(b, len);
  refuse(b, len, "unknown precision 2 (at byte 48; 0 float64, 1 float32)");
  b[48] = 1;
  put_le(b + 64 + 8 * 9, f64_bits(0.1), 8);
  fix_crc(b, len);
  refuse(b, len, "a float32 checkpoint holding values that are not float32 numbers");
  b[48] = 0; /* the same values are fine in float64 */
  fix_crc(b, len);
  fgrt_checkpoint back;
  assert_int_equal(fgrt_ckpt_load_mem(b, len, "ok.ckpt", &back, NULL, 0), 0);
  assert_int_equal(back.precision, FGRT_FLOAT64);
  assert_true(back.theta[9] == 0.1);
  fgrt_ckpt_free(&back);
}

/* A file written before the precision field existed, built here byte by
 * byte (reserved bytes zero), reads as float64. */
static void old_files_read_as_float64(void **state) {
  (void)state;
  enum { n = 3 };
  uint8_t b[64 + 8 * n * 2 + 4] = {0};
  memcpy(b, "FGRTCKPT", 8);
  put_le(b + 8, 1, 4);
  put_le(b + 12, 64, 4);
  put_le(b + 16, n, 8);
  put_le(b + 24, 77, 8);
  put_le(b + 32, 5, 8);
  put_le(b + 40, FGRT_MOMENTUM, 4);
  put_le(b + 44, 1, 4);
  const double values[2 * n] = {0.1, -2.5, 1e-300, 3, 0, -0.7};
  for (int i = 0; i < 2 * n; i++)
    put_le(b + 64 + 8 * i, f64_bits(values[i]), 8);
  fix_crc(b, sizeof b);
  fgrt_checkpoint c;
  char err[256] = "";
  assert_int_equal(fgrt_ckpt_load_mem(b, sizeof b, "old.ckpt", &c, err, sizeof err), 0);
  assert_int_equal(c.precision, FGRT_FLOAT64);
  assert_int_equal(c.step, 77);
  assert_memory_equal(c.theta, values, n * sizeof(double));
  assert_memory_equal(c.state, values + n, n * sizeof(double));
  fgrt_ckpt_free(&c);
}

static void save_into_missing_directory_fails_cleanly(void **state) {
  (void)state;
  double theta[N], st[2 * N];
  fgrt_checkpoint c;
  char err[256];
  make(&c, theta, st, 0);
  assert_int_equal(fgrt_ckpt_save("/nonexistent/dir/m.ckpt", &c, err, sizeof err), -1);
  assert_non_null(strstr(err, "/nonexistent/dir/m.ckpt: cannot create"));
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(round_trip),
      cmocka_unit_test(byte_layout),
      cmocka_unit_test(refuses_non_finite),
      cmocka_unit_test(refuses_truncation_and_trailing_bytes),
      cmocka_unit_test(refuses_any_flipped_byte),
      cmocka_unit_test(refuses_foreign_files),
      cmocka_unit_test(save_into_missing_directory_fails_cleanly),
      cmocka_unit_test(float32_round_trip_and_layout),
      cmocka_unit_test(float32_save_rounds),
      cmocka_unit_test(refuses_bad_precision),
      cmocka_unit_test(old_files_read_as_float64),
  };
  return cmocka_run_group_tests(tests, setup, teardown);
}
