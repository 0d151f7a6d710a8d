/*
 * idx.c -- the IDX loader (MNIST, Fashion-MNIST), gzip-compressed or not.
 *
 * fgrt_idx_load reads the file into memory and hands it to fgrt_idx_load_mem,
 * which inflates it when it starts with the gzip magic: one path serves
 * files and buffers, plain and compressed. Every field is checked before it
 * is trusted: a corrupt or truncated file gets an error naming the file and
 * the byte where it went wrong, never a crash (fuzz/fuzz_idx.c). Damaged
 * gzip data is reported as zlib sees it: a truncated stream, or zlib's own
 * message (bad CRC, invalid code, ...), with the compressed and uncompressed
 * offsets reached.
 */
#include "fgrt.h"
#include "fgrt_int.h"

#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

enum { IDX_UBYTE = 0x08, IDX_MAX_DIMS = 4 };
#define IDX_MAX_BYTES ((size_t)1 << 34) /* 16 GiB: larger is a corrupt header */

/* The bytes of an IDX file as the loader reads them: the input itself, or
 * the data inflated from its gzip members (one after another, as gzip -c
 * a b writes them). */
typedef struct {
  const uint8_t *in;
  size_t len, pos; /* the input, and how much of it is consumed (gzip: fed to z) */
  int gzip;        /* 0 plain, 1 inflating, 2 every member inflated */
  z_stream z;
  size_t out;      /* bytes inflated so far */
  char error[256]; /* why read_bytes returned -1 */
} Reader;

enum { Z_CHUNK = 1 << 30 }; /* z_stream counts are 32-bit */

/* Start inflating when the input begins with the gzip magic (1f 8b). */
static int open_reader(Reader *r, const uint8_t *in, size_t len) {
  memset(r, 0, sizeof *r);
  r->in = in;
  r->len = len;
  if (len < 2 || in[0] != 0x1f || in[1] != 0x8b)
    return 0;
  if (inflateInit2(&r->z, 16 + MAX_WBITS) != Z_OK)
    return -1;
  r->gzip = 1;
  return 0;
}

static void close_reader(Reader *r) {
  if (r->gzip)
    inflateEnd(&r->z);
}

/* The input not yet consumed by inflate. */
static size_t unread(const Reader *r) { return r->len - r->pos + r->z.avail_in; }

/* The compressed bytes consumed so far. */
static size_t consumed(const Reader *r) { return r->len - unread(r); }

/* After a gzip member: another one, or the end of the input. */
static int next_member(Reader *r) {
  size_t at = consumed(r);
  if (at == r->len) {
    r->gzip = 2;
    return 0;
  }
  if (r->len - at >= 2 && r->in[at] == 0x1f && r->in[at + 1] == 0x8b && inflateReset(&r->z) == Z_OK)
    return 0;
  snprintf(r->error, sizeof r->error, "data after the end of the gzip stream (at compressed byte %zu)", at);
  return -1;
}

/* zlib's words for the two checks of a gzip trailer, explained. */
static const char *explain(const char *msg) {
  if (!strcmp(msg, "incorrect data check"))
    return "incorrect data check (the CRC-32 of the data does not match the trailer's)";
  if (!strcmp(msg, "incorrect length check"))
    return "incorrect length check (the data's length does not match the trailer's)";
  return msg;
}

/* Why inflate stopped with rc (neither Z_OK nor Z_STREAM_END), and where:
 * the end of the input for a truncated stream, else the last compressed
 * byte zlib read (where it found the damage). */
static long inflate_error(Reader *r, int rc) {
  size_t at = consumed(r);
  if (rc == Z_BUF_ERROR) /* no input left before the end of the stream */
    snprintf(r->error, sizeof r->error,
             "truncated gzip stream: the file ends at compressed byte %zu (uncompressed byte %zu) before the end "
             "of the stream", at, r->out);
  else if (rc == Z_MEM_ERROR)
    snprintf(r->error, sizeof r->error, "out of memory while inflating");
  else
    snprintf(r->error, sizeof r->error, "gzip data damaged at compressed byte %zu (uncompressed byte %zu): %s",
             at ? at - 1 : 0, r->out, explain(r->z.msg ? r->z.msg : zError(rc)));
  return -1;
}

/* Inflate up to n bytes into buf; returns the number inflated (short only
 * at the end of the last member), or -1 for a damaged or truncated stream. */
static long inflate_bytes(Reader *r, uint8_t *buf, size_t n) {
  size_t got = 0;
  while (got < n && r->gzip == 1) {
    if (r->z.avail_in == 0 && r->pos < r->len) {
      r->z.next_in = (Bytef *)(uintptr_t)(r->in + r->pos);
      r->z.avail_in = r->len - r->pos > Z_CHUNK ? Z_CHUNK : (uInt)(r->len - r->pos);
      r->pos += r->z.avail_in;
    }
    uInt chunk = n - got > Z_CHUNK ? Z_CHUNK : (uInt)(n - got);
    r->z.next_out = buf + got;
    r->z.avail_out = chunk;
    int rc = inflate(&r->z, Z_NO_FLUSH);
    got += chunk - r->z.avail_out;
    r->out += chunk - r->z.avail_out;
    if (rc == Z_STREAM_END) {
      if (next_member(r) != 0)
        return -1;
    } else if (rc != Z_OK) {
      return inflate_error(r, rc);
    }
  }
  return (long)got;
}

/* Read up to n bytes; returns the number read (short at the end of the
 * data), or -1 with r->error set. */
static long read_bytes(Reader *r, void *buf, size_t n) {
  if (r->gzip)
    return inflate_bytes(r, buf, n);
  size_t got = r->len - r->pos < n ? r->len - r->pos : n;
  if (got == 0) /* in may be NULL when len is 0 */
    return 0;
  memcpy(buf, r->in + r->pos, got);
  r->pos += got;
  return (long)got;
}

static uint32_t big_endian32(const uint8_t *b) {
  return (uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 | (uint32_t)b[2] << 8 | b[3];
}

/* The magic number and the dimensions; fills idx->ndims, dims and size. */
static int read_header(Reader *r, const char *path, fgrt_idx *idx, char *err, size_t errlen) {
  uint8_t magic[4];
  long got = read_bytes(r, magic, 4);
  if (got < 0)
    return fgrt_fail(err, errlen, path, "%s", r->error);
  if (got != 4)
    return fgrt_fail(err, errlen, path, "too short for an IDX header (at byte 0)");
  if (magic[0] != 0 || magic[1] != 0)
    return fgrt_fail(err, errlen, path, "not an IDX file: bad magic number 0x%02x%02x%02x%02x (at byte 0)", magic[0],
                magic[1], magic[2], magic[3]);
  if (magic[2] != IDX_UBYTE)
    return fgrt_fail(err, errlen, path, "IDX data type 0x%02x is not supported, only unsigned bytes (0x08) (at byte 2)",
                magic[2]);
  if (magic[3] < 1 || magic[3] > IDX_MAX_DIMS)
    return fgrt_fail(err, errlen, path, "%d dimensions; expected 1 to %d (at byte 3)", magic[3], IDX_MAX_DIMS);
  idx->ndims = magic[3];
  idx->size = 1;
  for (int i = 0; i < idx->ndims; i++) {
    uint8_t b[4];
    got = read_bytes(r, b, 4);
    if (got < 0)
      return fgrt_fail(err, errlen, path, "%s", r->error);
    if (got != 4)
      return fgrt_fail(err, errlen, path, "truncated header: dimension %d missing (at byte %d)", i + 1, 4 + 4 * i);
    idx->dims[i] = big_endian32(b);
    if (idx->dims[i] == 0)
      return fgrt_fail(err, errlen, path, "dimension %d is zero (at byte %d)", i + 1, 4 + 4 * i);
    if (idx->size > IDX_MAX_BYTES / idx->dims[i])
      return fgrt_fail(err, errlen, path, "dimensions too large to be real (at byte %d)", 4 + 4 * i);
    idx->size *= idx->dims[i];
  }
  return 0;
}

/* The most data the rest of the input can hold: itself, or for gzip what
 * deflate's best ratio (1032:1) could expand it to. Checked before the
 * allocation, so that a few bytes announcing 16 GiB allocate nothing. */
static size_t most_data(const Reader *r) {
  size_t rest = unread(r);
  if (!r->gzip)
    return rest;
  return rest > IDX_MAX_BYTES / 1032 ? IDX_MAX_BYTES : rest * 1032 + 1024;
}

/* The data, and nothing after it. */
static int read_data(Reader *r, const char *path, fgrt_idx *idx, char *err, size_t errlen) {
  size_t header = 4 + 4 * (size_t)idx->ndims;
  if (idx->size > most_data(r)) {
    if (!r->gzip)
      return fgrt_fail(err, errlen, path, "truncated: the header announces %zu bytes of data, the file has %zu (at byte %zu)",
                  idx->size, unread(r), header + unread(r));
    return fgrt_fail(err, errlen, path, "truncated: the header announces %zu bytes of data, the compressed file is too "
                "short to hold them (at byte %zu)", idx->size, header);
  }
  idx->data = malloc(idx->size);
  if (!idx->data)
    return fgrt_fail(err, errlen, path, "cannot allocate %zu bytes for the data", idx->size);
  long got = read_bytes(r, idx->data, idx->size);
  if (got < 0)
    return fgrt_fail(err, errlen, path, "%s", r->error);
  if ((size_t)got != idx->size)
    return fgrt_fail(err, errlen, path, "truncated: the header announces %zu bytes of data, the file has %ld (at byte %zu)",
                idx->size, got, header + (size_t)got);
  uint8_t extra;
  long more = read_bytes(r, &extra, 1);
  if (more < 0)
    return fgrt_fail(err, errlen, path, "%s", r->error);
  if (more > 0)
    return fgrt_fail(err, errlen, path, "trailing bytes after the %zu bytes of data the header announces (at byte %zu)",
                idx->size, header + idx->size);
  return 0;
}

int fgrt_idx_load_mem(const void *bytes, size_t len, const char *name, fgrt_idx *out, char *err, size_t errlen) {
  fgrt_idx idx = {0};
  Reader r;
  memset(out, 0, sizeof *out);
  if (open_reader(&r, bytes, len) != 0)
    return fgrt_fail(err, errlen, name, "cannot start zlib");
  int rc = read_header(&r, name, &idx, err, errlen);
  if (rc == 0)
    rc = read_data(&r, name, &idx, err, errlen);
  close_reader(&r);
  if (rc != 0) {
    free(idx.data);
    return rc;
  }
  *out = idx;
  return 0;
}

/* Past IDX_MAX_FILE bytes the rest is not read: such a file is refused
 * anyway (too large, or trailing bytes). */
#define IDX_MAX_FILE (IDX_MAX_BYTES + 64)

/* A file named *.gz must be gzip data: anything else there is a failed
 * download (an HTML page, a Git LFS pointer), not an IDX file. */
static int check_gzip_name(const char *path, const uint8_t *b, size_t len, char *err, size_t errlen) {
  size_t n = strlen(path);
  if (n < 3 || strcmp(path + n - 3, ".gz") != 0 || (len >= 2 && b[0] == 0x1f && b[1] == 0x8b))
    return 0;
  if (len == 0)
    return fgrt_fail(err, errlen, path, "not gzip data: the name ends in .gz but the file is empty");
  char start[16] = "";
  for (size_t i = 0, n = 0; i < len && i < 4; i++)
    n += (size_t)snprintf(start + n, sizeof start - n, "%s%02x", i ? " " : "", b[i]);
  return fgrt_fail(err, errlen, path, "not gzip data: the name ends in .gz but the file starts with %s, not 1f 8b "
                   "(at byte 0)", start);
}

int fgrt_idx_load(const char *path, fgrt_idx *out, char *err, size_t errlen) {
  size_t len = 0;
  memset(out, 0, sizeof *out);
  uint8_t *buf = fgrt_read_file(path, IDX_MAX_FILE, &len, err, errlen);
  if (!buf)
    return -1;
  int rc = check_gzip_name(path, buf, len, err, errlen);
  if (rc == 0)
    rc = fgrt_idx_load_mem(buf, len, path, out, err, errlen);
  free(buf);
  return rc;
}

void fgrt_idx_free(fgrt_idx *idx) {
  free(idx->data);
  memset(idx, 0, sizeof *idx);
}
