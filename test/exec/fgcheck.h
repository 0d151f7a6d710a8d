/*
 * fgcheck.h -- the harness of fgcc's execution tests (header-only, C11).
 *
 * An execution test compiles the code fgcc generated, calls the _jvp
 * function at random points along random directions, and compares the
 * tangent it returns with an independent reference: a central difference
 * with Richardson extrapolation (fg_richardson) and, where one is easy to
 * write, a derivative worked out by hand. See README.md in this directory.
 *
 *   fg_rand_seed(s)              seed the deterministic generator (splitmix64)
 *   fg_rand_uniform(lo, hi)      a double uniform in [lo, hi)
 *   fg_richardson(g, ctx, h0)    d/dh g(h, ctx) at h = 0
 *   fg_check_close(what, got, ref, rtol, atol)
 *                                |got - ref| <= atol + rtol |ref|; prints a
 *                                FAIL line to stderr otherwise
 *   fg_check(what, ok)           a plain condition
 *   fg_check_report()            "N checks, M failures"; main returns it
 *
 * Everything is `static inline` so that a test using part of it compiles
 * warning-free under -Wall -Wextra -pedantic -Werror (clang and gcc).
 */
#ifndef FGCHECK_H
#define FGCHECK_H

#include <float.h>
#include <stdint.h>
#include <stdio.h>

/* ------------------------------------------------------------ random numbers */
static uint64_t fg_rand_state = 0x853c49e6748fea9bULL;

static inline void fg_rand_seed(uint64_t seed) { fg_rand_state = seed; }

/* splitmix64 (Steele, Lea, Flood 2014): the same sequence on every machine. */
static inline uint64_t fg_rand_u64(void) {
  uint64_t z = (fg_rand_state += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

/* A double uniform in [lo, hi): 53 random bits scaled. */
static inline double fg_rand_uniform(double lo, double hi) {
  double u = (double)(fg_rand_u64() >> 11) * 0x1.0p-53;
  return lo + (hi - lo) * u;
}

/* ------------------------------------------------------- numerical reference */
static inline long double fg_absl(long double x) { return x < 0 ? -x : x; }

/* (g(h) - g(-h)) / 2h: error c2 h^2 + c4 h^4 + ... */
static inline long double fg_central(long double (*g)(long double, void *), void *ctx, long double h) {
  return (g(h, ctx) - g(-h, ctx)) / (2 * h);
}

#define FG_RICHARDSON_LEVELS 14

/*
 * The derivative at h = 0 of g, where g(h, ctx) evaluates the primal function
 * at x + h v. Ridders' scheme: central differences at h0, h0/2, h0/4, ...
 * form the first column of a Neville tableau; column j removes the h^2j
 * error term: T[j][i] = (4^j T[j-1][i] - T[j-1][i-1]) / (4^j - 1). The
 * estimate whose neighbours agree best is kept, and the refinement stops
 * when the diagonal starts to diverge (round-off has taken over).
 *
 * Choose h0 as large as g stays smooth on [-h0, h0]: the extrapolation
 * removes the truncation error, and round-off is about eps |g| / h0. With a
 * double primal and |v| ~ 1, h0 = 1e-1 gives ~1e-14 relative, 1e-2 ~1e-13,
 * 1e-3 ~1e-12.
 */
static inline long double fg_richardson(long double (*g)(long double h, void *ctx), void *ctx, long double h0) {
  long double t[FG_RICHARDSON_LEVELS][FG_RICHARDSON_LEVELS];
  long double h = h0, best = fg_central(g, ctx, h), err = LDBL_MAX;
  /* h0 is an upper bound: shrink it while x +- h0 v leaves the domain (NaN, inf). */
  for (int tries = 0; tries < 40 && !(best - best == 0); tries++)
    best = fg_central(g, ctx, h /= 2);
  t[0][0] = best;
  for (int i = 1; i < FG_RICHARDSON_LEVELS; i++) {
    h /= 2;
    t[0][i] = fg_central(g, ctx, h);
    long double fac = 4;
    for (int j = 1; j <= i; j++, fac *= 4) {
      t[j][i] = (fac * t[j - 1][i] - t[j - 1][i - 1]) / (fac - 1);
      long double e1 = fg_absl(t[j][i] - t[j - 1][i]), e2 = fg_absl(t[j][i] - t[j - 1][i - 1]);
      long double e = e1 > e2 ? e1 : e2;
      if (e <= err) {
        err = e;
        best = t[j][i];
      }
    }
    if (fg_absl(t[i][i] - t[i - 1][i - 1]) >= 2 * err)
      break;
  }
  return best;
}

/* ------------------------------------------------------------------ checks */
/* f(x, y) along the line (x, y) + h (dx, dy): the usual g for fg_richardson
 * when the primal takes two doubles. */
typedef struct {
  double (*f)(double, double);
  double x, y, dx, dy;
} fg_line2;

static inline long double fg_along2(long double h, void *ctx) {
  const fg_line2 *l = ctx;
  return l->f((double)(l->x + h * l->dx), (double)(l->y + h * l->dy));
}

static int fg_nchecks, fg_nfailures;

/* Records a check; prints "FAIL what" to stderr when it failed. Returns ok. */
static inline int fg_check(const char *what, int ok) {
  fg_nchecks++;
  if (!ok) {
    fg_nfailures++;
    fprintf(stderr, "FAIL %s\n", what);
  }
  return ok;
}

/* |got - ref| <= atol + rtol |ref| (a NaN never passes; equal infinities do).
 * Returns 1 when it holds; prints a FAIL line to stderr and returns 0 when not. */
static inline int fg_check_close(const char *what, long double got, long double ref, long double rtol,
                                 long double atol) {
  long double diff = fg_absl(got - ref);
  int ok = got == ref || diff <= atol + rtol * fg_absl(ref);
  fg_nchecks++;
  if (!ok) {
    long double rel = ref != 0 ? diff / fg_absl(ref) : diff;
    fg_nfailures++;
    fprintf(stderr, "FAIL %s: got %.17Lg ref %.17Lg rel err %.3Lg (rtol %.3Lg, atol %.3Lg)\n", what, got, ref,
            rel, rtol, atol);
  }
  return ok;
}

/* "N checks, M failures" on stdout; the exit status for main: 0 when every
 * check passed, 1 otherwise (a test that checked nothing fails too). */
static inline int fg_check_report(void) {
  printf("%d checks, %d failures\n", fg_nchecks, fg_nfailures);
  if (fg_nchecks == 0)
    fprintf(stderr, "FAIL no checks were made\n");
  return fg_nfailures > 0 || fg_nchecks == 0;
}

#endif
