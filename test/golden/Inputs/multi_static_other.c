#include "multi_shared.h"

static double k = 3.0;

static double sq(double t) { return t * t + k; }

double other(double u) { return twice(sq(u)) + sq(k); }
