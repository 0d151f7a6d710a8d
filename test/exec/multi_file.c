// RUN: %fgcc %s %S/Inputs/multi_model.c %S/Inputs/multi_penalty.c -o %t.jvp.c
// RUN: %cc -c %t.jvp.c -o %t.jvp.o
// RUN: %gcc -fsyntax-only %t.jvp.c
// RUN: %cc -c %S/Inputs/multi_model.c -o %t.model.o
// RUN: %cc -c %S/Inputs/multi_penalty.c -o %t.penalty.o
// RUN: %cc -DFG_TEST_MAIN %s %t.jvp.o %t.model.o %t.penalty.o -o %t.exe %libm
// RUN: %t.exe
// Three input files: the loss here calls model() and penalty(), defined in
// the two other files; each of those has its own static square() and static
// scale, and this file a third static square(). The marker on the
// declaration of model() here (FG_DIFF, FG_WRT) applies to its definition in
// the model file. Checked against Richardson differences and the hand
// derivative.
#include <fgcc.h>

FG_DIFF double model(FG_WRT double w, double x);
double penalty(double w, double c);

static double square(double t) { return t * t * t; }

FG_DIFF double loss(double w, double x) { return square(model(w, x) - 1.0) + penalty(w, 3.0); }

#ifdef FG_TEST_MAIN
#include <math.h>
#include "fgcheck.h"

double loss_jvp(double w, double w_dot, double x, double x_dot, double *ret_dot);
double model_jvp(double w, double w_dot, double x, double *ret_dot);

typedef struct { double w, x, dw, dx; } Line;

static long double along_loss(long double t, void *ctx) {
  const Line *l = ctx;
  return loss((double)(l->w + t * l->dw), (double)(l->x + t * l->dx));
}

static long double along_model(long double t, void *ctx) {
  const Line *l = ctx;
  return model((double)(l->w + t * l->dw), l->x);
}

int main(void) {
  fg_rand_seed(1303);
  for (int k = 0; k < 8; k++) {
    Line l;
    double w = l.w = fg_rand_uniform(-1.5, 1.5);
    double x = l.x = fg_rand_uniform(-1.5, 1.5);
    double dw = l.dw = fg_rand_uniform(-1, 1);
    double dx = l.dx = fg_rand_uniform(-1, 1);
    /* model = 2 sin(w x) + (w - x)^2, penalty = 0.25 (w^2/2 + e^w) (9/2),
     * loss = (model - 1)^3 + penalty */
    double m = 2 * sin(w * x) + (w - x) * (w - x);
    double dm = 2 * cos(w * x) * (dw * x + w * dx) + 2 * (w - x) * (dw - dx);
    double hand = 3 * (m - 1) * (m - 1) * dm + 0.25 * 4.5 * (w + exp(w)) * dw;
    double ret_dot = NAN;
    double r = loss_jvp(w, dw, x, dx, &ret_dot);
    fg_check_close("multi_file: primal", r, loss(w, x), 0, 0);
    fg_check_close("multi_file: tangent vs Richardson", ret_dot, fg_richardson(along_loss, &l, 1e-3), 1e-8, 1e-11);
    fg_check_close("multi_file: tangent vs formula", ret_dot, hand, 1e-11, 1e-12);
    double mdot = NAN;
    double mr = model_jvp(w, dw, x, &mdot);
    fg_check_close("multi_file: model primal", mr, model(w, x), 0, 0);
    fg_check_close("multi_file: model tangent vs Richardson", mdot, fg_richardson(along_model, &l, 1e-3), 1e-8, 1e-12);
    fg_check_close("multi_file: model tangent vs formula", mdot, 2 * cos(w * x) * dw * x + 2 * (w - x) * dw, 1e-12, 1e-13);
  }
  return fg_check_report();
}
#endif
