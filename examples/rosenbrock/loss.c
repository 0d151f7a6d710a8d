/*
 * The two test functions of the first experiment of Baydin et al. (2022),
 * §5.1: forward gradient descent against gradient descent on Beale's and
 * Rosenbrock's functions of two variables. Plain C; fgcc generates
 * rosenbrock_jvp and beale_jvp at build time.
 */
#include <fgcc.h>

/* Rosenbrock's banana: (1 - x)² + 100 (y - x²)², minimum 0 at (1, 1) at the
 * end of a long curved valley. */
FG_DIFF double rosenbrock(FG_WRT const double *p) {
  double x = p[0], y = p[1];
  double a = 1 - x, b = y - x * x;
  return a * a + 100 * b * b;
}

/* Beale's function: (1.5 - x + xy)² + (2.25 - x + xy²)² + (2.625 - x + xy³)²,
 * minimum 0 at (3, 0.5), flat plateaus and steep walls. */
FG_DIFF double beale(FG_WRT const double *p) {
  double x = p[0], y = p[1];
  double a = 1.5 - x + x * y, b = 2.25 - x + x * y * y, c = 2.625 - x + x * y * y * y;
  return a * a + b * b + c * c;
}
