#include <fgcc.h>

FG_DIFF double f(double x, double y) { return x * y; }
