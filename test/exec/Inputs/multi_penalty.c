// The penalty of multi_file.c: its own static square and scale (same names
// as the model file's, different bodies and values). square(c) is called
// with an inactive argument: out.c needs this file's primal square.
#include <math.h>

static double scale = 0.25;

static double square(double t) { return 0.5 * t * t; }

double penalty(double w, double c) { return scale * (square(w) + exp(w)) * square(c); }
