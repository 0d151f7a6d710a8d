// A user derivative's pointer argument that carries no derivative at a call
// gets a null tangent pointer (0); a scalar one gets 0. The weights w are the
// only active parameter, so data and scale pass no tangent.
// RUN: %fgcc %s -o %t.c
// RUN: grep -v '^ *//' %t.c | FileCheck %s
// RUN: %cc -fsyntax-only %t.c
// RUN: %gcc -O2 -c %t.c -o %t.o
#include <fgcc.h>

double score(const double *data, const double *w, double scale, int n);
FG_JVP(score) double score_jvp(const double *data, const double *data_dot, const double *w, const double *w_dot,
                               double scale, double scale_dot, int n, double *ret_dot);

FG_DIFF double loss(const double *data, FG_WRT const double *w, double scale, int n) {
  return score(data, w, scale, n);
}
// CHECK-LABEL: {{^}}/* d loss / d w:
// CHECK-NEXT:  {{^}}double loss_jvp(const double *data, const double *w, const double *[[WD:w_dot[0-9]*]], double scale, int n, double *[[RD:ret_dot[0-9]*]]){{$}}
// CHECK:       {{^}}    [[S:fg_t[0-9]+]] = score_jvp(data, 0, w, [[WD]], scale, 0, n, &[[SD:fg_t[0-9]+]]);
// CHECK-NEXT:  {{^}}    *[[RD]] = [[SD]];
// CHECK-NEXT:  {{^}}    return [[S]];
