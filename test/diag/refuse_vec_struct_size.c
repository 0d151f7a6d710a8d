// RUN: rm -f %t.out.c
// RUN: not %fgcc %s --width 4 -o %t.out.c 2>&1 | FileCheck %s
// RUN: test ! -e %t.out.c
// RUN: %fgcc %s -o %t.one.c
// Vector mode refuses a shadow allocation of structs whose size is not
// written as a multiple of sizeof(struct S): its tangent struct has another
// size, and fgcc cannot tell how many structs 24 bytes are. Width 1 accepts it.
#include <fgcc.h>
#include <stdlib.h>

struct vec { double x, y, z; };

FG_DIFF double f(double x, int n) {
  // CHECK: refuse_vec_struct_size.c:[[@LINE+1]]:{{[0-9]+}}: error: vector mode (--width 4) does not support a size of memory holding 'struct vec' that is not written as a multiple of its sizeof (n * sizeof(struct vec), sizeof *p) yet
  struct vec *v = malloc(n * 24);
  v[0].x = x;
  double r = v[0].x * x;
  free(v);
  return r;
}
