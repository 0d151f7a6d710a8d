/*
 * test_idx.c -- the IDX loader on valid files (plain and gzip) and on every
 * kind of damage: each bad file is refused with an error naming the file
 * and the problem, and leaves the output empty.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

#include <cmocka.h>

#include "fgrt.h"

static char dir[] = "/tmp/fgrt_idx_XXXXXX";

static const char *path_of(const char *name) {
  static char buf[256];
  snprintf(buf, sizeof buf, "%s/%s", dir, name);
  return buf;
}

static void write_file(const char *name, const uint8_t *bytes, size_t n, int gzip) {
  if (gzip) {
    gzFile f = gzopen(path_of(name), "wb");
    assert_non_null(f);
    assert_int_equal(gzwrite(f, bytes, (unsigned)n), (int)n);
    gzclose(f);
    return;
  }
  FILE *f = fopen(path_of(name), "wb");
  assert_non_null(f);
  assert_int_equal(fwrite(bytes, 1, n, f), n);
  fclose(f);
}

/* A 3 x 2 x 2 image file: header then pixels 0..11. */
static size_t images(uint8_t *b) {
  const uint8_t h[] = {0, 0, 8, 3, 0, 0, 0, 3, 0, 0, 0, 2, 0, 0, 0, 2};
  memcpy(b, h, sizeof h);
  for (int i = 0; i < 12; i++)
    b[sizeof h + i] = (uint8_t)(i * 20);
  return sizeof h + 12;
}

static void expect_images(const char *name) {
  fgrt_idx idx;
  char err[256] = "";
  assert_int_equal(fgrt_idx_load(path_of(name), &idx, err, sizeof err), 0);
  assert_int_equal(idx.ndims, 3);
  assert_int_equal(idx.dims[0], 3);
  assert_int_equal(idx.dims[1], 2);
  assert_int_equal(idx.dims[2], 2);
  assert_int_equal(idx.size, 12);
  for (int i = 0; i < 12; i++)
    assert_int_equal(idx.data[i], i * 20);
  fgrt_idx_free(&idx);
  assert_null(idx.data);
}

static void loads_plain(void **state) {
  (void)state;
  uint8_t b[64];
  write_file("plain", b, images(b), 0);
  expect_images("plain");
}

static void loads_gzip(void **state) {
  (void)state;
  uint8_t b[64];
  write_file("img.gz", b, images(b), 1);
  expect_images("img.gz");
}

static void loads_labels(void **state) {
  (void)state;
  const uint8_t b[] = {0, 0, 8, 1, 0, 0, 0, 4, 7, 2, 1, 0};
  write_file("labels", b, sizeof b, 0);
  fgrt_idx idx;
  char err[256];
  assert_int_equal(fgrt_idx_load(path_of("labels"), &idx, err, sizeof err), 0);
  assert_int_equal(idx.ndims, 1);
  assert_int_equal(idx.dims[0], 4);
  assert_memory_equal(idx.data, b + 8, 4);
  fgrt_idx_free(&idx);
}

/* The file is refused, the output is empty, and the message names the file
 * and contains `what`. */
static void expect_refused(const char *name, const char *what) {
  fgrt_idx idx = {.data = (uint8_t *)1};
  char err[256] = "";
  assert_int_equal(fgrt_idx_load(path_of(name), &idx, err, sizeof err), -1);
  assert_null(idx.data);
  assert_int_equal(idx.size, 0);
  if (!strstr(err, path_of(name)) || !strstr(err, what))
    fail_msg("message '%s' does not name the file and '%s'", err, what);
}

static void refuses_damage(void **state) {
  (void)state;
  uint8_t b[64];
  size_t n = images(b);
  write_file("truncated_data", b, n - 3, 0);
  expect_refused("truncated_data", "truncated");
  write_file("truncated_gz", b, n - 3, 1);
  expect_refused("truncated_gz", "truncated");
  write_file("truncated_header", b, 10, 0);
  expect_refused("truncated_header", "truncated header");
  write_file("short", b, 3, 0);
  expect_refused("short", "too short");
  write_file("empty", b, 0, 0);
  expect_refused("empty", "too short");
  b[n] = 9;
  write_file("trailing", b, n + 1, 0);
  expect_refused("trailing", "trailing bytes");
}

static void refuses_bad_headers(void **state) {
  (void)state;
  const uint8_t magic[] = {1, 0, 8, 1, 0, 0, 0, 1, 5};
  write_file("magic", magic, sizeof magic, 0);
  expect_refused("magic", "bad magic number");
  const uint8_t type[] = {0, 0, 0x0D, 1, 0, 0, 0, 1, 0, 0, 0, 0};
  write_file("float_type", type, sizeof type, 0);
  expect_refused("float_type", "not supported");
  const uint8_t nodims[] = {0, 0, 8, 0};
  write_file("nodims", nodims, sizeof nodims, 0);
  expect_refused("nodims", "dimensions");
  const uint8_t zero[] = {0, 0, 8, 2, 0, 0, 0, 3, 0, 0, 0, 0};
  write_file("zero_dim", zero, sizeof zero, 0);
  expect_refused("zero_dim", "dimension 2 is zero");
  const uint8_t huge[] = {0, 0, 8, 3, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff};
  write_file("huge", huge, sizeof huge, 0);
  expect_refused("huge", "too large");
}

static void refuses_missing_file(void **state) {
  (void)state;
  expect_refused("does_not_exist", "No such file");
}

/* The bytes of a file written by write_file (gzip or not). */
static uint8_t *slurp(const char *name, size_t *n) {
  FILE *f = fopen(path_of(name), "rb");
  assert_non_null(f);
  static uint8_t buf[4096];
  *n = fread(buf, 1, sizeof buf, f);
  fclose(f);
  return buf;
}

/* fgrt_idx_load_mem: the same results from memory, plain and gzip; the
 * name given is the one in messages. */
static void loads_from_memory(void **state) {
  (void)state;
  uint8_t b[64], copy[4096];
  size_t n = images(b), len;
  write_file("mem.gz", b, n, 1);
  const uint8_t *bytes = slurp("mem.gz", &len);
  memcpy(copy, bytes, len);
  for (int gz = 0; gz < 2; gz++) {
    fgrt_idx idx;
    char err[256] = "";
    assert_int_equal(fgrt_idx_load_mem(gz ? copy : b, gz ? len : n, "buf", &idx, err, sizeof err), 0);
    assert_int_equal(idx.ndims, 3);
    assert_int_equal(idx.size, 12);
    assert_memory_equal(idx.data, b + 16, 12);
    fgrt_idx_free(&idx);
  }
  fgrt_idx idx = {.data = (uint8_t *)1};
  char err[256] = "";
  assert_int_equal(fgrt_idx_load_mem(b, 3, "buf", &idx, err, sizeof err), -1);
  assert_null(idx.data);
  assert_string_equal(err, "buf: too short for an IDX header (at byte 0)");
  assert_int_equal(fgrt_idx_load_mem(NULL, 0, "empty", &idx, err, sizeof err), -1);
  assert_string_equal(err, "empty: too short for an IDX header (at byte 0)");
}

/* gzip members one after another (gzip -c a b) are read as one stream;
 * anything else after the gzip data, or a damaged stream, is refused. */
static void gzip_members_and_damage(void **state) {
  (void)state;
  uint8_t b[64], gz[4096], two[8192];
  size_t n = images(b), len, len2;
  write_file("part1.gz", b, 10, 1);
  const uint8_t *bytes = slurp("part1.gz", &len);
  memcpy(gz, bytes, len);
  write_file("part2.gz", b + 10, n - 10, 1);
  memcpy(two, gz, len);
  bytes = slurp("part2.gz", &len2);
  memcpy(two + len, bytes, len2);
  write_file("two_members.gz", two, len + len2, 0);
  expect_images("two_members.gz");

  two[len + len2] = 'x';
  write_file("gz_garbage", two, len + len2 + 1, 0);
  expect_refused("gz_garbage", "data after the end of the gzip stream");

  write_file("whole.gz", b, n, 1);
  bytes = slurp("whole.gz", &len);
  memcpy(gz, bytes, len);
  gz[len - 3] ^= 0xff; /* the length in the gzip trailer */
  write_file("bad_trailer.gz", gz, len, 0);
  expect_refused("bad_trailer.gz", "incorrect length check");
  write_file("cut.gz", gz, len / 2, 0);
  expect_refused("cut.gz", "truncated gzip stream");
}

/* The file is refused with exactly "<path>: <message>". */
static void expect_error(const char *name, const char *message) {
  fgrt_idx idx = {.data = (uint8_t *)1};
  char err[512] = "", want[512];
  assert_int_equal(fgrt_idx_load(path_of(name), &idx, err, sizeof err), -1);
  assert_null(idx.data);
  snprintf(want, sizeof want, "%s: %s", path_of(name), message);
  assert_string_equal(err, want);
}

static void put_le32(uint8_t *p, uint32_t v) {
  for (int i = 0; i < 4; i++)
    p[i] = (uint8_t)(v >> 8 * i);
}

/* A gzip file made by hand, every byte offset known: the 10-byte header,
 * one stored deflate block (byte 10: final, stored; 11-14: LEN, NLEN; the
 * data from byte 15), then the trailer: CRC-32 and length. */
static size_t stored_gzip(uint8_t *out, const uint8_t *b, size_t n) {
  const uint8_t h[] = {0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 1};
  memcpy(out, h, sizeof h);
  out[11] = (uint8_t)n, out[12] = (uint8_t)(n >> 8), out[13] = (uint8_t)~n, out[14] = (uint8_t)(~n >> 8);
  memcpy(out + 15, b, n);
  put_le32(out + 15 + n, (uint32_t)crc32(0, b, (uInt)n));
  put_le32(out + 19 + n, (uint32_t)n);
  return 23 + n;
}

/* Damaged gzip data gets zlib's verdict and where: truncated streams (in the
 * data, in the trailer, after the magic), a bad block type, a flipped data
 * byte and a flipped CRC (both caught by the CRC check), and files named
 * .gz that are not gzip at all. */
static void reports_gzip_damage(void **state) {
  (void)state;
  uint8_t b[64], gz[128], bad[128];
  size_t n = images(b), len = stored_gzip(gz, b, n); /* 28 bytes of IDX, 51 of gzip */
  assert_int_equal(len, 51);
  write_file("stored.gz", gz, len, 0);
  expect_images("stored.gz");

  write_file("cut_data.gz", gz, 30, 0);
  expect_error("cut_data.gz", "truncated gzip stream: the file ends at compressed byte 30 (uncompressed byte 15) "
                              "before the end of the stream");
  write_file("cut_trailer.gz", gz, 47, 0);
  expect_error("cut_trailer.gz", "truncated gzip stream: the file ends at compressed byte 47 (uncompressed byte 28) "
                                 "before the end of the stream");
  write_file("magic_only.gz", gz, 2, 0);
  expect_error("magic_only.gz", "truncated gzip stream: the file ends at compressed byte 2 (uncompressed byte 0) "
                                "before the end of the stream");

  memcpy(bad, gz, len);
  bad[10] = 0x07; /* final block of the reserved type 3 */
  write_file("block_type.gz", bad, len, 0);
  expect_error("block_type.gz", "gzip data damaged at compressed byte 10 (uncompressed byte 0): invalid block type");
  memcpy(bad, gz, len);
  bad[13] ^= 0x01; /* NLEN no longer the complement of LEN */
  write_file("block_length.gz", bad, len, 0);
  expect_error("block_length.gz",
               "gzip data damaged at compressed byte 14 (uncompressed byte 0): invalid stored block lengths");
  memcpy(bad, gz, len);
  bad[40] ^= 0x10; /* a pixel: the data inflates, the CRC check fails */
  write_file("data_byte.gz", bad, len, 0);
  expect_error("data_byte.gz", "gzip data damaged at compressed byte 46 (uncompressed byte 28): incorrect data check "
                               "(the CRC-32 of the data does not match the trailer's)");
  memcpy(bad, gz, len);
  bad[43] ^= 0x01; /* the CRC itself */
  write_file("crc.gz", bad, len, 0);
  expect_error("crc.gz", "gzip data damaged at compressed byte 46 (uncompressed byte 28): incorrect data check "
                         "(the CRC-32 of the data does not match the trailer's)");

  write_file("plain.gz", b, n, 0);
  expect_error("plain.gz", "not gzip data: the name ends in .gz but the file starts with 00 00 08 03, not 1f 8b "
                           "(at byte 0)");
  write_file("page.gz", (const uint8_t *)"<!DOCTYPE html>", 15, 0);
  expect_error("page.gz", "not gzip data: the name ends in .gz but the file starts with 3c 21 44 4f, not 1f 8b "
                          "(at byte 0)");
  write_file("empty.gz", b, 0, 0);
  expect_error("empty.gz", "not gzip data: the name ends in .gz but the file is empty");
  write_file("one_byte.gz", gz, 1, 0);
  expect_error("one_byte.gz", "not gzip data: the name ends in .gz but the file starts with 1f, not 1f 8b (at byte 0)");
  gz[len] = 'x';
  write_file("garbage.gz", gz, len + 1, 0);
  expect_error("garbage.gz", "data after the end of the gzip stream (at compressed byte 51)");
}

/* A header announcing 16 GiB in a few bytes is refused before anything is
 * allocated: for gzip, deflate cannot expand 20 bytes that far. */
static void huge_announced_size_allocates_nothing(void **state) {
  (void)state;
  const uint8_t h[] = {0, 0, 8, 3, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 4, 1, 2, 3};
  write_file("huge_plain", h, sizeof h, 0);
  expect_refused("huge_plain", "truncated: the header announces 17179869184 bytes of data, the file has 3");
  write_file("huge.gz", h, sizeof h, 1);
  expect_refused("huge.gz", "the compressed file is too short to hold them");
}

int main(void) {
  if (!mkdtemp(dir)) {
    perror("mkdtemp");
    return 1;
  }
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(loads_plain),          cmocka_unit_test(loads_gzip),
      cmocka_unit_test(loads_labels),         cmocka_unit_test(refuses_damage),
      cmocka_unit_test(refuses_bad_headers),  cmocka_unit_test(refuses_missing_file),
      cmocka_unit_test(loads_from_memory),    cmocka_unit_test(gzip_members_and_damage),
      cmocka_unit_test(huge_announced_size_allocates_nothing), cmocka_unit_test(reports_gzip_damage),
  };
  int failed = cmocka_run_group_tests(tests, NULL, NULL);
  char cmd[300];
  snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
  if (system(cmd) != 0)
    fprintf(stderr, "could not remove %s\n", dir);
  return failed;
}
