// The model of multi_file.c: calls a static helper whose name the
// penalty file uses for its own static helper too, and reads a static global
// of a name the penalty file also uses.
#include <math.h>

static double scale = 2.0;

static double square(double t) { return t * t; }

double model(double w, double x) { return scale * sin(w * x) + square(w - x); }
