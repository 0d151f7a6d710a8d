/*
 * idx.c -- the IDX loader (MNIST, Fashion-MNIST), gzip-compressed or not.
 *
 * zlib's gzread reads plain files unchanged, so one path serves both. Every
 * field is checked before it is trusted: a corrupt or truncated file gets an
 * error naming the file and the byte where it went wrong, never a crash.
 */
#include "fgrt.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

enum { IDX_UBYTE = 0x08, IDX_MAX_DIMS = 4 };
#define IDX_MAX_BYTES ((size_t)1 << 34) /* 16 GiB: larger is a corrupt header */

static int fail(char *err, size_t errlen, const char *path, const char *fmt, ...) {
  if (err && errlen) {
    int n = snprintf(err, errlen, "%s: ", path);
    va_list ap;
    va_start(ap, fmt);
    if (n >= 0 && (size_t)n < errlen)
      vsnprintf(err + n, errlen - (size_t)n, fmt, ap);
    va_end(ap);
  }
  return -1;
}

/* Read exactly n bytes; returns the number read (short at end of file), or
 * -1 on a read error (corrupt gzip stream). */
static long read_bytes(gzFile f, void *buf, size_t n) {
  size_t got = 0;
  while (got < n) {
    unsigned chunk = n - got > (1u << 30) ? (1u << 30) : (unsigned)(n - got);
    int r = gzread(f, (char *)buf + got, chunk);
    if (r < 0)
      return -1;
    if (r == 0)
      break;
    got += (size_t)r;
  }
  return (long)got;
}

static uint32_t big_endian32(const uint8_t *b) {
  return (uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 | (uint32_t)b[2] << 8 | b[3];
}

/* The magic number and the dimensions; fills idx->ndims, dims and size. */
static int read_header(gzFile f, const char *path, fgrt_idx *idx, char *err, size_t errlen) {
  uint8_t magic[4];
  if (read_bytes(f, magic, 4) != 4)
    return fail(err, errlen, path, "too short for an IDX header (at byte 0)");
  if (magic[0] != 0 || magic[1] != 0)
    return fail(err, errlen, path, "not an IDX file: bad magic number 0x%02x%02x%02x%02x (at byte 0)", magic[0],
                magic[1], magic[2], magic[3]);
  if (magic[2] != IDX_UBYTE)
    return fail(err, errlen, path, "IDX data type 0x%02x is not supported, only unsigned bytes (0x08) (at byte 2)",
                magic[2]);
  if (magic[3] < 1 || magic[3] > IDX_MAX_DIMS)
    return fail(err, errlen, path, "%d dimensions; expected 1 to %d (at byte 3)", magic[3], IDX_MAX_DIMS);
  idx->ndims = magic[3];
  idx->size = 1;
  for (int i = 0; i < idx->ndims; i++) {
    uint8_t b[4];
    if (read_bytes(f, b, 4) != 4)
      return fail(err, errlen, path, "truncated header: dimension %d missing (at byte %d)", i + 1, 4 + 4 * i);
    idx->dims[i] = big_endian32(b);
    if (idx->dims[i] == 0)
      return fail(err, errlen, path, "dimension %d is zero (at byte %d)", i + 1, 4 + 4 * i);
    if (idx->size > IDX_MAX_BYTES / idx->dims[i])
      return fail(err, errlen, path, "dimensions too large to be real (at byte %d)", 4 + 4 * i);
    idx->size *= idx->dims[i];
  }
  return 0;
}

/* The data, and nothing after it. */
static int read_data(gzFile f, const char *path, fgrt_idx *idx, char *err, size_t errlen) {
  size_t header = 4 + 4 * (size_t)idx->ndims;
  idx->data = malloc(idx->size);
  if (!idx->data)
    return fail(err, errlen, path, "cannot allocate %zu bytes for the data", idx->size);
  long got = read_bytes(f, idx->data, idx->size);
  if (got < 0)
    return fail(err, errlen, path, "corrupt compressed data");
  if ((size_t)got != idx->size)
    return fail(err, errlen, path, "truncated: the header announces %zu bytes of data, the file has %ld (at byte %zu)",
                idx->size, got, header + (size_t)got);
  uint8_t extra;
  if (read_bytes(f, &extra, 1) != 0)
    return fail(err, errlen, path, "trailing bytes after the %zu bytes of data the header announces (at byte %zu)",
                idx->size, header + idx->size);
  return 0;
}

int fgrt_idx_load(const char *path, fgrt_idx *out, char *err, size_t errlen) {
  fgrt_idx idx = {0};
  memset(out, 0, sizeof *out);
  gzFile f = gzopen(path, "rb");
  if (!f)
    return fail(err, errlen, path, "%s", errno ? strerror(errno) : "cannot open");
  int rc = read_header(f, path, &idx, err, errlen);
  if (rc == 0)
    rc = read_data(f, path, &idx, err, errlen);
  gzclose(f);
  if (rc != 0) {
    free(idx.data);
    return rc;
  }
  *out = idx;
  return 0;
}

void fgrt_idx_free(fgrt_idx *idx) {
  free(idx->data);
  memset(idx, 0, sizeof *idx);
}
