/* The MLP's functions in one precision (built twice), for example.c: the
 * loss with the layer sizes chosen by --hidden (model.c). */
#include "example.h"
#include "real.h"

extern int mlp_sizes[], mlp_layers;

real R(mlp_loss)(const real *theta, const real *x, const int *y, int n, const int *sizes, int layers);
real R_JVP(mlp_loss)(const real *theta, const real *theta_dot, const real *x, const int *y, int n,
                     const int *sizes, int layers, real *ret_dot);
real R_JVP8(mlp_loss)(const real *theta, const real *theta_dot, const real *x, const int *y, int n,
                      const int *sizes, int layers, real *ret_dot);
real R(mlp_grad)(const real *theta, const real *x, const int *y, int n, const int *sizes, int layers, real *grad);
void R(mlp_logits)(const real *theta, const real *x, int n, const int *sizes, int layers, real *out);

static real loss(const real *theta, const real *x, const int *y, int n) {
  return R(mlp_loss)(theta, x, y, n, mlp_sizes, mlp_layers);
}

static real loss_jvp(const real *theta, const real *v, const real *x, const int *y, int n, real *dfv) {
  return R_JVP(mlp_loss)(theta, v, x, y, n, mlp_sizes, mlp_layers, dfv);
}

static real loss_jvp_w(const real *theta, const real *v, const real *x, const int *y, int n, real *dfv) {
  return R_JVP8(mlp_loss)(theta, v, x, y, n, mlp_sizes, mlp_layers, dfv);
}

static real loss_grad(const real *theta, const real *x, const int *y, int n, real *grad) {
  return R(mlp_grad)(theta, x, y, n, mlp_sizes, mlp_layers, grad);
}

static void logits(const real *theta, const real *x, int n, real *z) {
  R(mlp_logits)(theta, x, n, mlp_sizes, mlp_layers, z);
}

const example_fns R(mlp_fns) = {loss, loss_jvp, loss_grad, logits, loss_jvp_w};
