/* The logistic regression's functions in one precision (built twice), for example.c. */
#include "example.h"
#include "real.h"

real R(logreg_loss)(const real *theta, const real *x, const int *y, int n);
real R_JVP(logreg_loss)(const real *theta, const real *theta_dot, const real *x, const int *y, int n, real *ret_dot);
real R_JVP8(logreg_loss)(const real *theta, const real *theta_dot, const real *x, const int *y, int n, real *ret_dot);
real R(logreg_grad)(const real *theta, const real *x, const int *y, int n, real *grad);
void R(logreg_logits)(const real *theta, const real *x, int n, real *z);

const example_fns R(logreg_fns) = {R(logreg_loss), R_JVP(logreg_loss), R(logreg_grad), R(logreg_logits),
                                R_JVP8(logreg_loss)};
