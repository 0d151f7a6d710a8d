// Vector mode at --width 8 (chunk.c): a tangent is a fg_a8d (FG_CHUNKS
// chunks of fg_c8d, one vector register each under gcc), and each tangent
// statement runs once per chunk under FG_EACH with its vector leaves as
// FG_H(...); a declaration with an initializer becomes the declaration,
// then its loop; a scalar call inside a tangent expression is computed
// once, before the loop (fg_c1).
// RUN: %fgcc %s --width 8 -o %t.c
// RUN: grep -v '^ *//' %t.c | FileCheck %s
// RUN: %cc -fsyntax-only %t.c
// RUN: %cc -DFG_CHUNKS=2 -fsyntax-only %t.c
// RUN: %gcc -O2 -c %t.c -o %t.o
#include <fgcc.h>
#include <math.h>

FG_DIFF double f(const double *w, double s, int n) {
  double t = 0;
  for (int i = 0; i < n; i++)
    t += pow(w[i], 3) * s;
  return t;
}
// CHECK:       {{^}}#define FG_EACH for (int fg_h = 0; fg_h < FG_CHUNKS; fg_h++){{$}}
// CHECK-NEXT:  {{^}}#define FG_H(x) (x)[fg_h]{{$}}
// CHECK-NEXT:  {{^}}typedef fg_c8d fg_a8d[FG_CHUNKS];{{$}}
// CHECK:       {{^}}double f_jvp8(const double *w, const double *w_dot, double s, const double *s_dot, int n, double *ret_dot){{$}}
// CHECK:       {{^}}    fg_a8d *w_dot_v = (fg_a8d *)w_dot;{{$}}
// CHECK:       {{^}}    fg_a8d t_dot;{{$}}
// CHECK-NEXT:  {{^}}    FG_EACH{{$}}
// CHECK-NEXT:  {{^}}    {{{$}}
// CHECK-NEXT:  {{^}}        FG_H(t_dot) = (fg_c8d){0};{{$}}
// CHECK-NEXT:  {{^}}    }{{$}}
// CHECK:       {{^}}        const double fg_c1 = {{.*}}pow(w[i], 3 - 1){{.*}};{{$}}
// CHECK-NEXT:  {{^}}        FG_EACH{{$}}
// CHECK-NEXT:  {{^}}        {{{$}}
// CHECK-NEXT:  {{^}}            FG_H(t_dot) += (double)fg_c1 * FG_H(w_dot_v[i]) * s + {{fg_t[0-9]+}} * FG_H(s_dot_v);{{$}}
