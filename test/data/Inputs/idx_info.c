/* idx_info FILE...: load each file with libfgrt's fgrt_idx_load and print
 * "name: ndims d0 x d1 ... sum=S" (S = sum of the bytes), or the loader's
 * error and exit status 1. Used to check that the converter's output is
 * what the runtime accepts. */
#include <fgrt.h>

#include <stdio.h>
#include <string.h>

int main(int argc, char **argv) {
  int status = 0;
  for (int a = 1; a < argc; a++) {
    fgrt_idx idx;
    char err[256];
    if (fgrt_idx_load(argv[a], &idx, err, sizeof err) != 0) {
      fprintf(stderr, "%s\n", err);
      status = 1;
      continue;
    }
    const char *base = strrchr(argv[a], '/');
    unsigned long long sum = 0;
    for (size_t i = 0; i < idx.size; i++)
      sum += idx.data[i];
    printf("%s: %d dims", base ? base + 1 : argv[a], idx.ndims);
    for (int d = 0; d < idx.ndims; d++)
      printf("%s%u", d ? " x " : " ", (unsigned)idx.dims[d]);
    printf(" sum=%llu\n", sum);
    fgrt_idx_free(&idx);
  }
  return status;
}
