#!/usr/bin/env python3
"""scale.py -- large inputs for measuring how fgcc's time and memory grow.

    python3 test/fuzz/scale.py KIND N > big.c

KIND:
  funcs   N lines in many small FG_DIFF functions (about 10 lines each)
  stmts   one FG_DIFF function with N statements
  sum     one expression: a sum of N terms
  ifs     N nested ifs
  elseifs an else-if chain of N branches
  loops   N nested for loops

Every input is valid C that fgcc differentiates; docs/reliability.md lists
the figures measured with them.
"""
import sys

HEAD = "#include <fgcc.h>\n#include <math.h>\n\n"


def funcs(n):
    out = [HEAD]
    for k in range(max(1, n // 10)):
        out.append(
            "FG_DIFF double f%d(double x, double y, int m) {\n"
            "  double s = x * y;\n"
            "  for (int i = 0; i < m; i++)\n"
            "    s += sin(x * i) / (1 + y * y);\n"
            "  if (s > %d)\n"
            "    s = log(1 + s * s);\n"
            "  return s * exp(-y);\n"
            "}\n\n" % (k, k % 7))
    return "".join(out)


def stmts(n):
    out = [HEAD, "FG_DIFF double f(double x, double y) {\n  double s = x, t = y;\n"]
    for k in range(n):
        out.append(["  s += t * %d.5;\n", "  t = sin(s) * %d + t;\n", "  s *= 1 + 1e-%d * t;\n",
                    "  t -= s / (2 + cos(t * %d));\n"][k % 4] % (k % 9 + 1))
    out.append("  return s + t;\n}\n")
    return "".join(out)


def sum_terms(n):
    terms = " + ".join("x * %d.0" % (k % 10) if k % 2 else "y" for k in range(n))
    return HEAD + "FG_DIFF double f(double x, double y) {\n  return %s;\n}\n" % terms


def ifs(n):
    """n ifs nested without braces (bracket depth stays 1: clang's limit is 256)."""
    out = [HEAD, "FG_DIFF double f(double x, int k) {\n  double s = x;\n"]
    for i in range(n):
        out.append("  if (k > %d)\n" % (i % 5 - 5))
    out.append("  s = s * x + 1;\n")
    out.append("  return s;\n}\n")
    return "".join(out)


def elseifs(n):
    """An else-if chain of n branches (each else nests the next if)."""
    out = [HEAD, "FG_DIFF double f(double x, int k) {\n  double s = x;\n  if (k == 0)\n    s = s * x;\n"]
    for i in range(1, n):
        out.append("  else if (k == %d)\n    s = s * x + %d;\n" % (i, i % 7))
    out.append("  return s;\n}\n")
    return "".join(out)


def loops(n):
    out = [HEAD, "FG_DIFF double f(double x, int m) {\n  double s = x;\n"]
    for i in range(n):
        out.append("  for (int i%d = 0; i%d < m; i%d++) {\n" % (i, i, i))
    out.append("  s = s * x;\n")
    out.append("  }\n" * n)
    out.append("  return s;\n}\n")
    return "".join(out)


KINDS = {"funcs": funcs, "stmts": stmts, "sum": sum_terms, "ifs": ifs, "elseifs": elseifs, "loops": loops}

if __name__ == "__main__":
    if len(sys.argv) != 3 or sys.argv[1] not in KINDS:
        sys.exit("usage: scale.py funcs|stmts|sum|ifs|elseifs|loops N")
    sys.stdout.write(KINDS[sys.argv[1]](int(sys.argv[2])))
