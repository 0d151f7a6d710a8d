#include <fgcc.h>
FG_DIFF double f(double x) { return x * x; }
