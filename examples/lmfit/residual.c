/*
 * Two nonlinear least-squares problems from Moré, Garbow and Hillstrom,
 * "Testing Unconstrained Optimization Software", ACM TOMS 7(1), 1981,
 * problems 17 and 19 (data as printed there and in MINPACK's test driver
 * ssqfcn): Osborne 1, a sum of two exponentials fitted to 33 points, and
 * Osborne 2, an exponential plus three Gaussians fitted to 65 points.
 * Plain C; fgcc --width 8 generates osborne1_jvp8 and osborne2_jvp8 at
 * build time (8 Jacobian columns per call).
 */
#include <fgcc.h>
#include <math.h>

#define OSBORNE1_M 33
#define OSBORNE2_M 65

static const double Y1[OSBORNE1_M] = {
    0.844, 0.908, 0.932, 0.936, 0.925, 0.908, 0.881, 0.850, 0.818, 0.784, 0.751,
    0.718, 0.685, 0.658, 0.628, 0.603, 0.580, 0.558, 0.538, 0.522, 0.506, 0.490,
    0.478, 0.467, 0.457, 0.448, 0.438, 0.431, 0.424, 0.420, 0.414, 0.411, 0.406};

static const double Y2[OSBORNE2_M] = {
    1.366, 1.191, 1.112, 1.013, 0.991, 0.885, 0.831, 0.847, 0.786, 0.725,
    0.746, 0.679, 0.608, 0.655, 0.616, 0.606, 0.602, 0.626, 0.651, 0.724,
    0.649, 0.649, 0.694, 0.644, 0.624, 0.661, 0.612, 0.558, 0.533, 0.495,
    0.500, 0.423, 0.395, 0.375, 0.372, 0.391, 0.396, 0.405, 0.428, 0.429,
    0.523, 0.562, 0.607, 0.653, 0.672, 0.708, 0.633, 0.668, 0.645, 0.632,
    0.591, 0.559, 0.597, 0.625, 0.739, 0.710, 0.729, 0.720, 0.636, 0.581,
    0.428, 0.292, 0.162, 0.098, 0.054};

/* Osborne 1: r_i = y_i - (x1 + x2 exp(-t_i x4) + x3 exp(-t_i x5)), t_i = 10 i */
FG_DIFF void osborne1(FG_WRT const double *x, double *r) {
  for (int i = 0; i < OSBORNE1_M; i++) {
    double t = 10.0 * i;
    r[i] = Y1[i] - (x[0] + x[1] * exp(-t * x[3]) + x[2] * exp(-t * x[4]));
  }
}

/* Osborne 2: r_i = y_i - (x1 exp(-t_i x5) + Σ_{k=2..4} x_k exp(-(t_i - x_{k+7})² x_{k+4})),
 * t_i = i / 10 */
FG_DIFF void osborne2(FG_WRT const double *x, double *r) {
  for (int i = 0; i < OSBORNE2_M; i++) {
    double t = i / 10.0, model = x[0] * exp(-t * x[4]);
    for (int k = 1; k < 4; k++) {
      double d = t - x[k + 7];
      model += x[k] * exp(-d * d * x[k + 4]);
    }
    r[i] = Y2[i] - model;
  }
}
