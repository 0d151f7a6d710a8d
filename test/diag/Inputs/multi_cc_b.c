#ifndef OFFSET
#error OFFSET comes from this file's compile command
#endif
#ifdef SCALE
#error SCALE belongs to the other file's compile command
#endif
double shift(double x) { return x * x + OFFSET * COMMON; }
