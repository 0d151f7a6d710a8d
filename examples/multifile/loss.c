/* A least-squares loss over data, calling model() from model.c. Its own
 * static `decay` (a weight on later samples) has the name of model.c's:
 * fgcc keeps them apart (decay__loss, decay__model in the generated file). */
#include <fgcc.h>

#include "model.h"

static double decay(double b, double t) { return 1.0 / (1.0 + b * t); }

FG_DIFF double loss(FG_WRT const double *p, const double *t, const double *y, int n) {
  double s = 0;
  for (int i = 0; i < n; i++) {
    double r = model(p, t[i]) - y[i];
    s += decay(0.1, t[i]) * r * r;
  }
  return 0.5 * s;
}
