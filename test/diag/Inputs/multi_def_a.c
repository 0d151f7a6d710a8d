#include <fgcc.h>

double w = 1.0;

double g(double x) { return x * w; }

FG_DIFF double f(double x) { return g(x) * x; }
