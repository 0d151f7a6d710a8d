/*
 * fuzz_idx.c -- libFuzzer harness: the IDX loader on arbitrary bytes
 * (plain or gzip-compressed), through fgrt_idx_load_mem, the path
 * fgrt_idx_load takes too. Every input is either loaded with a consistent
 * result or refused with a message naming the input and an empty result.
 *
 *   build-asan/fuzz/fuzz_idx build-asan/fuzz/corpus/idx fuzz/corpus/idx
 */
#include "fgrt.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  fgrt_idx idx;
  char err[256] = "";
  int rc = fgrt_idx_load_mem(data, size, "in.idx", &idx, err, sizeof err);
  if (rc == 0) {
    size_t n = 1;
    if (idx.ndims < 1 || idx.ndims > 4 || !idx.data)
      abort();
    for (int i = 0; i < idx.ndims; i++)
      n *= idx.dims[i];
    if (n != idx.size)
      abort();
    /* A plain file is exactly the header and the data. */
    if (!(size >= 2 && data[0] == 0x1f && data[1] == 0x8b) &&
        (size != 4 + 4 * (size_t)idx.ndims + idx.size || memcmp(idx.data, data + size - idx.size, idx.size) != 0))
      abort();
    fgrt_idx_free(&idx);
  } else if (rc != -1 || idx.data || idx.size || strncmp(err, "in.idx: ", 8) != 0) {
    abort();
  }
  return 0;
}
