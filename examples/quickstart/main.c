/*
 * The quick-start driver: evaluates the loss of loss.c and the directional
 * derivative fgcc generated (loss_jvp), and checks it against a central
 * finite difference.
 *
 * The calling convention (see fgcc.h): the active parameter w is followed by
 * its tangent w_dot, the direction v; the derivative grad f . v comes back
 * through the final ret_dot pointer.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>

enum { N = 200, D = 6 };

double loss(int n, int d, const double *x, const double *y, const double *w, double lambda);
double loss_jvp(int n, int d, const double *x, const double *y, const double *w, const double *w_dot,
                double lambda, double *ret_dot);

/* splitmix64: the same data on every machine */
static uint64_t rng_state = 2024;
static double uniform(double lo, double hi) {
  uint64_t z = (rng_state += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  z ^= z >> 31;
  return lo + (hi - lo) * (double)(z >> 11) * 0x1.0p-53;
}

/* Labels from a hidden linear rule, with 10% of them flipped. */
static void make_data(double *x, double *y) {
  double truth[D];
  for (int j = 0; j < D; j++)
    truth[j] = uniform(-2, 2);
  for (int i = 0; i < N; i++) {
    double s = 0;
    for (int j = 0; j < D; j++)
      s += (x[i * D + j] = uniform(-1, 1)) * truth[j];
    y[i] = (s >= 0) == (uniform(0, 1) < 0.9) ? 1 : -1;
  }
}

/* (f(w + h v) - f(w - h v)) / 2h */
static double central_difference(const double *x, const double *y, const double *w, const double *v,
                                 double lambda) {
  const double h = 1e-5;
  double wp[D], wm[D];
  for (int j = 0; j < D; j++) {
    wp[j] = w[j] + h * v[j];
    wm[j] = w[j] - h * v[j];
  }
  return (loss(N, D, x, y, wp, lambda) - loss(N, D, x, y, wm, lambda)) / (2 * h);
}

int main(void) {
  static double x[N * D], y[N];
  double w[D], v[D], lambda = 0.01, worst = 0;
  make_data(x, y);
  for (int j = 0; j < D; j++)
    w[j] = uniform(-1, 1);
  printf("loss over %d samples, %d weights\n\n", N, D);
  printf("%-5s %-20s %-22s %-22s %s\n", "v", "f(w)", "grad f . v  (fgcc)", "central difference", "rel. diff");
  for (int k = 1; k <= 5; k++) {
    for (int j = 0; j < D; j++)
      v[j] = uniform(-1, 1);
    double jvp, f = loss_jvp(N, D, x, y, w, v, lambda, &jvp);
    double fd = central_difference(x, y, w, v, lambda);
    double rel = fabs(jvp - fd) / fabs(fd);
    worst = rel > worst ? rel : worst;
    printf("v%-4d %-20.15f %-22.15f %-22.15f %.1e\n", k, f, jvp, fd, rel);
  }
  printf("\nforward mode: one loss_jvp call per direction; the full gradient takes %d calls\n"
         "(v = unit vectors). The two columns differ by the finite difference's own error.\n",
         D);
  return worst < 1e-6 ? 0 : 1;
}
