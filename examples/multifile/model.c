/* The model, in its own file; `decay` is static here and in loss.c. */
#include <math.h>

#include "model.h"

static double decay(double b, double t) { return exp(-b * t); }

double model(const double *p, double t) { return p[0] * decay(p[1], t) + p[2]; }
