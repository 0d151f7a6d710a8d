/*
 * Nonlinear least squares with MINPACK's Levenberg–Marquardt (cminpack):
 * lmder fed the Jacobian from fgcc's vector mode against lmdif, which
 * builds it from forward differences, on Osborne 1 (5 parameters, 33
 * residuals) and Osborne 2 (11 parameters, 65 residuals) from the standard
 * starting points (Moré, Garbow, Hillstrom 1981, problems 17 and 19).
 *
 *   lmfit [--repeat=N]    (N solves per method for the timing, default 200)
 *
 * The Jacobian callback calls <problem>_jvp8 (fgcc --width 8 residual.c)
 * ceil(n/8) times, with the unit vectors of 8 columns as directions (the
 * directions past column n are zero). Before solving, the program checks
 * that Jacobian at the start point against one derived by hand; it exits 1
 * if they differ, or if a method does not reach the published minimum.
 */
#include <cminpack.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define K 8     /* directions per call: fgcc --width 8 */
#define MAXN 11 /* parameters */
#define MAXM 65 /* residuals */

void osborne1(const double *x, double *r);
void osborne1_jvp8(const double *x, const double *x_dot, double *r, double *r_dot);
void osborne2(const double *x, double *r);
void osborne2_jvp8(const double *x, const double *x_dot, double *r, double *r_dot);

typedef struct {
  const char *name;
  int n, m;
  void (*r)(const double *x, double *r);
  void (*r_jvp8)(const double *x, const double *x_dot, double *r, double *r_dot);
  void (*jac)(const double *x, double *fjac, int ldfjac); /* hand-derived, for the check */
  double start[MAXN];
  double norm;           /* ||r(x*)||: sqrt of f* in MGH 1981 */
  double solution[MAXN]; /* x*: MINPACK-1's lmder test output, 7 digits */
} problem;

/* ------------------------------------------------------------ hand-derived Jacobians */

/* Osborne 1: ∂r_i/∂x = -(1, e4, e5, -t x2 e4, -t x3 e5), e4 = exp(-t x4), e5 = exp(-t x5) */
static void osborne1_jac(const double *x, double *fjac, int ld) {
  for (int i = 0; i < 33; i++) {
    double t = 10.0 * i, e4 = exp(-t * x[3]), e5 = exp(-t * x[4]);
    fjac[i] = -1;
    fjac[i + ld] = -e4;
    fjac[i + 2 * ld] = -e5;
    fjac[i + 3 * ld] = t * x[1] * e4;
    fjac[i + 4 * ld] = t * x[2] * e5;
  }
}

/* Osborne 2: with g_k = exp(-(t - x_{k+7})² x_{k+4}), k = 1..3 (0-based x):
 * ∂r/∂x0 = -e, ∂r/∂x4 = t x0 e (e = exp(-t x4)), ∂r/∂x_k = -g_k,
 * ∂r/∂x_{k+4} = x_k (t - x_{k+7})² g_k, ∂r/∂x_{k+7} = -2 x_k x_{k+4} (t - x_{k+7}) g_k */
static void osborne2_jac(const double *x, double *fjac, int ld) {
  for (int i = 0; i < 65; i++) {
    double t = i / 10.0, e = exp(-t * x[4]);
    fjac[i] = -e;
    fjac[i + 4 * ld] = t * x[0] * e;
    for (int k = 1; k < 4; k++) {
      double d = t - x[k + 7], g = exp(-d * d * x[k + 4]);
      fjac[i + k * ld] = -g;
      fjac[i + (k + 4) * ld] = x[k] * d * d * g;
      fjac[i + (k + 7) * ld] = -2 * x[k] * x[k + 4] * d * g;
    }
  }
}

static const problem PROBLEMS[] = {
    {"Osborne 1", 5, 33, osborne1, osborne1_jvp8, osborne1_jac,
     {0.5, 1.5, -1, 0.01, 0.02}, 7.392493e-3,
     {0.3754100, 1.935847, -1.464687, 0.01286753, 0.02212270}},
    {"Osborne 2", 11, 65, osborne2, osborne2_jvp8, osborne2_jac,
     {1.3, 0.65, 0.65, 0.7, 0.6, 3, 5, 7, 2, 4.5, 5.5}, 2.003440e-1,
     {1.309977, 0.4315538, 0.6336617, 0.5994305, 0.7541832, 0.9042886, 1.365811, 4.823699, 2.398685, 4.568874,
      5.675342}},
};

/* ------------------------------------------------------------ the Jacobian from fgcc */

/* fjac (column-major, ldfjac rows) from ceil(n/8) calls of r_jvp8: call b
 * takes columns 8b..8b+7, direction k the unit vector e_(8b+k) (zero past n) */
static void jacobian_fgcc(const problem *pb, const double *x, double *fjac, int ldfjac) {
  double xd[MAXN * K], r[MAXM], rd[MAXM * K];
  for (int j0 = 0; j0 < pb->n; j0 += K) {
    memset(xd, 0, sizeof xd);
    for (int k = 0; k < K && j0 + k < pb->n; k++)
      xd[(j0 + k) * K + k] = 1;
    pb->r_jvp8(x, xd, r, rd);
    for (int k = 0; k < K && j0 + k < pb->n; k++)
      for (int i = 0; i < pb->m; i++)
        fjac[i + (j0 + k) * ldfjac] = rd[i * K + k];
  }
}

/* ------------------------------------------------------------ the callbacks */

typedef struct {
  const problem *pb;
  int nr, nj; /* residual and Jacobian evaluations seen */
} state;

static int fcn_der(void *p, int m, int n, const double *x, double *fvec, double *fjac, int ldfjac, int iflag) {
  state *s = p;
  (void)m, (void)n;
  if (iflag == 1)
    s->pb->r(x, fvec), s->nr++;
  else if (iflag == 2)
    jacobian_fgcc(s->pb, x, fjac, ldfjac), s->nj++;
  return 0;
}

static int fcn_dif(void *p, int m, int n, const double *x, double *fvec, int iflag) {
  state *s = p;
  (void)m, (void)n;
  if (iflag >= 1)
    s->pb->r(x, fvec), s->nr++;
  return 0;
}

/* ------------------------------------------------------------ the check */

/* fgcc's Jacobian against the hand-derived one at the start point */
static int check_jacobian(const problem *pb) {
  double a[MAXM * MAXN], b[MAXM * MAXN], worst = 0;
  jacobian_fgcc(pb, pb->start, a, pb->m);
  pb->jac(pb->start, b, pb->m);
  for (int i = 0; i < pb->m * pb->n; i++)
    worst = fmax(worst, fabs(a[i] - b[i]) / fmax(1, fabs(b[i])));
  int ok = worst <= 1e-14;
  printf("%s: fgcc's Jacobian (%d calls of %d directions) against the hand-derived one at the start: "
         "max rel. error %.1e %s\n", pb->name, (pb->n + K - 1) / K, K, worst, ok ? "ok" : "MISMATCH");
  return ok ? 0 : 1;
}

/* ------------------------------------------------------------ the solves */

typedef struct {
  int info, nfev, njev, calls_r, calls_j;
  double x[MAXN], norm, seconds;
} outcome;

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec + 1e-9 * ts.tv_nsec;
}

/* MINPACK's defaults (lmder1/lmdif1): tolerances sqrt(eps), maxfev 100(n+1)
 * resp. 200(n+1), mode 1, factor 100; epsfcn 0 (steps sqrt(eps)|x_j|) */
static void solve(const problem *pb, int derivative, int repeat, outcome *o) {
  int n = pb->n, m = pb->m, ipvt[MAXN];
  double fvec[MAXM], fjac[MAXM * MAXN], diag[MAXN], qtf[MAXN], wa1[MAXN], wa2[MAXN], wa3[MAXN], wa4[MAXM];
  double tol = sqrt(__DBL_EPSILON__);
  double t0 = now();
  for (int rep = 0; rep < repeat; rep++) {
    state s = {pb, 0, 0};
    memcpy(o->x, pb->start, sizeof o->x);
    if (derivative)
      o->info = lmder(fcn_der, &s, m, n, o->x, fvec, fjac, m, tol, tol, 0, 100 * (n + 1), diag, 1, 100, 0,
                      &o->nfev, &o->njev, ipvt, qtf, wa1, wa2, wa3, wa4);
    else
      o->info = lmdif(fcn_dif, &s, m, n, o->x, fvec, tol, tol, 0, 200 * (n + 1), 0, diag, 1, 100, 0, &o->nfev,
                      fjac, m, ipvt, qtf, wa1, wa2, wa3, wa4), o->njev = 0;
    o->calls_r = s.nr, o->calls_j = s.nj;
  }
  o->seconds = (now() - t0) / repeat;
  o->norm = enorm(m, fvec);
}

/* the published minimum reached: ||r|| to 1e-6, x to 1e-4 (relative) */
static int reached(const problem *pb, const outcome *o, double *dx) {
  *dx = 0;
  for (int j = 0; j < pb->n; j++)
    *dx = fmax(*dx, fabs(o->x[j] - pb->solution[j]) / fabs(pb->solution[j]));
  return o->info >= 1 && o->info <= 4 && fabs(o->norm - pb->norm) <= 1e-6 * pb->norm && *dx <= 1e-4;
}

static int report(const problem *pb, const char *method, const outcome *o) {
  double dx;
  int ok = reached(pb, o, &dx);
  printf("  %-22s info %d  nfev %4d  njev %3d  (residual calls %4d, Jacobian calls %3d)  ||r|| %.7e  "
         "max rel. |x - x*| %.1e  %7.1f us  %s\n", method, o->info, o->nfev, o->njev, o->calls_r, o->calls_j,
         o->norm, dx, 1e6 * o->seconds, ok ? "ok" : "NOT REACHED");
  return ok ? 0 : 1;
}

int main(int argc, char **argv) {
  int repeat = 200;
  for (int i = 1; i < argc; i++) {
    char *end = NULL;
    if (!strncmp(argv[i], "--repeat=", 9))
      repeat = (int)strtol(argv[i] + 9, &end, 10);
    if (!end || *end || repeat < 1) {
      fprintf(stderr, "lmfit: bad argument '%s' (usage: lmfit [--repeat=N>=1])\n", argv[i]);
      return 2;
    }
  }
  int failed = 0;
  for (size_t p = 0; p < sizeof PROBLEMS / sizeof *PROBLEMS; p++) {
    const problem *pb = &PROBLEMS[p];
    outcome der, dif;
    failed |= check_jacobian(pb);
    solve(pb, 1, repeat, &der);
    solve(pb, 0, repeat, &dif);
    printf("%s: %d parameters, %d residuals; published minimum ||r|| = %.7e\n", pb->name, pb->n, pb->m, pb->norm);
    failed |= report(pb, "lmder, fgcc --width 8", &der);
    failed |= report(pb, "lmdif, differences", &dif);
    printf("  x (lmder)  ");
    for (int j = 0; j < pb->n; j++)
      printf(" %.7g", der.x[j]);
    printf("\n  x*         ");
    for (int j = 0; j < pb->n; j++)
      printf(" %.7g", pb->solution[j]);
    printf("\n");
  }
  return failed;
}
