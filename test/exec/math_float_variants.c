// RUN: %fgcc %s -o %t.jvp.c
// RUN: %cc -c %t.jvp.c -o %t.jvp.o
// RUN: %gcc -fsyntax-only %t.jvp.c
// RUN: %cc -DFG_TEST_MAIN %s %t.jvp.o -o %t.exe %libm
// RUN: %t.exe
// Every f-suffixed math.h function, differentiated in float precision: each
// output tangent is compared with the derivative formula evaluated in double.
#include <fgcc.h>
#include <math.h>

#define NOUT 37

FG_DIFF void f(float x, float y, float *out) {
  out[0] = expf(x * y);
  out[1] = exp2f(x + y);
  out[2] = expm1f(x * y);
  out[3] = logf(x * y);
  out[4] = log2f(x + y);
  out[5] = log10f(x * y);
  out[6] = log1pf(x * y);
  out[7] = sqrtf(x * y);
  out[8] = cbrtf(x - y);
  out[9] = powf(x, y);
  out[10] = sinf(x * y);
  out[11] = cosf(x * y);
  out[12] = tanf(x * y);
  out[13] = asinf(x * y);
  out[14] = acosf(x * y);
  out[15] = atanf(x * y);
  out[16] = atan2f(x, y);
  out[17] = sinhf(x * y);
  out[18] = coshf(x * y);
  out[19] = tanhf(x * y);
  out[20] = asinhf(x * y);
  out[21] = acoshf(x + y);
  out[22] = atanhf(x * y);
  out[23] = erff(x * y);
  out[24] = erfcf(x * y);
  out[25] = hypotf(x, y);
  out[26] = fabsf(x - y);
  out[27] = fminf(x, y);
  out[28] = fmaxf(x, y);
  out[29] = fmaf(x, y, x);
  out[30] = fmodf(y, x);
  out[31] = copysignf(x, -y);
  out[32] = floorf(3 * y) * x;
  out[33] = ceilf(3 * y) * x;
  out[34] = roundf(3 * y) * x;
  out[35] = truncf(3 * y) * x;
  out[36] = ldexpf(x * y, 3);
}

#ifdef FG_TEST_MAIN
#include <stdio.h>
#include "fgcheck.h"

void f_jvp(float x, float x_dot, float y, float y_dot, float *out, float *out_dot);

static const char *const names[NOUT] = {"expf", "exp2f", "expm1f", "logf", "log2f", "log10f", "log1pf", "sqrtf", "cbrtf", "powf", "sinf", "cosf", "tanf", "asinf", "acosf", "atanf", "atan2f", "sinhf", "coshf", "tanhf", "asinhf", "acoshf", "atanhf", "erff", "erfcf", "hypotf", "fabsf", "fminf", "fmaxf", "fmaf", "fmodf", "copysignf", "floorf", "ceilf", "roundf", "truncf", "ldexpf"};

int main(void) {
  fg_rand_seed(77);
  for (int k = 0; k < 6; k++) {
    float xf = (float)fg_rand_uniform(0.3, 0.5);
    float yf = (float)fg_rand_uniform(1.2, 1.6);
    float dxf = (float)fg_rand_uniform(-1, 1);
    float dyf = (float)fg_rand_uniform(-1, 1);
    double x = xf, y = yf, dx = dxf, dy = dyf, du = dx * y + x * dy;
    /* keep away from the jumps of fmod, floor, ceil, round, trunc */
    double q = y / x - floor(y / x), t = 3 * y - floor(3 * y);
    if (q < 0.05 || q > 0.95 || t < 0.05 || t > 0.95 || fabs(t - 0.5) < 0.05) {
      k--;
      continue;
    }
    float out[NOUT], out_dot[NOUT], expect[NOUT];
    for (int i = 0; i < NOUT; i++)
      out[i] = out_dot[i] = NAN;
    f_jvp(xf, dxf, yf, dyf, out, out_dot);
    f(xf, yf, expect);
    double ref[NOUT];
    ref[0] = exp(x * y) * du;
    ref[1] = exp2(x + y) * log(2.0) * (dx + dy);
    ref[2] = exp(x * y) * du;
    ref[3] = du / (x * y);
    ref[4] = (dx + dy) / ((x + y) * log(2.0));
    ref[5] = du / (x * y * log(10.0));
    ref[6] = du / (1 + x * y);
    ref[7] = du / (2 * sqrt(x * y));
    ref[8] = (dx - dy) / (3 * cbrt(x - y) * cbrt(x - y));
    ref[9] = y * pow(x, y - 1) * dx + pow(x, y) * log(x) * dy;
    ref[10] = cos(x * y) * du;
    ref[11] = -sin(x * y) * du;
    ref[12] = du / (cos(x * y) * cos(x * y));
    ref[13] = du / sqrt(1 - x * y * x * y);
    ref[14] = -du / sqrt(1 - x * y * x * y);
    ref[15] = du / (1 + x * y * x * y);
    ref[16] = (y * dx - x * dy) / (x * x + y * y);
    ref[17] = cosh(x * y) * du;
    ref[18] = sinh(x * y) * du;
    ref[19] = du / (cosh(x * y) * cosh(x * y));
    ref[20] = du / sqrt(x * y * x * y + 1);
    ref[21] = (dx + dy) / sqrt((x + y) * (x + y) - 1);
    ref[22] = du / (1 - x * y * x * y);
    ref[23] = 2 / sqrt(acos(-1.0)) * exp(-x * y * x * y) * du;
    ref[24] = -2 / sqrt(acos(-1.0)) * exp(-x * y * x * y) * du;
    ref[25] = (x * dx + y * dy) / sqrt(x * x + y * y);
    ref[26] = dy - dx;
    ref[27] = dx;
    ref[28] = dy;
    ref[29] = dx * y + x * dy + dx;
    ref[30] = dy - trunc(y / x) * dx;
    ref[31] = -dx;
    ref[32] = floor(3 * y) * dx;
    ref[33] = ceil(3 * y) * dx;
    ref[34] = round(3 * y) * dx;
    ref[35] = trunc(3 * y) * dx;
    ref[36] = 8 * du;
    for (int i = 0; i < NOUT; i++) {
      char what[64];
      snprintf(what, sizeof what, "%s: primal", names[i]);
      fg_check_close(what, out[i], expect[i], 0, 0);
      snprintf(what, sizeof what, "%s: tangent vs formula", names[i]);
      fg_check_close(what, out_dot[i], ref[i], 1e-5, 1e-6);
    }
  }
  return fg_check_report();
}
#endif
