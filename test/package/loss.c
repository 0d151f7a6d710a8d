/*
 * The outside project's loss: f(w) = sum_i w_i^2 sin(w_i) + (sum_i w_i)^2 / 2,
 * differentiated by the installed fgcc at build time (fgcc_add_jvp).
 */
#include <fgcc.h>
#include <math.h>

FG_DIFF double energy(FG_WRT const double *w, int n) {
  double total = 0, sum = 0;
  for (int i = 0; i < n; i++) {
    total += w[i] * w[i] * sin(w[i]);
    sum += w[i];
  }
  return total + 0.5 * sum * sum;
}
