/*
 * Least-squares fit of a decaying exponential, y ≈ a exp(-b t) + c: the
 * smallest complete use of fgcc with libfgrt's training driver (main.c).
 */
#include <fgcc.h>
#include <math.h>

/* Mean squared residual of the model p = (a, b, c) on n points (t, y). */
FG_DIFF double fit_loss(FG_WRT const double *p, const double *t, const double *y, int n) {
  double sum = 0;
  for (int i = 0; i < n; i++) {
    double r = p[0] * exp(-p[1] * t[i]) + p[2] - y[i];
    sum += r * r;
  }
  return sum / n;
}
