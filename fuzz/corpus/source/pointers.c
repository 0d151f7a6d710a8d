#include <fgcc.h>
#include <math.h>
struct layer { int n; double w[4]; double *b; };
static double act(double v) { return v > 0 ? v : 0.01 * v; }
FG_DIFF void fwd(const struct layer *l, const double *x, double *y) {
  for (int i = 0; i < l->n; i++) {
    double s = l->b[i];
    for (int j = 0; j < 4; j++)
      s += l->w[j] * x[j];
    y[i] = act(tanh(s));
  }
}
