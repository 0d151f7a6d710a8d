/*
 * fuzz_ckpt.c -- libFuzzer harness: the checkpoint loader on arbitrary
 * bytes, through fgrt_ckpt_load_mem (the path fgrt_ckpt_load takes). Every
 * input is loaded with a consistent result or refused with a message and
 * an empty result. Each input is tried as it is and with its last 4 bytes
 * replaced by the right CRC-32, so that mutations reach past the checksum.
 *
 *   build-asan/fuzz/fuzz_ckpt build-asan/fuzz/corpus/ckpt fuzz/corpus/ckpt
 */
#include "fgrt.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

static void try_load(const uint8_t *data, size_t size) {
  fgrt_checkpoint c;
  char err[256] = "";
  int rc = fgrt_ckpt_load_mem(data, size, "in.ckpt", &c, err, sizeof err);
  if (rc == 0) {
    if (!c.theta || c.n_params == 0 || c.n_state > 2 || (c.n_state && !c.state))
      abort();
    if (64 + 8 * c.n_params * (1 + (uint64_t)c.n_state) + 4 != size)
      abort();
    for (uint64_t i = 0; i < c.n_params * (1 + (uint64_t)c.n_state); i++)
      if (!isfinite(i < c.n_params ? c.theta[i] : c.state[i - c.n_params]))
        abort();
    fgrt_ckpt_free(&c);
  } else if (rc != -1 || c.theta || c.state || c.n_params || strncmp(err, "in.ckpt: ", 9) != 0) {
    abort();
  }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  try_load(data, size);
  if (size < 68 || size > (1u << 20))
    return 0;
  uint8_t *fixed = malloc(size);
  memcpy(fixed, data, size);
  uint32_t crc = (uint32_t)crc32(crc32(0L, Z_NULL, 0), fixed, (uInt)(size - 4));
  for (int i = 0; i < 4; i++)
    fixed[size - 4 + i] = (uint8_t)(crc >> (8 * i));
  try_load(fixed, size);
  free(fixed);
  return 0;
}
