/* fgrt_int.h -- libfgrt internal: what the runtime's files share. */
#ifndef FGRT_INT_H
#define FGRT_INT_H

#include <stddef.h>
#include <stdint.h>

/* Writes "name: <fmt...>" into err (when err is not NULL) and returns -1. */
int fgrt_fail(char *err, size_t errlen, const char *name, const char *fmt, ...);

/* The whole file in memory (malloc'd), or NULL with err set ("path: cannot
 * open: ...", "path: read error"). Reading stops after max bytes: a caller
 * that refuses such sizes sees a longer-than-valid input. */
uint8_t *fgrt_read_file(const char *path, size_t max, size_t *len, char *err, size_t errlen);

/* The message into err (when err has room); returns -1, for `return fgrt_errorf(...)`. */
int fgrt_errorf(char *err, size_t errlen, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* A monotonic clock in seconds. */
double fgrt_seconds(void);

#endif
