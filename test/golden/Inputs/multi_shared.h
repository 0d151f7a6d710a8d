#ifndef MULTI_SHARED_H
#define MULTI_SHARED_H
/* Read by both files of multi_static_names.c: one function, never renamed. */
static inline double twice(double t) { return 2.0 * t; }
double other(double u);
#endif
