// RUN: %fgcc %s -o %t.jvp.c
// RUN: %cc -c %t.jvp.c -o %t.jvp.o
// RUN: %gcc -fsyntax-only %t.jvp.c
// RUN: %cc -DFG_TEST_MAIN %s %t.jvp.o -o %t.exe %libm
// RUN: %t.exe
// Every l-suffixed math.h function, differentiated in long double precision:
// each output tangent is compared with Richardson extrapolation in long double
// and with the derivative formula evaluated in long double.
#include <fgcc.h>
#include <math.h>

#define NOUT 37

FG_DIFF void f(long double x, long double y, long double *out) {
  out[0] = expl(x * y);
  out[1] = exp2l(x + y);
  out[2] = expm1l(x * y);
  out[3] = logl(x * y);
  out[4] = log2l(x + y);
  out[5] = log10l(x * y);
  out[6] = log1pl(x * y);
  out[7] = sqrtl(x * y);
  out[8] = cbrtl(x - y);
  out[9] = powl(x, y);
  out[10] = sinl(x * y);
  out[11] = cosl(x * y);
  out[12] = tanl(x * y);
  out[13] = asinl(x * y);
  out[14] = acosl(x * y);
  out[15] = atanl(x * y);
  out[16] = atan2l(x, y);
  out[17] = sinhl(x * y);
  out[18] = coshl(x * y);
  out[19] = tanhl(x * y);
  out[20] = asinhl(x * y);
  out[21] = acoshl(x + y);
  out[22] = atanhl(x * y);
  out[23] = erfl(x * y);
  out[24] = erfcl(x * y);
  out[25] = hypotl(x, y);
  out[26] = fabsl(x - y);
  out[27] = fminl(x, y);
  out[28] = fmaxl(x, y);
  out[29] = fmal(x, y, x);
  out[30] = fmodl(y, x);
  out[31] = copysignl(x, -y);
  out[32] = floorl(3 * y) * x;
  out[33] = ceill(3 * y) * x;
  out[34] = roundl(3 * y) * x;
  out[35] = truncl(3 * y) * x;
  out[36] = ldexpl(x * y, 3);
}

#ifdef FG_TEST_MAIN
#include <stdio.h>
#include "fgcheck.h"

void f_jvp(long double x, long double x_dot, long double y, long double y_dot, long double *out,
           long double *out_dot);

static const char *const names[NOUT] = {"expl", "exp2l", "expm1l", "logl", "log2l", "log10l", "log1pl", "sqrtl", "cbrtl", "powl", "sinl", "cosl", "tanl", "asinl", "acosl", "atanl", "atan2l", "sinhl", "coshl", "tanhl", "asinhl", "acoshl", "atanhl", "erfl", "erfcl", "hypotl", "fabsl", "fminl", "fmaxl", "fmal", "fmodl", "copysignl", "floorl", "ceill", "roundl", "truncl", "ldexpl"};

typedef struct { long double x, y, dx, dy; int i; } Line;

/* output i of f along the line (x, y) + h (dx, dy) */
static long double along(long double h, void *ctx) {
  const Line *l = ctx;
  long double out[NOUT];
  f(l->x + h * l->dx, l->y + h * l->dy, out);
  return out[l->i];
}

int main(void) {
  fg_rand_seed(78);
  for (int k = 0; k < 5; k++) {
    long double x = fg_rand_uniform(0.3, 0.5);
    long double y = fg_rand_uniform(1.2, 1.6);
    long double dx = fg_rand_uniform(-1, 1);
    long double dy = fg_rand_uniform(-1, 1);
    long double du = dx * y + x * dy;
    /* keep away from the jumps of fmod, floor, ceil, round, trunc */
    long double q = y / x - floorl(y / x), t = 3 * y - floorl(3 * y);
    if (q < 0.05L || q > 0.95L || t < 0.05L || t > 0.95L || fabsl(t - 0.5L) < 0.05L) {
      k--;
      continue;
    }
    long double out[NOUT], out_dot[NOUT], expect[NOUT];
    for (int i = 0; i < NOUT; i++)
      out[i] = out_dot[i] = NAN;
    f_jvp(x, dx, y, dy, out, out_dot);
    f(x, y, expect);
    long double ref[NOUT];
    ref[0] = expl(x * y) * du;
    ref[1] = exp2l(x + y) * logl(2.0L) * (dx + dy);
    ref[2] = expl(x * y) * du;
    ref[3] = du / (x * y);
    ref[4] = (dx + dy) / ((x + y) * logl(2.0L));
    ref[5] = du / (x * y * logl(10.0L));
    ref[6] = du / (1 + x * y);
    ref[7] = du / (2 * sqrtl(x * y));
    ref[8] = (dx - dy) / (3 * cbrtl(x - y) * cbrtl(x - y));
    ref[9] = y * powl(x, y - 1) * dx + powl(x, y) * logl(x) * dy;
    ref[10] = cosl(x * y) * du;
    ref[11] = -sinl(x * y) * du;
    ref[12] = du / (cosl(x * y) * cosl(x * y));
    ref[13] = du / sqrtl(1 - x * y * x * y);
    ref[14] = -du / sqrtl(1 - x * y * x * y);
    ref[15] = du / (1 + x * y * x * y);
    ref[16] = (y * dx - x * dy) / (x * x + y * y);
    ref[17] = coshl(x * y) * du;
    ref[18] = sinhl(x * y) * du;
    ref[19] = du / (coshl(x * y) * coshl(x * y));
    ref[20] = du / sqrtl(x * y * x * y + 1);
    ref[21] = (dx + dy) / sqrtl((x + y) * (x + y) - 1);
    ref[22] = du / (1 - x * y * x * y);
    ref[23] = 2 / sqrtl(acosl(-1.0L)) * expl(-x * y * x * y) * du;
    ref[24] = -2 / sqrtl(acosl(-1.0L)) * expl(-x * y * x * y) * du;
    ref[25] = (x * dx + y * dy) / sqrtl(x * x + y * y);
    ref[26] = dy - dx;
    ref[27] = dx;
    ref[28] = dy;
    ref[29] = dx * y + x * dy + dx;
    ref[30] = dy - truncl(y / x) * dx;
    ref[31] = -dx;
    ref[32] = floorl(3 * y) * dx;
    ref[33] = ceill(3 * y) * dx;
    ref[34] = roundl(3 * y) * dx;
    ref[35] = truncl(3 * y) * dx;
    ref[36] = 8 * du;
    for (int i = 0; i < NOUT; i++) {
      char what[64];
      Line l = {x, y, dx, dy, i};
      snprintf(what, sizeof what, "%s: primal", names[i]);
      fg_check_close(what, out[i], expect[i], 0, 0);
      snprintf(what, sizeof what, "%s: tangent vs Richardson", names[i]);
      fg_check_close(what, out_dot[i], fg_richardson(along, &l, 1e-3L), 1e-10L, 1e-14L);
      snprintf(what, sizeof what, "%s: tangent vs formula", names[i]);
      fg_check_close(what, out_dot[i], ref[i], 1e-14L, 1e-17L);
    }
  }
  return fg_check_report();
}
#endif
