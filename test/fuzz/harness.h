/*
 * harness.h -- checks one generated program's derivative (see README.md).
 *
 * A generated program P_f is reached through three functions over one flat
 * vector of inputs v (x[], a, b, s.a, s.b, out[] as it comes in) and of
 * outputs y (out[] as it goes out, the result):
 *
 *   run(v)        the primal, double (the file compiled as it is)
 *   ref(v)        the primal, long double (the file compiled with -DFG_REF)
 *   jvp(v, dv)    P_f_jvp along dv: y and dy = J(v) dv, double
 *
 * At random points and directions (the int data n and iv[] random too),
 * dy is compared with the reference: Ridders-Richardson central differences
 * of ref along dv (fg_richardson from test/exec/fgcheck.h), in long double.
 *
 * A point is skipped, not failed, when the reference cannot be trusted
 * there: the double primal overflowed, divided by zero or made a NaN on
 * the way, an output is not finite or huge, the long double primal's value
 * differs from the double one (a branch or an int conversion rounded the
 * other way), or the extrapolations started from h0 = 1e-3 and 1e-4
 * disagree (a kink or a jump of fabs, floor, a branch on an active value,
 * ... lies within 1e-3 of the point).
 * A mismatch must persist: it is checked again at a point moved by 2e-2
 * along a new random direction (a kink cannot sit near both), and only a
 * mismatch there too fails the program. The primal outputs of jvp must
 * equal those of run (1e-13 relative: contraction aside, the same code).
 *
 * Vector mode (fgcc --width K, run.py --width K): jvpw(v, dv, ...) calls
 * P_f_jvpK on K directions at once (dv[k * nin + i], dy[k * nout + i]) and
 * returns 1 when P_f_jvpK wrote or read past a tangent buffer's end (guard
 * values). Every direction is checked against the same reference, at the
 * same tolerances; a direction whose reference is unreliable is skipped
 * alone. A "point" is then one point and one direction: FZ_POINTS * K.
 */
#ifndef FZ_HARNESS_H
#define FZ_HARNESS_H

#include <fenv.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "fgcheck.h"

#define FZ_MAXV 32
#define FZ_POINTS 8

typedef struct {
  const char *name;
  int seed, nx, nin, nout;
  const int *mask; /* per input: 1 if the program differentiates along it */
  void (*run)(const double *v, int n, const int *iv, double *y);
  void (*ref)(const long double *v, int n, const int *iv, long double *y);
  void (*jvp)(const double *v, const double *dv, int n, const int *iv, double *y, double *dy);
  int width; /* K > 1: vector mode, through jvpw (jvp is null) */
  int (*jvpw)(const double *v, const double *dv, int n, const int *iv, double *y, double *dy);
} FzProg;

/* The line v + h dv through the long double primal, output k. */
typedef struct {
  const FzProg *p;
  const double *v, *dv;
  int n, k;
  const int *iv;
} FzLine;

static long double fz_along(long double h, void *ctx) {
  const FzLine *l = ctx;
  long double v[FZ_MAXV], y[FZ_MAXV];
  for (int i = 0; i < l->p->nin; i++)
    v[i] = (long double)l->v[i] + h * (long double)l->dv[i];
  l->p->ref(v, l->n, l->iv, y);
  return y[l->k];
}

enum { FZ_OK, FZ_SKIP, FZ_MISMATCH, FZ_PRIMAL, FZ_GUARD };

#define FZ_MAXK 64

static char fz_msg[512];

static int fz_finite(long double x) { return x - x == 0; }

/* One point: FZ_OK, FZ_SKIP (reference unreliable), or a failure with
 * fz_msg describing it. */
static int fz_point(const FzProg *p, const double *v, const double *dv, int n, const int *iv) {
  double y[FZ_MAXV], yj[FZ_MAXV], dy[FZ_MAXV];
  /* a double primal that overflowed, divided by 0 or made a NaN on the way
   * (pow(3, pow(3, b)) = inf, then atan2(inf, 3)) can still return finite
   * values; its tangent is inf * 0 there, in any forward mode */
  feclearexcept(FE_ALL_EXCEPT);
  p->run(v, n, iv, y);
  if (fetestexcept(FE_OVERFLOW | FE_DIVBYZERO | FE_INVALID))
    return FZ_SKIP;
  p->jvp(v, dv, n, iv, yj, dy);
  for (int k = 0; k < p->nout; k++)
    if (!fz_finite(y[k]) || fabs(y[k]) > 1e6)
      return FZ_SKIP;
  /* The reference must compute the same values: where double and long
   * double round a branch or an int conversion differently ((int)exp2(x)
   * at 2 - 1e-17), it differentiates another piece of the function. */
  {
    long double vl[FZ_MAXV], yl[FZ_MAXV];
    for (int i = 0; i < p->nin; i++)
      vl[i] = v[i];
    p->ref(vl, n, iv, yl);
    for (int k = 0; k < p->nout; k++)
      if (!(fg_absl(yl[k] - y[k]) <= 1e-8L * (1 + fabs(y[k]))))
        return FZ_SKIP;
  }
  for (int k = 0; k < p->nout; k++)
    if (!(fabs(yj[k] - y[k]) <= 1e-13 * (1 + fabs(y[k])))) {
      snprintf(fz_msg, sizeof fz_msg, "primal y[%d]: jvp %.17g, primal %.17g", k, yj[k], y[k]);
      return FZ_PRIMAL;
    }
  for (int k = 0; k < p->nout; k++) {
    FzLine l = {p, v, dv, n, k, iv};
    long double r1 = fg_richardson(fz_along, &l, 1e-3L), r2 = fg_richardson(fz_along, &l, 1e-4L);
    if (!fz_finite(r1) || !fz_finite(r2))
      return FZ_SKIP;
    if (fg_absl(r1 - r2) > 1e-10L * (1 + fabs(y[k]) + fg_absl(r1)))
      return FZ_SKIP;
    /* the tangent in double against the long double reference: 1e-7
     * relative, plus 1e-9 of the output's size for round-off in double */
    if (!(fg_absl(dy[k] - r1) <= 1e-7L * fg_absl(r1) + 1e-9L * (1 + fabs(y[k])))) {
      snprintf(fz_msg, sizeof fz_msg, "dy[%d]: jvp %.17g, reference %.17Lg (rel err %.3Lg)", k, dy[k], r1,
               r1 != 0 ? fg_absl(dy[k] - r1) / fg_absl(r1) : fg_absl(dy[k]));
      return FZ_MISMATCH;
    }
  }
  return FZ_OK;
}

static void fz_random_point(const FzProg *p, double *v, double *dv) {
  for (int i = 0; i < p->nin; i++) {
    v[i] = fg_rand_uniform(-2, 2);
    dv[i] = p->mask[i] ? fg_rand_uniform(-1, 1) : 0;
  }
}

static void fz_print_point(const FzProg *p, const double *v, const double *dv, int n, const int *iv) {
  fprintf(stderr, "  at n = %d, iv = {%d, %d, %d, %d}\n  v  =", n, iv[0], iv[1], iv[2], iv[3]);
  for (int i = 0; i < p->nin; i++)
    fprintf(stderr, " %.17g", v[i]);
  fprintf(stderr, "\n  dv =");
  for (int i = 0; i < p->nin; i++)
    fprintf(stderr, " %.17g", dv[i]);
  fprintf(stderr, "\n");
}

/* Vector mode: one point, K directions (dv[k * nin + i]). FZ_OK with
 * *nskip directions skipped, FZ_SKIP (all of them), or a failure. */
static int fz_point_w(const FzProg *p, const double *v, const double *dv, int n, const int *iv, int *nskip) {
  static double dy[FZ_MAXV * FZ_MAXK];
  double y[FZ_MAXV], yj[FZ_MAXV];
  *nskip = 0;
  feclearexcept(FE_ALL_EXCEPT);
  p->run(v, n, iv, y);
  if (fetestexcept(FE_OVERFLOW | FE_DIVBYZERO | FE_INVALID))
    return FZ_SKIP;
  if (p->jvpw(v, dv, n, iv, yj, dy)) {
    snprintf(fz_msg, sizeof fz_msg, "a guard value after a tangent buffer changed (width %d)", p->width);
    return FZ_GUARD;
  }
  for (int k = 0; k < p->nout; k++)
    if (!fz_finite(y[k]) || fabs(y[k]) > 1e6)
      return FZ_SKIP;
  {
    long double vl[FZ_MAXV], yl[FZ_MAXV];
    for (int i = 0; i < p->nin; i++)
      vl[i] = v[i];
    p->ref(vl, n, iv, yl);
    for (int k = 0; k < p->nout; k++)
      if (!(fg_absl(yl[k] - y[k]) <= 1e-8L * (1 + fabs(y[k]))))
        return FZ_SKIP;
  }
  for (int k = 0; k < p->nout; k++)
    if (!(fabs(yj[k] - y[k]) <= 1e-13 * (1 + fabs(y[k])))) {
      snprintf(fz_msg, sizeof fz_msg, "primal y[%d]: jvp%d %.17g, primal %.17g", k, p->width, yj[k], y[k]);
      return FZ_PRIMAL;
    }
  for (int d = 0; d < p->width; d++) {
    const double *dvd = dv + d * p->nin, *dyd = dy + d * p->nout;
    for (int k = 0; k < p->nout; k++) {
      FzLine l = {p, v, dvd, n, k, iv};
      long double r1 = fg_richardson(fz_along, &l, 1e-3L), r2 = fg_richardson(fz_along, &l, 1e-4L);
      if (!fz_finite(r1) || !fz_finite(r2) || fg_absl(r1 - r2) > 1e-10L * (1 + fabs(y[k]) + fg_absl(r1))) {
        ++*nskip;
        break;
      }
      if (!(fg_absl(dyd[k] - r1) <= 1e-7L * fg_absl(r1) + 1e-9L * (1 + fabs(y[k])))) {
        snprintf(fz_msg, sizeof fz_msg, "direction %d of %d: dy[%d]: jvp%d %.17g, reference %.17Lg (rel err %.3Lg)",
                 d, p->width, k, p->width, dyd[k], r1,
                 r1 != 0 ? fg_absl(dyd[k] - r1) / fg_absl(r1) : fg_absl(dyd[k]));
        return FZ_MISMATCH;
      }
    }
  }
  return FZ_OK;
}

static void fz_random_point_w(const FzProg *p, double *v, double *dv) {
  for (int i = 0; i < p->nin; i++)
    v[i] = fg_rand_uniform(-2, 2);
  for (int d = 0; d < p->width; d++)
    for (int i = 0; i < p->nin; i++)
      dv[d * p->nin + i] = p->mask[i] ? fg_rand_uniform(-1, 1) : 0;
}

static void fz_print_point_w(const FzProg *p, const double *v, const double *dv, int n, const int *iv) {
  fprintf(stderr, "  at n = %d, iv = {%d, %d, %d, %d}\n  v  =", n, iv[0], iv[1], iv[2], iv[3]);
  for (int i = 0; i < p->nin; i++)
    fprintf(stderr, " %.17g", v[i]);
  for (int d = 0; d < p->width; d++) {
    fprintf(stderr, "\n  dv%d =", d);
    for (int i = 0; i < p->nin; i++)
      fprintf(stderr, " %.17g", dv[d * p->nin + i]);
  }
  fprintf(stderr, "\n");
}

/* fz_check in vector mode: FZ_POINTS points of K directions each. */
static int fz_check_w(const FzProg *p) {
  int skipped = 0, transient = 0, nskip;
  static double dv[FZ_MAXV * FZ_MAXK], dv2[FZ_MAXV * FZ_MAXK];
  fg_rand_seed((uint64_t)p->seed * 7919u + 17u);
  for (int t = 0; t < FZ_POINTS; t++) {
    double v[FZ_MAXV];
    int iv[4], n = 1 + (int)(fg_rand_u64() % (uint64_t)p->nx);
    for (int i = 0; i < 4; i++)
      iv[i] = (int)(fg_rand_u64() % (uint64_t)p->nx);
    fz_random_point_w(p, v, dv);
    int st = fz_point_w(p, v, dv, n, iv, &nskip);
    if (st == FZ_SKIP) {
      skipped += p->width;
      continue;
    }
    skipped += nskip;
    if (st == FZ_MISMATCH) {
      char first[512];
      double v2[FZ_MAXV];
      memcpy(first, fz_msg, sizeof first);
      for (int i = 0; i < p->nin; i++)
        v2[i] = v[i] + fg_rand_uniform(-2e-2, 2e-2);
      for (int d = 0; d < p->width; d++)
        for (int i = 0; i < p->nin; i++)
          dv2[d * p->nin + i] = p->mask[i] ? fg_rand_uniform(-1, 1) : 0;
      int st2 = fz_point_w(p, v2, dv2, n, iv, &nskip);
      if (st2 != FZ_MISMATCH) {
        transient++;
        continue;
      }
      printf("%s FAIL mismatch\n", p->name);
      fprintf(stderr, "%s (seed %d): derivative mismatch: %s\n", p->name, p->seed, first);
      fz_print_point_w(p, v, dv, n, iv);
      fprintf(stderr, "  and again nearby: %s\n", fz_msg);
      return 1;
    }
    if (st == FZ_PRIMAL || st == FZ_GUARD) {
      printf("%s FAIL %s\n", p->name, st == FZ_PRIMAL ? "primal" : "guard");
      fprintf(stderr, "%s (seed %d): %s\n", p->name, p->seed, fz_msg);
      fz_print_point_w(p, v, dv, n, iv);
      return 1;
    }
  }
  printf("%s ok %d points, %d skipped, %d transient\n", p->name, FZ_POINTS * p->width, skipped, transient);
  return 0;
}

/* Check a program at FZ_POINTS points; prints "<name> ok|FAIL ..." on
 * stdout (details on stderr). Returns 1 on failure. */
static int fz_check(const FzProg *p) {
  int skipped = 0, transient = 0;
  if (p->width > 1)
    return fz_check_w(p);
  fg_rand_seed((uint64_t)p->seed * 7919u + 17u);
  for (int t = 0; t < FZ_POINTS; t++) {
    double v[FZ_MAXV], dv[FZ_MAXV];
    int iv[4], n = 1 + (int)(fg_rand_u64() % (uint64_t)p->nx);
    for (int i = 0; i < 4; i++)
      iv[i] = (int)(fg_rand_u64() % (uint64_t)p->nx);
    fz_random_point(p, v, dv);
    int st = fz_point(p, v, dv, n, iv);
    if (st == FZ_SKIP) {
      skipped++;
      continue;
    }
    if (st == FZ_MISMATCH) {
      char first[512];
      double v2[FZ_MAXV], dv2[FZ_MAXV];
      memcpy(first, fz_msg, sizeof first);
      for (int i = 0; i < p->nin; i++) {
        v2[i] = v[i] + fg_rand_uniform(-2e-2, 2e-2);
        dv2[i] = p->mask[i] ? fg_rand_uniform(-1, 1) : 0;
      }
      int st2 = fz_point(p, v2, dv2, n, iv);
      if (st2 != FZ_MISMATCH) {
        transient++;
        continue;
      }
      printf("%s FAIL mismatch\n", p->name);
      fprintf(stderr, "%s (seed %d): derivative mismatch: %s\n", p->name, p->seed, first);
      fz_print_point(p, v, dv, n, iv);
      fprintf(stderr, "  and again nearby: %s\n", fz_msg);
      return 1;
    }
    if (st == FZ_PRIMAL) {
      printf("%s FAIL primal\n", p->name);
      fprintf(stderr, "%s (seed %d): %s\n", p->name, p->seed, fz_msg);
      fz_print_point(p, v, dv, n, iv);
      return 1;
    }
  }
  printf("%s ok %d points, %d skipped, %d transient\n", p->name, FZ_POINTS, skipped, transient);
  return 0;
}

#endif
