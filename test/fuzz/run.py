#!/usr/bin/env python3
"""run.py -- differential testing of fgcc's derivatives on random programs.

    python3 test/fuzz/run.py --programs 5000 --seed 1 [--fgcc build/fgcc] [--jobs 2]

Programs come from gen.py (seeds seed, seed+1, ...), in batches: one C file
holding a batch of programs goes through

    fgcc src.c -o src_jvp.c                        no refusal, no crash, no hang
    clang-19 / gcc -std=c11 -Wall -Wextra -pedantic -Werror src_jvp.c
    clang-19 src.c (primal), clang-19 -DFG_REF src.c (long double reference)
    driver: every program's P_f_jvp against Richardson on the reference

and a batch that fails is split into its programs to find the culprits.
Each failure is reduced (statements dropped, subexpressions replaced while
the same failure persists), printed and saved into --save (a directory).

--width K (a power of two, 2..64) tests vector mode: programs without
struct S, `fgcc --width K`, and the driver calls P_f_jvpK on K random
directions at once, each checked against the same reference.
Exit status: 0 when every program passed, 1 otherwise.
"""
import argparse
import concurrent.futures
import itertools
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
sys.dont_write_bytecode = True  # no __pycache__ in the source tree
import gen  # noqa: E402

STRICT = ["-std=c11", "-Wall", "-Wextra", "-pedantic", "-Werror"]


class Tools:
    def __init__(self, args):
        self.fgcc = os.path.abspath(args.fgcc)
        self.clang = shutil.which("clang-19") or "/usr/lib/llvm-19/bin/clang"
        self.gcc = shutil.which("gcc") or "gcc"
        self.inc = ["-I" + os.path.join(ROOT, "runtime", "include")]
        self.drv_inc = ["-I" + HERE, "-I" + os.path.join(ROOT, "test", "exec")]
        self.timeout = args.timeout
        self.width = args.width  # fgcc --width K when K > 1
        # --openmp: every compiler and fgcc's parser get -fopenmp; the driver runs on 2 threads
        self.omp = ["-fopenmp"] if args.openmp else []
        # --chunks N: out.c compiled with the K tangents in N chunks (chunk.c), whatever the compiler would pick
        self.chunks = ["-DFG_CHUNKS=%d" % args.chunks, "-DFG_CHUNKS_F=%d" % args.chunks] if args.chunks else []


def sh(cmd, cwd, timeout, env=None):
    """Run a command: (status, output); status None on a timeout."""
    try:
        p = subprocess.run(cmd, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=timeout, env=env)
        return p.returncode, p.stdout.decode("utf-8", "replace")
    except subprocess.TimeoutExpired:
        return None, "timeout after %ds: %s" % (timeout, " ".join(cmd))


def first_warning_flag(out):
    """The first diagnostic, names blanked: what a reduction must keep."""
    m = re.search(r"(?:error|warning): (.*)", out)
    if not m:
        return "error"
    return re.sub(r"(['\u2018])[^'\u2019]*['\u2019]", "'_'", m.group(1)).replace("-Werror,", "").replace(
        "-Werror=", "-W")


def fgcc_failure(status, out):
    """The kind of an fgcc failure, or None when it succeeded."""
    if status is None:
        return ("fgcc-hang", "")
    if status == 0:
        return None
    if "internal error" in out or "assertion" in out or status < 0 or status > 2:
        sig = re.search(r"(internal error.*|assertion failed.*)", out)
        return ("fgcc-crash", sig.group(1)[:80] if sig else "status %d" % status)
    m = re.search(r"error: (.*)", out)
    return ("fgcc-refused", m.group(1)[:60] if m else out[:60])


def check_files(t, d, src_text, drv_text, strict_primal=True, want=None):
    """The pipeline on one source file and its driver in directory d.
    Returns (None, stdout of the driver) or ((kind, key), log). `want`
    (a kind) skips the stages a reduction for that kind does not need."""
    with open(os.path.join(d, "src.c"), "w") as f:
        f.write(src_text)
    with open(os.path.join(d, "ref.c"), "w") as f:
        f.write('#define FG_REF\n#include "src.c"\n')
    with open(os.path.join(d, "drv.c"), "w") as f:
        f.write(drv_text)
    if strict_primal:
        st, out = sh([t.clang] + STRICT + t.omp + t.inc + ["-fsyntax-only", "src.c"], d, t.timeout)
        if st != 0:
            return ("generator", first_warning_flag(out)), out
        st, out = sh([t.gcc] + STRICT + t.omp + t.inc + ["-fsyntax-only", "src.c"], d, t.timeout)
        if st != 0:
            return ("generator", first_warning_flag(out)), out
    wide = ["--width", str(t.width)] if t.width > 1 else []
    omp = ["--"] + t.omp if t.omp else []
    st, out = sh([t.fgcc] + wide + t.inc + ["src.c", "-o", "src_jvp.c"] + omp, d, t.timeout)
    kind = fgcc_failure(st, out)
    if kind or (want and want[0].startswith("fgcc")):
        return kind, out
    if not want or want[0] in ("clang-warning", "gcc-warning"):
        st, out = sh([t.clang] + STRICT + t.omp + t.chunks + t.inc + ["-fsyntax-only", "src_jvp.c"], d, t.timeout)
        if st != 0:
            return ("clang-warning", first_warning_flag(out)), out
        st, out = sh([t.gcc] + STRICT + t.omp + t.chunks + t.inc + ["-fsyntax-only", "src_jvp.c"], d, t.timeout)
        if st != 0:
            return ("gcc-warning", first_warning_flag(out)), out
        if want:
            return None, ""
    atomic = ["-latomic"] if t.omp else []  # clang's OpenMP reductions of long double call libatomic
    st, out = sh([t.clang, "-w", "-O1"] + t.omp + t.chunks + t.inc + t.drv_inc +
                 ["drv.c", "src.c", "src_jvp.c", "ref.c", "-lm"] + atomic + ["-o", "drv"], d, t.timeout * 2)
    if st != 0:
        return ("build", first_warning_flag(out)), out
    env = dict(os.environ, OMP_NUM_THREADS="2") if t.omp else None
    st, out = sh(["./drv"], d, t.timeout, env)
    if st is None:
        return ("run-hang", ""), out
    if st != 0:
        fails = re.findall(r"^\S+ FAIL (\w+)", out, re.M)
        if fails:
            return (fails[0], ""), out
        return ("run-crash", "status %d" % st), out
    return None, out


def check_batch(t, progs, workdir):
    """(None, driver stdout) when every program of the batch passed."""
    d = tempfile.mkdtemp(prefix="batch", dir=workdir)
    kind, out = check_files(t, d, gen.source(progs), gen.driver(progs))
    if kind is None:
        shutil.rmtree(d)
    return kind, out, d


# --------------------------------------------------------------- reduction

def units(lines):
    """Statement units: a line plus the lines indented deeper under it, plus
    its closing '}' line. Returns (start, end, is_block) ranges."""
    ind = [len(l) - len(l.lstrip()) for l in lines]
    res = []
    for i, l in enumerate(lines):
        s = l.strip()
        if not s or s.startswith("}") or s.startswith("#") or s.startswith("/*"):
            continue
        j = i + 1
        while j < len(lines) and (ind[j] > ind[i] or not lines[j].strip()):
            j += 1
        block = s.endswith("{")
        if block and j < len(lines) and lines[j].strip().startswith("}"):
            j += 1
        if j > i + 1 or not block:
            res.append((i, j, block))
    return res


def paren_spans(line):
    """(start, end, pieces) of each parenthesised group (with the name of a
    called function), pieces being its top-level operands."""
    out = []
    stack = []
    for i, c in enumerate(line):
        if c == "(":
            stack.append(i)
        elif c == ")" and stack:
            o = stack.pop()
            s = o
            while s > 0 and (line[s - 1].isalnum() or line[s - 1] == "_"):
                s -= 1
            inner = line[o + 1:i]
            out.append((s, i + 1, split_top(inner)))
    return out


def split_top(text):
    """Operands of the top-level operators (, ? : + - * / && || < >) in text."""
    pieces, depth, cur, i = [], 0, "", 0
    ops = [" && ", " || ", " <= ", " >= ", " == ", " != ", " < ", " > ", " + ", " - ", " * ", " / ", ", ",
           " ? ", " : "]
    while i < len(text):
        c = text[i]
        if c in "([":
            depth += 1
        elif c in ")]":
            depth -= 1
        if depth == 0:
            op = next((o for o in ops if text.startswith(o, i)), None)
            if op:
                pieces.append(cur)
                cur = ""
                i += len(op)
                continue
        cur += c
        i += 1
    pieces.append(cur)
    return [p.strip() for p in pieces if p.strip()] if len(pieces) > 1 else []


def candidates(lines):
    """Smaller versions of the program, biggest cuts first."""
    for i, j, block in sorted(units(lines), key=lambda u: u[0] - u[1]):
        yield lines[:i] + lines[j:]
    for i, j, block in units(lines):
        if block and j - i > 2 and lines[j - 1].strip() == "}":
            yield lines[:i] + lines[i + 1:j - 1] + lines[j:]
    for n, line in enumerate(lines):
        if line.lstrip().startswith(("FG_DIFF", "static")):
            continue
        for s, e, pieces in sorted(paren_spans(line), key=lambda x: x[0] - x[1]):
            for rep in ["1.5"] + ["(%s)" % p for p in pieces]:
                if rep != line[s:e]:
                    yield lines[:n] + [line[:s] + rep + line[e:]] + lines[n + 1:]


def reduce(t, prog, kind, workdir, budget_s):
    """Greedy delta reduction of prog's text while `kind` persists: rounds
    over the candidates; after a success the round goes on from the same
    position in the new candidate list, and ends when it reaches the end."""
    d = tempfile.mkdtemp(prefix="reduce", dir=workdir)
    drv = gen.driver([prog])
    lines = prog.text.rstrip("\n").split("\n")
    t0, tries = time.time(), 0
    strict = kind[0].endswith("warning")  # the primal must stay warning-free
    progress = True
    while progress and time.time() - t0 < budget_s:
        progress, pos = False, 0
        while time.time() - t0 < budget_s:
            cands = list(itertools.islice(candidates(lines), pos, pos + 1))
            if not cands:
                break
            tries += 1
            k, _ = check_files(t, d, gen_source_text(prog, cands[0]), drv, strict_primal=strict, want=kind)
            if k == kind:
                lines, progress = cands[0], True
            else:
                pos += 1
    shutil.rmtree(d)
    return "\n".join(lines) + "\n", tries


def gen_source_text(prog, lines):
    saved = prog.text
    prog.text = "\n".join(lines) + "\n"
    s = gen.source([prog])
    prog.text = saved
    return s


# ------------------------------------------------------------------ driver

def isolate(t, progs, workdir, kind, out):
    """The failing programs of a failed batch: [(prog, kind, log)]. The
    driver names the programs whose derivative failed; any other failure
    (fgcc, a compiler, a crash) is found by bisection."""
    if kind[0] in ("mismatch", "primal", "guard"):
        named = set(re.findall(r"^(\S+) FAIL", out, re.M))
        progs = [p for p in progs if p.prefix in named]
    bad = []
    for half in (progs[:len(progs) // 2], progs[len(progs) // 2:]) if len(progs) > 1 else (progs,):
        if not half:
            continue
        d = tempfile.mkdtemp(prefix="one", dir=workdir)
        k, o = check_files(t, d, gen.source(half), gen.driver(half))
        shutil.rmtree(d)
        if k and len(half) == 1:
            bad.append((half[0], k, o))
        elif k:
            bad += isolate(t, half, workdir, k, o)
    return bad


def report(t, args, prog, kind, log, workdir, reduce_it):
    print("FAIL %s (seed %d): %s %s" % (prog.prefix, prog.seed, kind[0], kind[1]))
    print("\n".join("  | " + l for l in log.strip().split("\n")[-12:]))
    text, tries = prog.text, 0
    if args.reduce and reduce_it and kind[0] not in ("generator", "build"):
        text, tries = reduce(t, prog, kind, workdir, args.reduce_seconds)
    src = gen_source_text(prog, text.rstrip("\n").split("\n"))
    print("  reduced in %d tries to:" % tries)
    print("\n".join("  > " + l for l in text.rstrip().split("\n")))
    if args.save:
        os.makedirs(args.save, exist_ok=True)
        w = " --width %d" % args.width if args.width > 1 else ""
        w += " --no-structs" if not args.structs and args.width == 1 else ""
        w += " --openmp" if args.openmp else ""
        base = os.path.join(args.save, "seed%d_%s%s" % (prog.seed, "w%d_" % args.width if args.width > 1 else "",
                                                         kind[0]))
        with open(base + ".c", "w") as f:
            f.write("/* fgcc fuzz failure: %s %s (seed %d).\n * Check it with: python3 test/fuzz/run.py "
                    "--programs 1 --seed %d%s\n */\n" % (kind[0], kind[1], prog.seed, prog.seed, w) + src)
        with open(base + "_driver.c", "w") as f:
            f.write(gen.driver([prog]))
        print("  saved %s.c and %s_driver.c" % (base, base))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--programs", type=int, default=200)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--batch", type=int, default=25, help="programs per C file")
    ap.add_argument("--jobs", type=int, default=1)
    ap.add_argument("--fgcc", default=os.path.join(ROOT, "build", "fgcc"))
    ap.add_argument("--timeout", type=int, default=60, help="seconds per command")
    ap.add_argument("--save", default="fuzz-failures", help="directory for reduced failures")
    ap.add_argument("--work", default=None, help="scratch directory (default: a temporary one)")
    ap.add_argument("--no-reduce", dest="reduce", action="store_false")
    ap.add_argument("--reduce-seconds", type=int, default=120, help="time budget of one reduction")
    ap.add_argument("--max-reduce", type=int, default=5, help="reduce only the first N failures")
    ap.add_argument("--stats", action="store_true", help="print per-program point statistics")
    ap.add_argument("--width", type=int, default=1,
                    help="K > 1: vector mode, fgcc --width K, K directions a call (implies --no-structs)")
    ap.add_argument("--no-structs", dest="structs", action="store_false",
                    help="programs without struct S (the programs of --width K, at width 1)")
    ap.add_argument("--openmp", action="store_true",
                    help="programs with OpenMP reduction loops, parsed and compiled with -fopenmp, run on 2 threads")
    ap.add_argument("--chunks", type=int, default=0,
                    help="N: compile out.c with -DFG_CHUNKS=N -DFG_CHUNKS_F=N (vector mode at K >= 4: the tangents in N chunks)")
    args = ap.parse_args()
    if args.chunks and (args.width < 4 or args.chunks & (args.chunks - 1) or args.chunks > args.width):
        ap.error("--chunks: a power of two up to --width, with --width 4 or more")
    if args.width not in (1, 2, 4, 8, 16, 32, 64):
        ap.error("--width: a power of two from 1 to 64")
    if args.width > 1:
        args.structs = False
    t = Tools(args)
    workdir = args.work or tempfile.mkdtemp(prefix="fgcc-fuzz")
    os.makedirs(workdir, exist_ok=True)
    # a copy: rebuilding fgcc during a long run does not disturb it
    shutil.copy2(t.fgcc, os.path.join(workdir, "fgcc"))
    t.fgcc = os.path.join(workdir, "fgcc")
    t0 = time.time()
    seeds = list(range(args.seed, args.seed + args.programs))
    batches = [[gen.Program(s, "p%d_" % s, structs=args.structs, width=args.width, openmp=args.openmp) for s in seeds[i:i + args.batch]]
               for i in range(0, len(seeds), args.batch)]
    failures, skipped, points, unexplained = [], 0, 0, 0
    with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as ex:
        futs = {ex.submit(check_batch, t, b, workdir): b for b in batches}
        for fut in concurrent.futures.as_completed(futs):
            kind, out, d = fut.result()
            for m in re.finditer(r"ok (\d+) points, (\d+) skipped", out):
                points += int(m.group(1))
                skipped += int(m.group(2))
            if args.stats:
                sys.stdout.write(out)
            if kind:
                bad = isolate(t, futs[fut], workdir, kind, out)
                if not bad:
                    print("batch failed (%s %s) but no program alone does: kept in %s" % (kind[0], kind[1], d))
                    unexplained += 1
                failures += bad
    for i, (prog, kind, log) in enumerate(sorted(failures, key=lambda f: f[0].seed)):
        report(t, args, prog, kind, log, workdir, i < args.max_reduce)
    if not args.work:
        shutil.rmtree(workdir, ignore_errors=True)
    mode = " at width %d" % args.width if args.width > 1 else ""  # a point is then a point and a direction
    mode += " in %d chunks" % args.chunks if args.chunks else ""
    mode += " with OpenMP on 2 threads" if args.openmp else ""
    print("fuzz: %d programs (seeds %d..%d)%s, %d points checked, %d skipped (reference unreliable), "
          "%d failures, %.1f s" % (args.programs, args.seed, args.seed + args.programs - 1, mode, points, skipped,
                                   len(failures) + unexplained, time.time() - t0))
    return 1 if failures or unexplained else 0


if __name__ == "__main__":
    sys.exit(main())
