/* The second input of multi_file_shared_types.c: the same headers, and the
 * same real and struct weights defined here again. */
#include "multi_types_guarded.h"
#include "multi_types_point.h"

typedef double real;
struct weights { real w1, w2; };

real norm2(point p, struct weights w, enum shape s, pair q) {
  real r = w.w1 * p.x * p.x + w.w2 * p.y;
  return (s == SQUARE ? r * r : r) + q.a * q.b;
}
