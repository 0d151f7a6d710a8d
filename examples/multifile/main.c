/*
 * The multifile example: fgcc_add_jvp(multifile loss.c model.c) generates
 * loss_jvp from two files. Checks the directional derivative against the
 * hand-derived gradient of
 *   L(p) = 1/2 sum_i w_i (a exp(-b t_i) + c - y_i)^2,  w_i = 1 / (1 + 0.1 t_i):
 *   dL/da = sum w_i r_i e_i,  dL/db = -sum w_i r_i a t_i e_i,  dL/dc = sum w_i r_i
 * with e_i = exp(-b t_i), r_i the residual.
 */
#include <math.h>
#include <stdio.h>

#include "model.h"

double loss_jvp(const double *p, const double *p_dot, const double *t, const double *y, int n,
                double *ret_dot);

enum { N = 12 };

int main(void) {
  double t[N], y[N];
  for (int i = 0; i < N; i++) {
    t[i] = 0.5 * i;
    y[i] = 3.0 * exp(-0.7 * t[i]) + 0.2 + 0.01 * ((i * 7) % 5 - 2);
  }
  const double p[3] = {2.5, 0.5, 0.1};
  const double dirs[4][3] = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}, {0.3, -0.7, 0.2}};
  double grad[3] = {0, 0, 0};
  for (int i = 0; i < N; i++) {
    double e = exp(-p[1] * t[i]), w = 1.0 / (1.0 + 0.1 * t[i]);
    double r = p[0] * e + p[2] - y[i];
    grad[0] += w * r * e;
    grad[1] -= w * r * p[0] * t[i] * e;
    grad[2] += w * r;
  }
  int failures = 0;
  for (int k = 0; k < 4; k++) {
    double dot = NAN;
    double val = loss_jvp(p, dirs[k], t, y, N, &dot);
    double hand = grad[0] * dirs[k][0] + grad[1] * dirs[k][1] + grad[2] * dirs[k][2];
    int ok = fabs(dot - hand) <= 1e-12 * fabs(hand) + 1e-14 && val == loss(p, t, y, N);
    printf("direction %d: loss_jvp %.15g, hand %.15g %s\n", k, dot, hand, ok ? "ok" : "FAIL");
    failures += !ok;
  }
  return failures != 0;
}
