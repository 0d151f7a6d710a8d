/* splitmix64 SEED N: the first N outputs, one per line. The generator as
 * published by Sebastiano Vigna (https://prng.di.unimi.it/splitmix64.c, public
 * domain), the reference the converter's and the test's Python copies are
 * checked against. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>

static uint64_t x;

static uint64_t next(void) {
  uint64_t z = (x += 0x9e3779b97f4a7c15);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9;
  z = (z ^ (z >> 27)) * 0x94d049bb133111eb;
  return z ^ (z >> 31);
}

int main(int argc, char **argv) {
  if (argc != 3)
    return 2;
  x = strtoull(argv[1], NULL, 10);
  long n = strtol(argv[2], NULL, 10);
  for (long i = 0; i < n; i++)
    printf("%" PRIu64 "\n", next());
  return 0;
}
