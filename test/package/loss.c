/*
 * The outside project's loss: f(w) = sum_i w_i^2 sin(w_i) + (sum_i w_i)^2 / 2,
 * the second term in another file (penalty.c), differentiated by the
 * installed fgcc at build time (fgcc_add_jvp with both sources, at width 1
 * and at width 4).
 */
#include <fgcc.h>
#include <math.h>

double penalty(const double *w, int n); /* penalty.c */

FG_DIFF double energy(FG_WRT const double *w, int n) {
  double total = 0;
  for (int i = 0; i < n; i++)
    total += w[i] * w[i] * sin(w[i]);
  return total + penalty(w, n);
}
