#!/usr/bin/env python3
"""Write the execution test of one CBLAS rule (lib/blas.def) as a C file.

    gen.py ROUTINE > test.c
    gen.py ROUTINE K > test.c     (vector mode, fgcc --width K)

The file holds, for every activity pattern of the routine's inputs (each
floating scalar and const array with or without FG_WRT), a wrapper
FG_DIFF function calling cblas_dROUTINE and one calling cblas_sROUTINE;
and, under -DFG_TEST_MAIN, a driver that runs each wrapper's _jvp over a
table of configurations (layouts, transposes, sides, triangles, unit
diagonals, leading dimensions larger than needed, increments of 2, 3 and
negative ones, beta 0 with NaN in the output) and compares every element
of the output's tangent, and the returned tangent, with a Richardson-
extrapolated central difference of the double wrapper along the same
direction (for float, of the double routine on the same float inputs).
The written storage's own incoming tangent is random or zero, and beta 0
runs with NaN in the output and its tangent (BLAS does not read it then).

With K, the driver instead calls each wrapper's _jvpK (the same source
through fgcc --width K, linked beside the width-1 _jvp) on K random
directions, interleaved (element j of direction k at j*K + k), and
checks every direction against the Richardson reference and against the
width-1 _jvp along it.
"""
import itertools
import sys

ROW, COL = "CblasRowMajor", "CblasColMajor"
NT, TR = "CblasNoTrans", "CblasTrans"
UP, LO = "CblasUpper", "CblasLower"
NU, UN = "CblasNonUnit", "CblasUnit"
LEFT, RIGHT = "CblasLeft", "CblasRight"

# Parameter kinds: e enum (int in the wrapper), i int, s scalar, v const
# array, o written array (always active: a non-const pointer).
ROUTINES = {
    "dot": "i:n v:x i:incx v:y i:incy",
    "nrm2": "i:n v:x i:incx",
    "asum": "i:n v:x i:incx",
    "axpy": "i:n s:alpha v:x i:incx o:y i:incy",
    "scal": "i:n s:alpha o:x i:incx",
    "copy": "i:n v:x i:incx o:y i:incy",
    "swap": "i:n o:x i:incx o:y i:incy",
    "gemv": "e:layout e:trans i:m i:n s:alpha v:A i:lda v:x i:incx s:beta o:y i:incy",
    "ger": "e:layout i:m i:n s:alpha v:x i:incx v:y i:incy o:A i:lda",
    "symv": "e:layout e:uplo i:n s:alpha v:A i:lda v:x i:incx s:beta o:y i:incy",
    "trmv": "e:layout e:uplo e:trans e:diag i:n v:A i:lda o:x i:incx",
    "trsv": "e:layout e:uplo e:trans e:diag i:n v:A i:lda o:x i:incx",
    "gemm": "e:layout e:transa e:transb i:m i:n i:k s:alpha v:A i:lda v:B i:ldb s:beta o:C i:ldc",
    "symm": "e:layout e:side e:uplo i:m i:n s:alpha v:A i:lda v:B i:ldb s:beta o:C i:ldc",
    "syrk": "e:layout e:uplo e:trans i:n i:k s:alpha v:A i:lda s:beta o:C i:ldc",
    "trmm": "e:layout e:side e:uplo e:transa e:diag i:m i:n s:alpha v:A i:lda o:B i:ldb",
    "trsm": "e:layout e:side e:uplo e:transa e:diag i:m i:n s:alpha v:A i:lda o:B i:ldb",
}
RETURNS = {"dot", "nrm2", "asum"}
# Routines whose output is not read when beta is 0 (or at all: copy).
WRITE_ONLY_AT_BETA0 = {"gemv", "symv", "gemm", "symm", "syrk"}


def params(r):
    return [tuple(p.split(":")) for p in ROUTINES[r].split()]


def stored(layout, rows, cols):
    """(rows in storage, row length) of a rows x cols matrix."""
    return (rows, cols) if layout == ROW else (cols, rows)


def ld_of(layout, rows, cols, pad):
    return stored(layout, rows, cols)[1] + pad


INCS = [(1, 1), (2, -1), (-3, 2), (-1, -2)]


def configs(r):
    """Each configuration: a dict of the int/enum parameters and alpha, beta."""
    out = []
    if r in ("dot", "axpy", "copy", "swap"):
        for n, (incx, incy) in itertools.product((1, 5), INCS):
            out.append(dict(n=n, incx=incx, incy=incy, alpha=-0.8, beta=0))
    elif r in ("nrm2", "asum"):
        for n, incx in itertools.product((1, 5), (1, 2, 3)):
            out.append(dict(n=n, incx=incx, alpha=0, beta=0))
        if r == "nrm2":  # at x = 0 the rule's 0/0 is 0, as the central difference says
            out.append(dict(n=5, incx=2, alpha=0, beta=0, zero_x=1))
    elif r == "scal":
        for n, incx in itertools.product((1, 5), (1, 2, 3, -1)):
            out.append(dict(n=n, incx=incx, alpha=-0.8, beta=0))
    elif r == "gemv":
        for lay, tr, pad, (incx, incy), beta in itertools.product(
                (ROW, COL), (NT, TR), (0, 2), INCS, (0.0, 1.0, -0.7)):
            m, n = 3, 4
            out.append(dict(layout=lay, trans=tr, m=m, n=n, lda=ld_of(lay, m, n, pad), incx=incx, incy=incy,
                            alpha=1.3, beta=beta))
    elif r == "ger":
        for lay, pad, (incx, incy) in itertools.product((ROW, COL), (0, 2), INCS):
            m, n = 3, 4
            out.append(dict(layout=lay, m=m, n=n, lda=ld_of(lay, m, n, pad), incx=incx, incy=incy, alpha=1.3, beta=0))
    elif r == "symv":
        for lay, up, pad, (incx, incy), beta in itertools.product(
                (ROW, COL), (UP, LO), (0, 2), INCS, (0.0, 1.0, -0.7)):
            n = 4
            out.append(dict(layout=lay, uplo=up, n=n, lda=n + pad, incx=incx, incy=incy, alpha=1.3, beta=beta))
    elif r in ("trmv", "trsv"):
        for lay, up, tr, dg, pad, incx in itertools.product((ROW, COL), (UP, LO), (NT, TR), (NU, UN), (0, 2),
                                                            (1, 2, -1, -3)):
            n = 4
            out.append(dict(layout=lay, uplo=up, trans=tr, diag=dg, n=n, lda=n + pad, incx=incx, alpha=0, beta=0))
    elif r == "gemm":
        for lay, ta, tb, pad, beta in itertools.product((ROW, COL), (NT, TR), (NT, TR), (0, 2), (0.0, 1.0, -0.7)):
            m, n, k = 3, 4, 2
            a = (m, k) if ta == NT else (k, m)
            b = (k, n) if tb == NT else (n, k)
            out.append(dict(layout=lay, transa=ta, transb=tb, m=m, n=n, k=k, lda=ld_of(lay, *a, pad),
                            ldb=ld_of(lay, *b, pad + 1), ldc=ld_of(lay, m, n, pad), alpha=1.3, beta=beta))
    elif r == "symm":
        for lay, side, up, pad, beta in itertools.product((ROW, COL), (LEFT, RIGHT), (UP, LO), (0, 2),
                                                           (0.0, 1.0, -0.7)):
            m, n = 3, 4
            ka = m if side == LEFT else n
            out.append(dict(layout=lay, side=side, uplo=up, m=m, n=n, lda=ka + pad, ldb=ld_of(lay, m, n, pad + 1),
                            ldc=ld_of(lay, m, n, pad), alpha=1.3, beta=beta))
    elif r == "syrk":
        for lay, up, tr, pad, beta in itertools.product((ROW, COL), (UP, LO), (NT, TR), (0, 2), (0.0, 1.0, -0.7)):
            n, k = 4, 3
            a = (n, k) if tr == NT else (k, n)
            out.append(dict(layout=lay, uplo=up, trans=tr, n=n, k=k, lda=ld_of(lay, *a, pad), ldc=n + pad,
                            alpha=1.3, beta=beta))
    elif r in ("trmm", "trsm"):
        for lay, side, up, ta, dg, pad in itertools.product((ROW, COL), (LEFT, RIGHT), (UP, LO), (NT, TR), (NU, UN),
                                                             (0, 2)):
            m, n = 3, 4
            ka = m if side == LEFT else n
            out.append(dict(layout=lay, side=side, uplo=up, transa=ta, diag=dg, m=m, n=n, lda=ka + pad,
                            ldb=ld_of(lay, m, n, pad), alpha=1.3, beta=0))
    return out


# A triangular solve needs a well-conditioned triangle: this order, with
# a strong diagonal.
def tri_order(r, cfg):
    if r == "trsv":
        return "c->n"
    if r == "trsm":
        return "(c->side == CblasLeft ? c->m : c->n)"
    return None


def wrapper(r, prec, pattern, name):
    real = "double" if prec == "d" else "float"
    args, call = [], []
    for kind, p in params(r):
        wrt = "FG_WRT " if p in pattern else ""
        if kind in ("e", "i"):
            args.append("int %s" % p)
        elif kind == "s":
            args.append("%s%s %s" % (wrt, real, p))
        elif kind == "v":
            args.append("%sconst %s *%s" % (wrt, real, p))
        else:  # written: always active; FG_WRT also keeps "nothing else" from meaning "every parameter"
            args.append("FG_WRT %s *%s" % (real, p))
        call.append(p)
    ret = real if r in RETURNS else "void"
    body = "cblas_%s%s(%s)" % (prec, r, ", ".join(call))
    return "FG_DIFF %s %s(%s) {\n  %s%s;\n}\n" % (ret, name, ", ".join(args), "return " if r in RETURNS else "",
                                                 body)


def jvp_proto(r, prec, pattern, name, width=1):
    real = "double" if prec == "d" else "float"
    args = []
    sdot = ("const %s *%s_dot" if width > 1 else "%s %s_dot")
    for kind, p in params(r):
        if kind in ("e", "i"):
            args.append("int %s" % p)
        elif kind == "s":
            args.append("%s %s" % (real, p))
            if p in pattern:
                args.append(sdot % (real, p))
        elif kind == "v":
            args.append("const %s *%s" % (real, p))
            if p in pattern:
                args.append("const %s *%s_dot" % (real, p))
        else:
            args.append("%s *%s" % (real, p))
            args.append("%s *%s_dot" % (real, p))
    if r in RETURNS:
        args.append("%s *ret_dot" % real)
    return "%s %s_jvp%s(%s)" % (real if r in RETURNS else "void", name, width if width > 1 else "",
                                ", ".join(args))


def main():
    r = sys.argv[1]
    width = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    ps = params(r)
    inputs = [p for k, p in ps if k in ("s", "v")]
    arrays = [p for k, p in ps if k in ("v", "o")]
    scalars = [p for k, p in ps if k == "s"]
    outs = [p for k, p in ps if k == "o"]
    ints = [p for k, p in ps if k in ("e", "i")]
    # with nothing written, no active input means nothing to differentiate
    patterns = [set(c) for n in range(0 if outs else 1, len(inputs) + 1) for c in itertools.combinations(inputs, n)]
    w = sys.stdout.write
    w("/* Generated by test/blas/gen.py %s: the execution test of the rule for cblas_?%s. */\n" % (r, r))
    w("#include <cblas.h>\n#include <fgcc.h>\n\n")
    for i, pat in enumerate(patterns):
        for prec in "ds":
            w(wrapper(r, prec, pat, "%s_p%d" % (prec, i)))
    w("\n#ifdef FG_TEST_MAIN\n#include <math.h>\n#include <string.h>\n#include \"fgcheck.h\"\n\n")
    for i, pat in enumerate(patterns):
        for prec in "ds":
            w(jvp_proto(r, prec, pat, "%s_p%d" % (prec, i)) + ";\n")
            if width > 1:
                w(jvp_proto(r, prec, pat, "%s_p%d" % (prec, i), width) + ";\n")
    # configurations
    w("\ntypedef struct {\n  int %s;\n  double alpha, beta;\n  int zero_x; /* x = 0 */\n} Cfg;\n" % ", ".join(ints))
    w("static const Cfg cfgs[] = {\n")
    for c in configs(r):
        w("  {%s, %r, %r, %d},\n" % (", ".join(str(c[p]) for p in ints), float(c["alpha"]), float(c["beta"]),
                                     c.get("zero_x", 0)))
    w("};\nenum { NCFG = sizeof cfgs / sizeof cfgs[0], NBUF = 96 };\n\n")
    # operands: value, direction, and float copies
    w("typedef struct {\n  double %s;\n  double %s;\n} Point;\n" % (
        ", ".join("%s[NBUF]" % a for a in arrays), ", ".join(scalars) if scalars else "unused"))
    w("typedef struct {\n  float %s;\n  float %s;\n} PointF;\n\n" % (
        ", ".join("%s[NBUF]" % a for a in arrays), ", ".join(scalars) if scalars else "unused"))
    # one call of wrapper i in precision d on a point
    w("static double call_d(int i, const Cfg *c, Point *x) {\n  switch (i) {\n")
    for i, pat in enumerate(patterns):
        a = ["c->%s" % p if k in ("e", "i") else ("x->%s" % p) for k, p in ps]
        w("  case %d: %s d_p%d(%s);%s\n" % (i, "return" if r in RETURNS else "", i, ", ".join(a),
                                            "" if r in RETURNS else " return 0;"))
    w("  }\n  return 0;\n}\n\n")
    # one jvp of wrapper i in precision P, on a point x along dx (outputs in place)
    for prec, pt, real in (("d", "Point", "double"), ("s", "PointF", "float")):
        w("static %s jvp_%s(int i, const Cfg *c, %s *x, %s *dx, %s *ret_dot) {\n  (void)ret_dot;\n  switch (i) {\n" % (
            real, prec, pt, pt, real))
        for i, pat in enumerate(patterns):
            a = []
            for k, p in ps:
                if k in ("e", "i"):
                    a.append("c->%s" % p)
                    continue
                a.append("x->%s" % p)
                if k == "o" or p in pat:
                    a.append("dx->%s" % p)
            if r in RETURNS:
                a.append("ret_dot")
            w("  case %d: %s %s_p%d_jvp(%s);%s\n" % (i, "return" if r in RETURNS else "", prec, i, ", ".join(a),
                                                   "" if r in RETURNS else " return 0;"))
        w("  }\n  return 0;\n}\n\n")
    if width > 1:
        write_jvpw(w, r, ps, patterns, width, arrays, scalars)
    # active inputs of each pattern
    w("static const char *active[] = {%s};\n\n" % ", ".join(
        '"%s"' % " ".join(sorted(p)) for p in patterns))
    w("static int is_active(int i, const char *name) {\n"
      "  const char *a = active[i];\n  size_t n = strlen(name);\n"
      "  for (const char *p = strstr(a, name); p; p = strstr(p + 1, name))\n"
      "    if ((p == a || p[-1] == ' ') && (p[n] == ' ' || p[n] == 0))\n      return 1;\n  return 0;\n}\n\n")
    order = tri_order(r, None)
    w("/* A random point and direction; a triangle to solve gets a strong diagonal. */\n")
    w("static void make_point(int i, const Cfg *c, int zero_out, int nan_out, Point *x, Point *dx) {\n")
    w("  (void)i, (void)c, (void)zero_out, (void)nan_out;\n")
    for a in arrays:
        w("  for (int j = 0; j < NBUF; j++) {\n    x->%s[j] = fg_rand_uniform(-1, 1);\n" % a)
        if a in outs:
            w("    dx->%s[j] = zero_out ? 0 : fg_rand_uniform(-1, 1);\n" % a)
            w("    if (nan_out) x->%s[j] = dx->%s[j] = NAN;\n" % (a, a))
        else:
            w("    dx->%s[j] = is_active(i, \"%s\") ? fg_rand_uniform(-1, 1) : 0;\n" % (a, a))
        w("  }\n")
    for s in scalars:
        w("  x->%s = c->%s;\n  dx->%s = is_active(i, \"%s\") ? fg_rand_uniform(-1, 1) : 0;\n" % (s, s, s, s))
    if "x" in arrays:
        w("  for (int j = 0; j < NBUF && c->zero_x; j++)\n    x->x[j] = 0;\n")
    if order:
        w("  int n = %s;\n" % order)
        w("  for (int j = 0; j < NBUF; j++)\n    x->A[j] *= 0.3;\n")
        w("  for (int j = 0; j < n; j++)\n    x->A[j * c->lda + j] = 2.5 + j; /* (j, j) in either layout */\n")
    w("}\n\n")
    # x + h dx
    w("static void along(const Point *x, const Point *dx, double h, Point *y) {\n")
    for a in arrays:
        w("  for (int j = 0; j < NBUF; j++)\n    y->%s[j] = x->%s[j] + h * dx->%s[j];\n" % (a, a, a))
    for s in scalars:
        w("  y->%s = x->%s + h * dx->%s;\n" % (s, s, s))
    w("}\n\n")
    w("static void to_float(const Point *x, PointF *f, Point *back) {\n")
    for a in arrays:
        w("  for (int j = 0; j < NBUF; j++)\n    back->%s[j] = f->%s[j] = (float)x->%s[j];\n" % (a, a, a))
    for s in scalars:
        w("  back->%s = f->%s = (float)x->%s;\n" % (s, s, s))
    w("}\n\n")
    outs_list = ", ".join(outs) if outs else ""
    w("enum { NOUT = %d * NBUF + 1 };\n" % len(outs))
    w("/* The outputs of the double wrapper at x + h dx: its arrays, then its value. */\n")
    w("static void outputs(int i, const Cfg *c, const Point *x, const Point *dx, double h, double *o) {\n"
      "  static Point y;\n  along(x, dx, h, &y);\n  double r = call_d(i, c, &y);\n")
    for n, a in enumerate(outs):
        w("  memcpy(o + %d * NBUF, y.%s, sizeof y.%s);\n" % (n, a, a))
    w("  o[NOUT - 1] = r;\n}\n\n")
    w(r'''/* Richardson on central differences: (4 D(h/2) - D(h)) / 3. */
static void reference(int i, const Cfg *c, const Point *x, const Point *dx, double *ref) {
  static double p1[NOUT], m1[NOUT], p2[NOUT], m2[NOUT];
  const double h = 1e-3;
  outputs(i, c, x, dx, h, p1);
  outputs(i, c, x, dx, -h, m1);
  outputs(i, c, x, dx, h / 2, p2);
  outputs(i, c, x, dx, -h / 2, m2);
  for (int j = 0; j < NOUT; j++)
    ref[j] = (4 * (p2[j] - m2[j]) / h - (p1[j] - m1[j]) / (2 * h)) / 3;
}

static double scale_of(const double *ref) {
  double s = 1;
  for (int j = 0; j < NOUT; j++)
    if (isfinite(ref[j]) && fabs(ref[j]) > s)
      s = fabs(ref[j]);
  return s;
}

/* got must be NaN where the reference is (untouched NaN storage), else close. */
static void compare(const char *what, const double *got, const double *ref, double rtol) {
  double s = scale_of(ref);
  for (int j = 0; j < NOUT; j++) {
    if (isnan(ref[j]))
      fg_check(what, isnan(got[j]));
    else
      fg_check_close(what, got[j], ref[j], rtol, rtol * s);
  }
}

static void run(int i, const Cfg *c, int zero_out, int nan_out, char *what) {
  static Point x, dx, xd, dxd, back, dback;
  static PointF xf, dxf;
  static double ref[NOUT], got[NOUT];
  make_point(i, c, zero_out, nan_out, &x, &dx);
  /* double */
  xd = x;
  dxd = dx;
  double rd = 0, r = jvp_d(i, c, &xd, &dxd, &rd);
  reference(i, c, &x, &dx, ref);
''')
    for n, a in enumerate(outs):
        w("  memcpy(got + %d * NBUF, dxd.%s, sizeof dxd.%s);\n" % (n, a, a))
    w("  got[NOUT - 1] = rd;\n  compare(what, got, ref, 1e-8);\n")
    w("  {\n    static Point y;\n    along(&x, &dx, 0, &y);\n    double r0 = call_d(i, c, &y);\n"
      "    fg_check(\"primal value unchanged\", r == r0 || (isnan(r) && isnan(r0)));\n")
    for a in outs:
        w("    for (int j = 0; j < NBUF; j++)\n      fg_check(\"primal output unchanged\", "
          "xd.%s[j] == y.%s[j] || (isnan(xd.%s[j]) && isnan(y.%s[j])));\n" % (a, a, a, a))
    w("  }\n")
    w("  /* float: the float jvp against the double reference at the same (rounded) point */\n"
      "  to_float(&x, &xf, &back);\n  to_float(&dx, &dxf, &dback);\n"
      "  float rf = 0;\n  (void)jvp_s(i, c, &xf, &dxf, &rf);\n  reference(i, c, &back, &dback, ref);\n")
    for n, a in enumerate(outs):
        w("  for (int j = 0; j < NBUF; j++)\n    got[%d * NBUF + j] = dxf.%s[j];\n" % (n, a))
    w("  got[NOUT - 1] = rf;\n  what[0] = 's';\n  compare(what, got, ref, 2e-5);\n}\n\n")
    if width > 1:
        write_runw(w, r, outs)
    w(r'''int main(void) {
  char what[160];
  fg_rand_seed(20261205);%s
  for (int i = 0; i < (int)(sizeof active / sizeof active[0]); i++)
    for (int k = 0; k < NCFG; k++)
      for (int zero_out = 0; zero_out < 2; zero_out++)
        for (int nan_out = 0; nan_out < 1 + %s; nan_out++) {
          if (nan_out && (cfgs[k].beta != 0 || is_active(i, "beta")))
            continue;
          snprintf(what, sizeof what, "d %s [%%s] cfg %%d zero_out %%d nan_out %%d", active[i], k, zero_out, nan_out);
          %s(i, &cfgs[k], zero_out, nan_out, what);
        }
  return fg_check_report();
}
#endif
''' % ("\n  (void)run; /* the width-1 checks are gen.py ROUTINE's */" if width > 1 else "",
       "1" if r in WRITE_ONLY_AT_BETA0 else "0", r, "runw" if width > 1 else "run"))


def write_jvpw(w, r, ps, patterns, width, arrays, scalars):
    """Width-K points (K interleaved directions) and the calls of each _jvpK."""
    w("enum { KW = %d };\n" % width)
    for pt, real in (("PointW", "double"), ("PointWF", "float")):
        w("typedef struct {\n  %s %s;\n  %s %s;\n} %s;\n" % (
            real, ", ".join("%s[NBUF * KW]" % a for a in arrays), real,
            ", ".join("%s[KW]" % s for s in scalars) if scalars else "unused", pt))
    for prec, pt, ptw, real in (("d", "Point", "PointW", "double"), ("s", "PointF", "PointWF", "float")):
        w("static void jvpw_%s(int i, const Cfg *c, %s *x, %s *dx, %s *ret_dot) {\n  (void)ret_dot;\n  switch (i) {\n" % (
            prec, pt, ptw, real))
        for i, pat in enumerate(patterns):
            a = []
            for k, p in ps:
                if k in ("e", "i"):
                    a.append("c->%s" % p)
                    continue
                a.append("x->%s" % p)
                if k == "o" or p in pat:
                    a.append("dx->%s" % p)
            if r in RETURNS:
                a.append("ret_dot")
            w("  case %d: %s_p%d_jvp%d(%s); break;\n" % (i, prec, i, width, ", ".join(a)))
        w("  }\n}\n\n")
    # interleave K directions; take direction k back out
    for ptw, pt in (("PointW", "Point"), ("PointWF", "PointF")):
        suf = "" if pt == "Point" else "f"
        w("static void interleave%s(const %s *d, int k, %s *dw) {\n" % (suf, pt, ptw))
        for a in arrays:
            w("  for (int j = 0; j < NBUF; j++)\n    dw->%s[j * KW + k] = d->%s[j];\n" % (a, a))
        for sc in scalars:
            w("  dw->%s[k] = d->%s;\n" % (sc, sc))
        w("}\n\n")


def write_runw(w, r, outs):
    """One configuration at width K: every direction against the reference and the width-1 jvp."""
    w(r'''static void runw(int i, const Cfg *c, int zero_out, int nan_out, char *what) {
  static Point x, dx[KW], scratch, xd, dxd, back, dback, xw;
  static PointW dw;
  static PointF xf, dxf, xwf;
  static PointWF dwf;
  static double ref[NOUT], got[NOUT], one[NOUT];
  double rw[KW] = {0};
  float rwf[KW] = {0};
  for (int k = 0; k < KW; k++) {
    make_point(i, c, zero_out, nan_out, k ? &scratch : &x, &dx[k]);
    interleave(&dx[k], k, &dw);
  }
  xw = x;
  jvpw_d(i, c, &xw, &dw, rw);
  to_float(&x, &xf, &back);
  xwf = xf;
  for (int k = 0; k < KW; k++) {
    to_float(&dx[k], &dxf, &dback);
    interleavef(&dxf, k, &dwf);
  }
  jvpw_s(i, c, &xwf, &dwf, rwf);
  for (int k = 0; k < KW; k++) {
    size_t at = strlen(what);
    snprintf(what + at, 160 - at, " direction %d", k);
    /* double: against the reference and against the width-1 jvp */
    xd = x;
    dxd = dx[k];
    double rd = 0;
    (void)jvp_d(i, c, &xd, &dxd, &rd);
    reference(i, c, &x, &dx[k], ref);
''')
    for n, a in enumerate(outs):
        w("    for (int j = 0; j < NBUF; j++)\n      got[%d * NBUF + j] = dw.%s[j * KW + k], one[%d * NBUF + j] = dxd.%s[j];\n"
          % (n, a, n, a))
    w("    got[NOUT - 1] = rw[k];\n    one[NOUT - 1] = rd;\n")
    w("    what[0] = 'd';\n    compare(what, got, ref, 1e-8);\n    compare(what, got, one, 1e-12);\n")
    for a in outs:
        w("    for (int j = 0; j < NBUF; j++)\n      fg_check(\"primal output unchanged\", "
          "xw.%s[j] == xd.%s[j] || (isnan(xw.%s[j]) && isnan(xd.%s[j])));\n" % (a, a, a, a))
    w("    /* float */\n    PointF xs = xf;\n    to_float(&dx[k], &dxf, &dback);\n    float rs = 0;\n"
      "    (void)jvp_s(i, c, &xs, &dxf, &rs);\n    reference(i, c, &back, &dback, ref);\n")
    for n, a in enumerate(outs):
        w("    for (int j = 0; j < NBUF; j++)\n      got[%d * NBUF + j] = dwf.%s[j * KW + k], one[%d * NBUF + j] = dxf.%s[j];\n"
          % (n, a, n, a))
    w("    got[NOUT - 1] = rwf[k];\n    one[NOUT - 1] = rs;\n")
    w("    what[0] = 's';\n    compare(what, got, ref, 2e-5);\n    compare(what, got, one, 1e-5);\n")
    w("    what[at] = 0;\n  }\n}\n\n")


if __name__ == "__main__":
    main()
