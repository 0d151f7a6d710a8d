// A K&R definition receives its float and short arguments promoted to
// double and int: the prototype out.c writes for it must say so, or calls
// from the generated code would pass them unpromoted.
// RUN: %fgcc %s -o %t.c --fn scale
// RUN: grep -v '^ *//' %t.c | FileCheck %s
// RUN: %gcc -fsyntax-only %t.c
double scale(x, k, n)
float x;
short k;
double n;
{
    return x * k * n;
}
// CHECK: {{^}}double scale(double x, int k, double n);
// CHECK: {{^}}double scale_jvp(float x, float x_dot, short k, double n, double n_dot, double *ret_dot);
