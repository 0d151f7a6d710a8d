#include <fgcc.h>
#ifndef SCALE
#error SCALE comes from this file's compile command
#endif
#ifdef OFFSET
#error OFFSET belongs to the other file's compile command
#endif
double shift(double x);
FG_DIFF double f(double x) { return SCALE * shift(x) * COMMON; }
