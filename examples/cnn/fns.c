/* The CNN's functions in one precision (built twice), for example.c: the
 * loss with the shape chosen by --channels and --hidden (model.c). */
#include "example.h"
#include "real.h"

extern int cnn_channels, cnn_hidden;

real R(cnn_loss)(const real *theta, const real *x, const int *y, int n, int c, int hidden);
real R_JVP(cnn_loss)(const real *theta, const real *theta_dot, const real *x, const int *y, int n, int c, int hidden,
                     real *ret_dot);
real R_JVP8(cnn_loss)(const real *theta, const real *theta_dot, const real *x, const int *y, int n, int c, int hidden,
                      real *ret_dot);
real R(cnn_grad)(const real *theta, const real *x, const int *y, int n, int c, int hidden, real *grad);
void R(cnn_logits)(const real *theta, const real *x, int n, int c, int hidden, real *out);

static real loss(const real *theta, const real *x, const int *y, int n) {
  return R(cnn_loss)(theta, x, y, n, cnn_channels, cnn_hidden);
}

static real loss_jvp(const real *theta, const real *v, const real *x, const int *y, int n, real *dfv) {
  return R_JVP(cnn_loss)(theta, v, x, y, n, cnn_channels, cnn_hidden, dfv);
}

static real loss_jvp_w(const real *theta, const real *v, const real *x, const int *y, int n, real *dfv) {
  return R_JVP8(cnn_loss)(theta, v, x, y, n, cnn_channels, cnn_hidden, dfv);
}

static real loss_grad(const real *theta, const real *x, const int *y, int n, real *grad) {
  return R(cnn_grad)(theta, x, y, n, cnn_channels, cnn_hidden, grad);
}

static void logits(const real *theta, const real *x, int n, real *z) {
  R(cnn_logits)(theta, x, n, cnn_channels, cnn_hidden, z);
}

const example_fns R(cnn_fns) = {loss, loss_jvp, loss_grad, logits, loss_jvp_w};
