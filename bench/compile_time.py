#!/usr/bin/env python3
"""compile_time.py FGCC CLANG REPEATS SRC...: wall time of fgcc differentiating
each example loss.c (writing loss_jvp.c to a temporary directory) next to
clang-19 -fsyntax-only on the same file with the same include directories.
Medians of REPEATS runs after one warm-up run; JSON lines on stdout."""
import json
import os
import subprocess
import sys
import tempfile
import time


def median(xs):
    xs = sorted(xs)
    n = len(xs)
    return xs[n // 2] if n % 2 else 0.5 * (xs[n // 2 - 1] + xs[n // 2])


def timed(cmd, repeats):
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    out = []
    for _ in range(repeats):
        t = time.perf_counter()
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
        out.append(time.perf_counter() - t)
    return median(out), min(out), max(out)


def main():
    fgcc, clang, repeats, sources = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4:]
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    incs = ["-I" + os.path.join(root, "runtime/include"), "-I" + os.path.join(root, "examples/common")]
    with tempfile.TemporaryDirectory() as tmp:
        for src in sources:
            model = os.path.basename(os.path.dirname(src))
            out = os.path.join(tmp, model + "_jvp.c")
            lines = sum(1 for _ in open(src))
            for tool, cmd in (("fgcc", [fgcc, src, "-o", out] + incs),
                              ("clang-fsyntax-only", [clang, "-fsyntax-only", "-std=c11", src] + incs)):
                med, lo, hi = timed(cmd, repeats)
                print(json.dumps({"what": "compile", "model": model, "tool": tool, "median_s": med, "min_s": lo,
                                  "max_s": hi, "repeats": repeats, "lines": lines}), flush=True)


if __name__ == "__main__":
    main()
