// Vector mode: the tangent update of an OpenMP atomic update is one scalar
// atomic per direction (OpenMP has no atomic vector update): the right-hand
// side once into a vector local, then a loop over the K values of the
// tangent, each `#pragma omp atomic`; the primal update stays atomic after it.
// RUN: %fgcc --width 2 %s -o %t.c -- -fopenmp
// RUN: grep -v '^ *//' %t.c | FileCheck %s
// RUN: %gcc -fopenmp -fsyntax-only %t.c
#include <fgcc.h>

FG_DIFF double f(const double *x, int n) {
  double s = 0;
#pragma omp parallel for
  for (int i = 0; i < n; i++) {
#pragma omp atomic
    s += x[i] * x[i];
  }
  return s;
}
// CHECK-LABEL: {{^}}double f_jvp2(
// CHECK:       {{^}}            fg_v2d fg_a __attribute__((aligned(16))) = x_dot_v[i] * x[i] + x[i] * x_dot_v[i];
// CHECK-NEXT:  {{^}}            for (int fg_k = 0; fg_k < 2; fg_k++) {
// CHECK-NEXT:  {{^}}                #pragma omp atomic
// CHECK-NEXT:  {{^}}                ((double *)&s_dot)[fg_k] += fg_a[fg_k];
// CHECK-NEXT:  {{^}}            }
// CHECK-NEXT:  {{^}}        }
// CHECK-NEXT:  {{^}}        #pragma omp atomic
// CHECK-NEXT:  {{^}}        s += x[i] * x[i];
