#ifndef MULTI_TYPES_GUARDED_H
#define MULTI_TYPES_GUARDED_H
typedef struct { double a, b; } pair;
#endif
