/* util.c -- libfgrt internal helpers: error messages and whole-file reads. */
#include "fgrt_int.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

int fgrt_fail(char *err, size_t errlen, const char *name, const char *fmt, ...) {
  if (err && errlen) {
    int n = snprintf(err, errlen, "%s: ", name);
    va_list ap;
    va_start(ap, fmt);
    if (n >= 0 && (size_t)n < errlen)
      vsnprintf(err + n, errlen - (size_t)n, fmt, ap);
    va_end(ap);
  }
  return -1;
}

uint8_t *fgrt_read_file(const char *path, size_t max, size_t *len, char *err, size_t errlen) {
  FILE *f = fopen(path, "rb");
  if (!f) {
    fgrt_fail(err, errlen, path, "cannot open: %s", strerror(errno));
    return NULL;
  }
  size_t cap = 1 << 16, n = 0;
  uint8_t *buf = malloc(cap);
  for (size_t got; buf && n < max && (got = fread(buf + n, 1, cap - n, f)) > 0;) {
    n += got;
    if (n == cap) { /* grow; on failure buf becomes NULL: out of memory */
      uint8_t *bigger = realloc(buf, cap *= 2);
      if (!bigger)
        free(buf);
      buf = bigger;
    }
  }
  const char *why = !buf ? "out of memory" : ferror(f) ? "read error" : NULL;
  fclose(f);
  if (why) {
    fgrt_fail(err, errlen, path, "%s", why);
    free(buf);
    return NULL;
  }
  *len = n;
  return buf;
}

int fgrt_errorf(char *err, size_t errlen, const char *fmt, ...) {
  if (err && errlen) {
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err, errlen, fmt, ap);
    va_end(ap);
  }
  return -1;
}

double fgrt_seconds(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}
