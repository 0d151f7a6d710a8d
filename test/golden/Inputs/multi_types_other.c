#include "multi_types_unguarded.h"

struct weights { double w1, w2; };
typedef double real;

real dot(point p, struct weights w) { return w.w1 * p.x + w.w2 * p.y; }
