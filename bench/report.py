#!/usr/bin/env python3
"""report.py: turns bench/run.sh's raw results into docs/benchmarks.md and
the figures of docs/bench/ (gnuplot, SVG). Every number in the report comes
from the result files; the hand-written reading (bench/notes.md) is appended
as it is."""
import argparse
import csv
import glob
import json
import os
import statistics
import subprocess

MODELS = ["logreg", "mlp", "cnn"]
PRECISIONS = ["f32", "f64"]
PREC_NAMES = {"f32": "float32", "f64": "float64"}
DATA_DIR = "."
QUICK = False
NAMES = {"logreg": "logistic regression", "mlp": "MLP", "cnn": "CNN"}
# the architecture of each model's "paper" configuration
ARCH = {"logreg": "784-10", "mlp": "784-1024-1024-10 (paper)", "cnn": "(paper: 4 conv × 64 ch., fc 1024)"}
# The paper's published cost ratios. Only the MLP's could be retrieved offline,
# and only through a secondary summary of the paper (see the report).
PAPER = {"mlp": (2.46, 4.17)}
# The headline: per model and precision, at batch 64 (or the largest batch timed)
HEADLINE = [("logreg", "paper"), ("mlp", "784-128-10"), ("mlp", "paper"), ("cnn", "paper")]
TARGET_BP, TARGET_FWD, TARGET_HAND = 1.0, 0.6, 1.05


CURVE_COLOURS = {"fg": "#1b9e77", "bp": "#d95f02"}
PROVENANCE = {}  # part -> the line naming the command, the date and the machine load of a section
PARTS = [("timing", "headline, sections 1, 2, 4, 5, 7, 8"), ("curves", "section 3"), ("compile", "section 6")]


def read_when(results, part):
    """when_PART.txt ('start: DATE, load L' and 'end: DATE, load L') as one phrase, None if absent."""
    path = os.path.join(results, "when_%s.txt" % part)
    if not os.path.exists(path):
        return None
    lines = dict(line.strip().split(": ", 1) for line in open(path) if ": " in line)
    if "start" not in lines:
        return None
    start_date, start_load = lines["start"].split(", load ")
    if "end" not in lines:
        return "%s (did not finish), load before %s" % (start_date, start_load)
    end_date, end_load = lines["end"].split(", load ")
    if end_date[:10] == start_date[:10]:
        end_date = end_date[11:]
    return "%s to %s, load %s before, %s after" % (start_date.replace(" UTC", ""), end_date, start_load, end_load)


def read_jsonl(path):
    if not os.path.exists(path):
        return []
    with open(path) as f:
        return [json.loads(line) for line in f if line.strip().startswith("{")]


def fmt_t(s):
    if s is None:
        return "—"
    if s < 1e-3:
        return "%.0f µs" % (s * 1e6)
    if s < 1:
        return "%.1f ms" % (s * 1e3)
    return "%.2f s" % s


def fmt_r(x, digits=2):
    return "—" if x is None else ("%%.%df" % digits) % x


def mib(kb):
    return "—" if kb is None else "%.0f" % (kb / 1024)


def div(a, b):
    return a / b if a is not None and b else None


def met(x, target):
    return "—" if x is None else ("yes" if x <= target else "no")


def table_head(out, *columns):
    """A Markdown table's header and separator lines."""
    out.append("| " + " | ".join(columns) + " |")
    out.append("|" + "---|" * len(columns))


def table_row(out, *cells):
    out.append("| " + " | ".join(str(c) for c in cells) + " |")


def precision(r):
    return r.get("precision", "f64")  # results from before float32 were all float64


def build(r):
    """The C build ("portable": the examples' flags, "native": -march=native); "" for PyTorch."""
    return r.get("build", "portable") if r["impl"] == "c" else ""


def label(m, cfg):
    if cfg == "paper":
        return "%s %s" % (NAMES[m], "(tiny)" if QUICK else ARCH[m])
    return "%s %s" % (NAMES[m], cfg)


class Steps:
    def __init__(self, rows):
        self.t = {}
        self.params = {}
        self.checks = {}
        for r in rows:
            key = (r["impl"], build(r), precision(r), r["model"], r["config"], r["batch"])
            if "median_s" in r:
                self.t[key + (r["what"],)] = r["median_s"]
                self.params[(r["model"], r["config"])] = r.get("params")
            elif r.get("what") == "check":
                self.checks[key] = r.get("rel_err")
        self.builds = [b for b in ("portable", "native") if any(k[1] == b for k in self.t)]

    def get(self, impl, prec, model, config, batch, what, bld="portable"):
        return self.t.get((impl, bld if impl == "c" else "", prec, model, config, batch, what))

    def ratio(self, impl, prec, model, config, batch, what, base="f", bld="portable"):
        return div(self.get(impl, prec, model, config, batch, what, bld),
                   self.get(impl, prec, model, config, batch, base, bld))

    def hand_ratio(self, prec, model, config, batch, bld="portable"):
        """fgcc's jvp / the hand-written one, or the reason there is none."""
        j, h = self.get("c", prec, model, config, batch, "jvp", bld), self.get("c", prec, model, config, batch, "hand", bld)
        if h is None and ("c", bld, prec, model, config, batch) in self.checks:
            return None, "check failed (rel. err. %.1e)" % self.checks[("c", bld, prec, model, config, batch)]
        return div(j, h), None

    def batches(self, model, config, prec=None):
        return sorted({k[5] for k in self.t if k[3] == model and k[4] == config and (prec is None or k[2] == prec)})

    def rows(self):
        """(model, config) of the step tables (not the depth series), in MODELS order, smaller first."""
        pairs = {(k[3], k[4]) for k in self.t if not k[4].startswith("depth") and k[4] != "width"}
        return sorted(pairs, key=lambda mc: (MODELS.index(mc[0]), self.params.get(mc) or 0, mc[1]))

    def precisions(self):
        return [p for p in PRECISIONS if any(k[2] == p for k in self.t)]

    def native(self):
        return "native" in self.builds


def headline_batch(st, m, cfg, prec):
    batches = st.batches(m, cfg, prec)
    return 64 if 64 in batches else (max(batches) if batches else None)


def both(st, fn, fmt):
    """fn(build) for the portable build, and the native one when timed: "p / n"."""
    return " / ".join(fmt(fn(b)) for b in st.builds) if st.builds else "—"


def section_headline(st, out, command, when):
    rows = [(m, cfg) for m, cfg in HEADLINE if st.batches(m, cfg)]
    if not rows:
        return
    out.append("## Headline\n")
    builds = " / ".join({"portable": "portable build", "native": "`-march=native` build"}[b] for b in st.builds)
    out.append("Per step, at batch 64 (the paper's; else the largest batch timed), one thread: fgcc's forward-gradient step (v ~ N(0, I), f and ∇f·v "
               "through the generated `loss_jvp`, θ ← θ − η (∇f·v) v) over PyTorch's backprop step (target ≤ %.1f: "
               "no slower than backprop) and over PyTorch's forward-gradient step through `forward_ad` (target ≤ %.1f), "
               "and fgcc's generated JVP over the hand-written tangent of the same loss (target ≤ %.2f). Each C "
               "figure is given as %s; *met* answers for each. Sections 1, 2 and 4a have the times these ratios come "
               "from. Command: `%s`; measured %s.\n" % (TARGET_BP, TARGET_FWD, TARGET_HAND, builds, command,
                                                        when or "(no date recorded)"))
    table_head(out, "model", "precision", "batch", "fgcc fg step", "PyTorch bp step", "PyTorch fwd-AD step",
               "fgcc / PyTorch bp (≤ %.1f)" % TARGET_BP, "met", "fgcc / PyTorch fwd-AD (≤ %.1f)" % TARGET_FWD, "met",
               "generated / hand JVP (≤ %.2f)" % TARGET_HAND, "met")
    for m, cfg in rows:
        for p in st.precisions():
            b = headline_batch(st, m, cfg, p)
            if b is None:
                continue
            fg = lambda bld: st.get("c", p, m, cfg, b, "fg", bld)  # noqa: E731
            tb, tf = st.get("torch", p, m, cfg, b, "bp"), st.get("torch", p, m, cfg, b, "fg")
            r_bp = lambda bld: div(fg(bld), tb)  # noqa: E731
            r_fwd = lambda bld: div(fg(bld), tf)  # noqa: E731

            def hand(bld):
                return st.hand_ratio(p, m, cfg, b, bld)[0]
            hand_cell = both(st, lambda bld: st.hand_ratio(p, m, cfg, b, bld), lambda x: x[1] or fmt_r(x[0], 3))
            table_row(out, label(m, cfg), PREC_NAMES[p], b, both(st, fg, fmt_t), fmt_t(tb), fmt_t(tf),
                      both(st, r_bp, fmt_r), both(st, r_bp, lambda x: met(x, TARGET_BP)),
                      both(st, r_fwd, fmt_r), both(st, r_fwd, lambda x: met(x, TARGET_FWD)),
                      hand_cell, both(st, hand, lambda x: met(x, TARGET_HAND)))
    out.append("")


def per_precision(st, out, table):
    """One table per precision, under a ### heading each."""
    for p in st.precisions():
        out.append("### %s\n" % PREC_NAMES[p])
        table(p)
        out.append("")


def section_ratios(st, out):
    out.append("## 1. Cost ratios per step\n")
    out.append(PROVENANCE.get("timing", ""))
    out.append("R_f = time(forward-gradient step) / time(f), R_b = time(backprop step) / time(f), each relative "
               "to f in the same implementation and build. A forward-gradient step samples v ~ N(0, I), computes f "
               "and ∇f·v and updates θ ← θ − η (∇f·v) v (libfgrt's one-direction step: g is never formed); *±1* = "
               "the same step with Rademacher directions (v_i = ±1, also unbiased, cheaper to draw); a backprop step "
               "computes f and ∇f and updates θ ← θ − η ∇f. R_b / R_f > 1 means a forward-gradient step is cheaper "
               "than a backprop step. *C* = the portable build%s.\n"
               % (", *native* = the same C built with `-march=native`" if st.native() else ""))
    native = st.native()

    def table(p):
        cols = ["model", "batch", "C: f", "C: R_f (fgcc)", "C: R_f ±1", "C: R_b (hand backprop)", "C: R_b/R_f"]
        if native:
            cols += ["native: f", "native: R_f", "native: R_f ±1", "native: R_b", "native: R_b/R_f"]
        cols += ["PyTorch: f", "PyTorch: R_f", "PyTorch: R_f ±1", "PyTorch: R_b", "PyTorch: R_b/R_f", "paper: R_f",
                 "paper: R_b"]
        table_head(out, *cols)
        for m, cfg in st.rows():
            for b in st.batches(m, cfg, p):
                cells = [label(m, cfg), b]
                for bld in st.builds:
                    rf, rb = st.ratio("c", p, m, cfg, b, "fg", bld=bld), st.ratio("c", p, m, cfg, b, "bp", bld=bld)
                    cells += [fmt_t(st.get("c", p, m, cfg, b, "f", bld)), fmt_r(rf),
                              fmt_r(st.ratio("c", p, m, cfg, b, "fg_rad", bld=bld)), fmt_r(rb), fmt_r(div(rb, rf))]
                tf, tb = st.ratio("torch", p, m, cfg, b, "fg"), st.ratio("torch", p, m, cfg, b, "bp")
                pf, pb = PAPER.get(m, (None, None)) if b == 64 and cfg == "paper" else (None, None)
                cells += [fmt_t(st.get("torch", p, m, cfg, b, "f")), fmt_r(tf),
                          fmt_r(st.ratio("torch", p, m, cfg, b, "fg_rad")), fmt_r(tb), fmt_r(div(tb, tf)), fmt_r(pf),
                          fmt_r(pb)]
                table_row(out, *cells)
    per_precision(st, out, table)


def section_absolute(st, out):
    out.append("## 2. Time per step\n")
    out.append(PROVENANCE.get("timing", ""))
    out.append("Medians. fgcc = forward-gradient step with fgcc's generated loss_jvp; C bp = the examples' "
               "hand-written backprop; PyTorch fg = forward_ad dual tensors; PyTorch bp = loss.backward(). "
               "Ratios below 1: the C step is faster.%s\n"
               % (" *native*: the C code built with `-march=native`." if st.native() else ""))
    native = st.native()

    def table(p):
        cols = ["model", "batch", "fgcc fg", "C bp"]
        if native:
            cols += ["native: fgcc fg", "native: C bp"]
        cols += ["PyTorch fg", "PyTorch bp", "fgcc / PyTorch fg", "fgcc / PyTorch bp", "fgcc / C bp"]
        if native:
            cols += ["native: fgcc / PyTorch fg", "native: fgcc / PyTorch bp", "native: fgcc / C bp"]
        table_head(out, *cols)
        for m, cfg in st.rows():
            for b in st.batches(m, cfg, p):
                g = lambda i, w, bld="portable": st.get(i, p, m, cfg, b, w, bld)  # noqa: E731
                tf, tb = g("torch", "fg"), g("torch", "bp")
                cells = [label(m, cfg), b]
                for bld in st.builds:
                    cells += [fmt_t(g("c", "fg", bld)), fmt_t(g("c", "bp", bld))]
                cells += [fmt_t(tf), fmt_t(tb)]
                for bld in st.builds:
                    cf, cb = g("c", "fg", bld), g("c", "bp", bld)
                    cells += [fmt_r(div(cf, tf)), fmt_r(div(cf, tb)), fmt_r(div(cf, cb))]
                table_row(out, *cells)
    per_precision(st, out, table)


def section_jvp(st, out):
    out.append("## 4a. JVP overhead of the generated code\n")
    out.append(PROVENANCE.get("timing", ""))
    out.append("time(f_jvp) / time(f) for fgcc's generated loss_jvp and for a tangent of the same loss written by "
               "hand in C (bench/handjvp/: the same BLAS calls and loops, primal and tangent fused, the practical "
               "limit). bench_step checks that both give the same ∇f·v before timing (*check failed*: they did not, "
               "and the hand-written tangent was not timed). *fgcc / hand*: target ≤ %.2f. PyTorch's forward_ad and "
               "functorch.jvp ratios for comparison.\n" % TARGET_HAND)
    native = st.native()

    def table(p):
        cols = ["model", "batch", "f", "fgcc jvp / f", "hand jvp / f", "fgcc / hand", "≤ %.2f" % TARGET_HAND]
        if native:
            cols += ["native: fgcc / hand", "≤ %.2f" % TARGET_HAND]
        cols += ["PyTorch forward_ad / f", "PyTorch functorch.jvp / f"]
        table_head(out, *cols)
        for m, cfg in st.rows():
            for b in st.batches(m, cfg, p):
                cells = [label(m, cfg), b, fmt_t(st.get("c", p, m, cfg, b, "f")),
                         fmt_r(st.ratio("c", p, m, cfg, b, "jvp")), fmt_r(st.ratio("c", p, m, cfg, b, "hand"))]
                for bld in st.builds:
                    r, why = st.hand_ratio(p, m, cfg, b, bld)
                    cells += [why or fmt_r(r, 3), met(r, TARGET_HAND)]
                cells += [fmt_r(st.ratio("torch", p, m, cfg, b, "jvp")),
                          fmt_r(st.ratio("torch", p, m, cfg, b, "jvp_functorch"))]
                table_row(out, *cells)
    per_precision(st, out, table)


def mem_table(rows, configs, out, label_head):
    mem = {(r["impl"], r["model"], r["config"], r["what"]): r["maxrss_kb"] for r in rows}
    table_head(out, label_head, "impl", "baseline", "f", "fg step", "bp step", "fg − baseline", "bp − baseline",
               "bp / fg (above baseline)")
    for (m, cfg, name) in configs:
        for impl in ("c", "torch"):
            g = lambda w: mem.get((impl, m, cfg, "mem_" + w))  # noqa: E731
            if g("none") is None:
                continue
            fg, bp, base = g("fg"), g("bp"), g("none")
            ratio = (bp - base) / (fg - base) if fg and bp and fg - base >= 1024 else None  # >= 1 MiB
            table_row(out, name, "C (fgcc / hand bp)" if impl == "c" else "PyTorch", mib(base), mib(g("f")), mib(fg),
                      mib(bp), mib(fg - base if fg else None), mib(bp - base if bp else None), fmt_r(ratio))


def section_memory(st, rows, machine, out):
    out.append("## 4b. Peak memory\n")
    out.append(PROVENANCE.get("timing", ""))
    out.append("Peak resident set (MiB, getrusage ru_maxrss) of a process that loads one minibatch, initialises θ "
               "and runs the operation twice; one process per cell (C: the portable build). *baseline* allocates θ "
               "and the batch only (and, for PyTorch, the interpreter and libtorch). The forward-gradient step needs "
               "θ and v (the one-direction update never forms g) plus the activations of one layer at a time and "
               "their tangents; backprop needs θ, ∇f and every layer's activations for the backward sweep. Batch %s.\n"
               % machine.get("mem_batch", "64"))
    for p in PRECISIONS:
        prows = [r for r in rows if precision(r) == p and not r["config"].startswith("depth")]
        if not prows:
            continue
        out.append("### %s\n" % PREC_NAMES[p])
        configs = sorted({(r["model"], r["config"]) for r in prows},
                         key=lambda mc: (MODELS.index(mc[0]), st.params.get(mc) or 0, mc[1]))
        mem_table(prows, [(m, cfg, label(m, cfg)) for m, cfg in configs], out, "model")
        out.append("")


def section_depth(st, mem_rows, figs, out, have_fig):
    depths = sorted({int(k[4][5:]) for k in st.t if k[4].startswith("depth")})
    if not depths:
        return
    mem = {(r["impl"], precision(r), r["config"], r["what"]): r["maxrss_kb"] for r in mem_rows}
    out.append("## 5. Scaling with depth\n")
    out.append(PROVENANCE.get("timing", ""))
    out.append("MLPs with 1, 2, 4, 8 ... hidden layers of equal width (ReLU), batch 64, the paper's depth experiment. "
               "Memory columns: peak RSS above the baseline process (MiB).%s\n"
               % (" *native*: the C code built with `-march=native`." if st.native() else ""))
    native = st.native()

    def mm(i, p, cfg, w):
        k, b = (i, p, cfg, "mem_" + w), (i, p, cfg, "mem_none")
        return mem[k] - mem[b] if k in mem and b in mem else None

    def table(p):
        cols = ["hidden layers", "params", "C: f", "C: R_f", "C: R_b", "C: fgcc jvp / hand"]
        if native:
            cols += ["native: f", "native: R_f", "native: R_b", "native: fgcc jvp / hand"]
        cols += ["PyTorch: f", "PyTorch: R_f", "PyTorch: R_b", "C mem fg", "C mem bp", "PyTorch mem fg",
                 "PyTorch mem bp"]
        table_head(out, *cols)
        for d in depths:
            cfg = "depth%d" % d
            cells = [d, st.params.get(("mlp", cfg), "—")]
            for bld in st.builds:
                r, why = st.hand_ratio(p, "mlp", cfg, 64, bld)
                cells += [fmt_t(st.get("c", p, "mlp", cfg, 64, "f", bld)),
                          fmt_r(st.ratio("c", p, "mlp", cfg, 64, "fg", bld=bld)),
                          fmt_r(st.ratio("c", p, "mlp", cfg, 64, "bp", bld=bld)), why or fmt_r(r, 3)]
            cells += [fmt_t(st.get("torch", p, "mlp", cfg, 64, "f")), fmt_r(st.ratio("torch", p, "mlp", cfg, 64, "fg")),
                      fmt_r(st.ratio("torch", p, "mlp", cfg, 64, "bp")), mib(mm("c", p, cfg, "fg")),
                      mib(mm("c", p, cfg, "bp")), mib(mm("torch", p, cfg, "fg")), mib(mm("torch", p, cfg, "bp"))]
            table_row(out, *cells)
    per_precision(st, out, table)
    datas = {}
    for p in st.precisions():
        data = datas[p] = os.path.join(DATA_DIR, "depth_%s.dat" % p)
        with open(data, "w") as f:
            f.write("# %s: depth c_rf c_rb torch_rf torch_rb c_mem_fg c_mem_bp torch_mem_fg torch_mem_bp (MiB)\n" % p)
            for d in depths:
                cfg = "depth%d" % d
                vals = [st.ratio("c", p, "mlp", cfg, 64, "fg"), st.ratio("c", p, "mlp", cfg, 64, "bp"),
                        st.ratio("torch", p, "mlp", cfg, 64, "fg"), st.ratio("torch", p, "mlp", cfg, 64, "bp")]
                for i in ("c", "torch"):
                    for w in ("fg", "bp"):
                        v = mm(i, p, cfg, w)
                        vals.append(None if v is None else v / 1024)
                f.write("%d %s\n" % (d, " ".join("NaN" if v is None else "%.6g" % v for v in vals)))
    if have_fig and datas:
        # float32 solid, float64 dashed; one colour per contender
        colours = ["#1b9e77", "#d95f02", "#7570b3", "#e7298a"]
        ratios, memory = [], []
        for p, data in datas.items():
            dash = "" if p == "f32" else " dt 2"
            for col, (name, c) in enumerate([("C: fgcc forward gradient (R_f)", 2), ("C: hand backprop (R_b)", 3),
                                             ("PyTorch: forward_ad (R_f)", 4), ("PyTorch: backward (R_b)", 5)]):
                ratios.append("'%s' u 1:%d w lp lc rgb '%s'%s t '%s, %s'" % (data, c, colours[col], dash, name,
                                                                          PREC_NAMES[p]))
            for col, (name, c) in enumerate([("C: forward-gradient step", 6), ("C: backprop step", 7),
                                             ("PyTorch: forward-gradient step", 8), ("PyTorch: backprop step", 9)]):
                memory.append("'%s' u 1:%d w lp lc rgb '%s'%s t '%s, %s'" % (data, c, colours[col], dash, name,
                                                                          PREC_NAMES[p]))
        gnuplot(figs, "depth_ratios.svg", "set title 'Cost ratio per step vs depth (MLP, batch 64)'\n"
                "set xlabel 'hidden layers'; set ylabel 'time(step) / time(f)'; set logscale x 2; set key below\n"
                "plot " + ", \\\n  ".join(ratios) + "\n")
        gnuplot(figs, "depth_memory.svg", "set title 'Peak memory above baseline vs depth (MLP, batch 64)'\n"
                "set xlabel 'hidden layers'; set ylabel 'MiB'; set logscale x 2; set key below\n"
                "plot " + ", \\\n  ".join(memory) + "\n")
        out.append("![cost ratios vs depth](bench/depth_ratios.svg)\n")
        out.append("![memory vs depth](bench/depth_memory.svg)\n")


CPU_PATHS = ("generic", "avx2", "avx512")


def number(s):
    try:
        return float(s)
    except ValueError:
        return None


def parse_rng(text):
    """bench_rng's table as {(path, fill): ns per value}. Robust to column changes: a row is a line with a
    CPU path name (or after a '# FGRT_CPU=path' line), a fill name and numbers; ns/value is the column
    whose header mentions ns (counted from the right, as 'M values/s' is two words), else the last number,
    else 1000 / M values/s."""
    rows, env, ns_from_right, mv_from_right = {}, None, None, None
    for line in text.splitlines():
        if line.startswith("# FGRT_CPU="):
            env = line.split("=", 1)[1].strip()
            continue
        words = line.split()
        nums = [number(w) for w in words]
        if words and all(n is None for n in nums):  # a header
            low = [w.lower() for w in words]
            ns_from_right = next((len(low) - i for i, w in enumerate(low) if w.startswith("ns")), None)
            mv_from_right = next((len(low) - i for i, w in enumerate(low) if "values/s" in w), None)
            continue
        names = [w for w, n in zip(words, nums) if n is None]
        path = next((w for w in names if w in CPU_PATHS), env)
        fill = next((w for w in names if w not in CPU_PATHS), None)
        if not path or not fill or all(n is None for n in nums):
            continue
        ns = None
        if ns_from_right and ns_from_right <= len(words):
            ns = nums[len(words) - ns_from_right]
        if ns is None and mv_from_right and mv_from_right <= len(words) and nums[len(words) - mv_from_right]:
            ns = 1e3 / nums[len(words) - mv_from_right]
        if ns is None:
            ns = [n for n in nums if n is not None][-1]
        rows[(path, fill)] = ns
    return rows


def fill_kind(fill):
    """(operation, distribution, precision) of one of libfgrt's fill functions, from its name."""
    f = fill.lower()
    dist = "Rademacher" if "rademacher" in f else "normal" if "normal" in f else fill
    prec = "float32" if f.endswith("_f") or "float" in f or "f32" in f else "float64"
    op = "θ += a·v (fused)" if "axpy" in f else "fill v"
    return op, dist, prec


def section_rng(results, out):
    texts = {b: open(os.path.join(results, "rng_%s.txt" % b)).read()
             for b in ("portable", "native") if os.path.exists(os.path.join(results, "rng_%s.txt" % b))}
    if not texts:
        return
    out.append("## 7. Sampler throughput\n")
    out.append(PROVENANCE.get("timing", ""))
    out.append("ns per value of libfgrt's direction samplers (docs/runtime.md): double normals (`fgrt_fill_normal`, "
               "`fgrt_axpy_normal`) by the ziggurat on Philox4x32-10 bits; float normals (`fgrt_fill_normal_f`) "
               "by Box–Muller on ARS-7 (Random123's ars4x32 with 7 AES rounds: AES-NI on the avx2 path, AES in "
               "software on the generic one); Rademacher values (±1) one Philox4x32-10 bit each, the same values "
               "in both precisions. `bench_rng` "
               "(runtime/bench/bench_rng.c): 10⁶ values per call, one core, the best of its rounds, on each code "
               "path the CPU has (chosen at run time; `FGRT_CPU=generic|avx2|avx512` forces one, all give the same "
               "values)%s.\n" % (", in the portable and the `-march=native` build" if len(texts) > 1 else ""))
    parsed = {b: parse_rng(t) for b, t in texts.items()}
    paths = [p for p in CPU_PATHS if any(p == k[0] for rows in parsed.values() for k in rows)]
    fills = list(dict.fromkeys(f for rows in parsed.values() for _, f in rows))  # in order, once each
    if not paths or not fills:
        out.append("bench_rng's output could not be read; here it is as printed:\n")
        for b, t in texts.items():
            out.append("%s build:\n\n```\n%s\n```\n" % (b, t.rstrip()))
        return
    cols = ["operation", "distribution", "precision", "function"]
    for b in parsed:
        cols += [("%s" % p) + ("" if b == "portable" else " (native build)") for p in paths]
    table_head(out, *cols)
    order = sorted(fills, key=lambda f: (fill_kind(f)[0], fill_kind(f)[1] != "normal", fill_kind(f)[2]))
    for f in order:
        cells = list(fill_kind(f)) + ["`%s`" % f]
        for b, rows in parsed.items():
            cells += [fmt_r(rows.get((p, f)), 3) for p in paths]
        table_row(out, *cells)
    out.append("")


def section_width(results, st, out):
    rows = {b: read_jsonl(os.path.join(results, "width_%s.jsonl" % b)) for b in ("portable", "native")
            if os.path.exists(os.path.join(results, "width_%s.jsonl" % b))}
    if not any(rows.values()):
        return
    out.append("## 8. Vector mode: K tangents in one pass\n")
    out.append(PROVENANCE.get("timing", ""))
    out.append("One call of `NAME_jvp8` (`fgcc --width 8`: eight tangents per value, GCC vector types) against eight "
               "calls of `NAME_jvp` giving the same eight directional derivatives (checked before timing), on "
               "scalar-heavy code (`bench/width/residuals.c`: MINPACK-2's Broyden banded residual, an Arrhenius "
               "kinetics residual, a softmax regression written with loops; `bench/width/bench_width.c`, median of "
               "5 rounds). Target: jvp8 / (8 × jvp) ≤ 0.5. The examples' losses are in the second table.\n")
    table_head(out, "function", "inputs", *["%s: jvp8 (µs)" % b for b in rows] + ["%s: 8 × jvp (µs)" % b for b in rows]
               + ["%s: ratio" % b for b in rows] + ["≤ 0.5"])
    by = {b: {r["function"]: r for r in rs} for b, rs in rows.items()}
    for f in dict.fromkeys(r["function"] for rs in rows.values() for r in rs):
        rr = [by[b].get(f) for b in rows]
        first = next(r for r in rr if r)
        table_row(out, "`%s`" % f, str(first["inputs"]),
                  *["%.2f" % (r["jvp8_s"] * 1e6) if r else "—" for r in rr],
                  *["%.2f" % (r["jvp_x8_s"] * 1e6) if r else "—" for r in rr],
                  *["%.2f" % r["ratio"] if r else "—" for r in rr],
                  " / ".join("yes" if r and r["ratio"] <= 0.5 else "no" for r in rr))
    out.append("")
    section_width_examples(st, out)


def section_width_examples(st, out):
    """The examples' losses (CBLAS, bench_step --what=jvp,jvp8, config "width")."""
    keys = [(m, p, b, n) for m in MODELS for p in PRECISIONS for b in ("portable", "native")
            for n in st.batches(m, "width", p) if st.get("c", p, m, "width", n, "jvp8", b)]
    if not keys:
        return
    out.append("The examples' losses (CBLAS calls: the width-8 gemm rules), `bench_step --what=jvp,jvp8` "
               "(median of 3 rounds). A BLAS-bound loss saves only its primal: the tangent gemms carry 8 times the "
               "columns.\n")
    table_head(out, "model", "precision", "build", "batch", "jvp", "jvp8", "jvp8 / (8 × jvp)", "≤ 0.5")
    for m, p, b, n in keys:
        j, j8 = st.get("c", p, m, "width", n, "jvp", b), st.get("c", p, m, "width", n, "jvp8", b)
        r = div(j8, 8 * j) if j else None
        table_row(out, m, p, b, str(n), fmt_t(j), fmt_t(j8), fmt_r(r) if r else "—", met(r, 0.5) if r else "—")
    out.append("")


def gnuplot(figs, name, script):
    full = "set terminal svg size 720,440 dynamic font 'sans,11' background '#ffffff'\nset output '%s'\nset grid\n%s" % (
        os.path.join(figs, name), script)
    subprocess.run(["gnuplot"], input=full.encode(), check=True)


def read_curve(path):
    with open(path) as f:
        rows = list(csv.DictReader(f))
    return [(int(r["step"]), float(r["time_s"]), float(r["loss"])) for r in rows if r.get("loss") not in (None, "")]


def section_curves(results, figs, out, have_fig):
    cfg_path = os.path.join(results, "curves", "config.txt")
    if not os.path.exists(cfg_path):
        return
    configs = [line.strip().split("|") for line in open(cfg_path) if line.strip()]
    out.append("## 3. Training: loss against time and iterations\n")
    out.append(PROVENANCE.get("curves", ""))
    out.append("SGD with the paper's schedule η_i = η_0 exp(−10⁻⁴ i), batch 64, reshuffled every epoch, on the "
               "training images; the loss plotted is the mean training loss over each log window (100 steps). "
               "Lines are the mean over seeds, bands the min–max over seeds. Learning rates and forward-gradient "
               "clipping are the examples' defaults (forward gradient / backprop; *clip c*: each forward-gradient "
               "estimate capped at norm c·√n, n parameters, in C and in PyTorch alike); C (the portable build, "
               "`examples/<model> --precision=...`) and PyTorch in the same precision. *Target* = the highest final loss of any forward-gradient run "
               "(C or PyTorch, any seed): the loss forward gradients reach in this budget; time to target = first "
               "logged window at or below it (training time only, evaluation excluded), mean and range over the "
               "seeds that reached it. "
               "T_f/T_b = mean time to target of the forward gradient over that of backprop in the same "
               "implementation (the paper's T_f/T_b; below 1: forward gradients get there first).\n")
    table_head(out, "model", "options", "precision", "steps", "seeds", "η₀ fg / bp", "target loss", "contender",
               "final loss (mean)", "time to target (mean, range)", "seeds reaching it")
    contenders = [("c", "fg", "fgcc forward gradient"), ("c", "bp", "C backprop"),
                  ("torch", "fg", "PyTorch forward gradient"), ("torch", "bp", "PyTorch backprop")]
    ratios = []
    for m, opts, steps, lr_fg, lr_bp, *rest in configs:
        clip = rest[0] if rest and float(rest[0]) > 0 else ""
        prec = PREC_NAMES.get(rest[1], rest[1]) if len(rest) > 1 else "float64"  # C and PyTorch alike
        curves = {}
        for impl, method, _ in contenders:
            files = sorted(glob.glob(os.path.join(results, "curves", "%s_%s_%s_*.csv" % (impl, m, method))))
            runs = [read_curve(p) for p in files]
            runs = [r for r in runs if r]
            if runs:
                curves[(impl, method)] = runs
        if not curves:
            continue
        finals = {k: statistics.mean(r[-1][2] for r in runs) for k, runs in curves.items()}
        fg_finals = [r[-1][2] for (impl, method), runs in curves.items() if method == "fg" for r in runs]
        target = max(fg_finals) if fg_finals else max(finals.values())
        seeds = max(len(r) for r in curves.values())
        mean_tt = {}
        for impl, method, label in contenders:
            if (impl, method) not in curves:
                continue
            runs = curves[(impl, method)]
            hits = []
            for r in runs:
                t = next((row[1] for row in r if row[2] <= target), None)
                if t is not None:
                    hits.append(t)
            tt = "%.2f s (%.2f – %.2f)" % (statistics.mean(hits), min(hits), max(hits)) if hits else "not reached"
            if len(hits) == len(runs):
                mean_tt[(impl, method)] = statistics.mean(hits)
            table_row(out, NAMES[m], opts or "paper", prec, steps, seeds,
                      "%s / %s%s" % (lr_fg, lr_bp, ", clip %s" % clip if clip else ""), "%.4f" % target, label,
                      "%.4f" % finals[(impl, method)], tt, "%d/%d" % (len(hits), len(runs)))
        for impl, name in (("c", "fgcc / C backprop"), ("torch", "PyTorch")):
            if (impl, "fg") in mean_tt and (impl, "bp") in mean_tt and mean_tt[(impl, "bp")] > 0:
                ratios.append("%s, %s: T_f/T_b = %.2f" % (NAMES[m], name, mean_tt[(impl, "fg")] / mean_tt[(impl, "bp")]))
        # gnuplot data: one file per contender: step, mean time, mean loss, min, max
        plots_t, plots_i = [], []
        for impl, method, label in contenders:
            if (impl, method) not in curves:
                continue
            runs = curves[(impl, method)]
            n = min(len(r) for r in runs)
            path = os.path.join(DATA_DIR, "curve_%s_%s_%s.dat" % (m, impl, method))
            with open(path, "w") as f:
                f.write("# step mean_time_s mean_loss min_loss max_loss (over %d seeds)\n" % len(runs))
                for i in range(n):
                    ls = [r[i][2] for r in runs]
                    f.write("%d %.6f %.6g %.6g %.6g\n" % (runs[0][i][0], statistics.mean(r[i][1] for r in runs),
                                                          statistics.mean(ls), min(ls), max(ls)))
            # one colour per method (band and line alike), solid for C, dashed for PyTorch
            style = "lc rgb '%s'" % CURVE_COLOURS[method]
            dash = "" if impl == "c" else " dt 2"
            for plots, x in ((plots_t, 2), (plots_i, 1)):
                plots.append("'%s' u %d:4:5 w filledcurves %s fs transparent solid 0.15 noborder notitle, "
                             "'%s' u %d:3 w l lw 2 %s%s t '%s'" % (path, x, style, path, x, style, dash, label))
        if have_fig:
            title = "%s%s" % (NAMES[m], " (" + opts + ")" if opts else "")
            gnuplot(figs, "curves_%s_time.svg" % m, "set title 'Training loss vs time: %s'\nset xlabel 'training "
                    "time (s)'\nset ylabel 'training loss'\nset key below\nplot %s\n" % (title, ", \\\n  ".join(plots_t)))
            gnuplot(figs, "curves_%s_iter.svg" % m, "set title 'Training loss vs iterations: %s'\nset xlabel "
                    "'iteration'\nset ylabel 'training loss'\nset key below\nplot %s\n" % (title, ", \\\n  ".join(plots_i)))
    out.append("")
    if ratios:
        out.append("Time to target, forward gradient over backprop: " + "; ".join(ratios) + ".\n")
    if have_fig:
        for m, *_ in configs:
            out.append("![%s: loss vs time](bench/curves_%s_time.svg) ![%s: loss vs iterations](bench/curves_%s_iter.svg)\n"
                       % (m, m, m, m))


def section_compile(rows, out):
    if not rows:
        return
    out.append("## 6. Compile time of fgcc\n")
    out.append(PROVENANCE.get("compile", ""))
    out.append("Wall time to differentiate each example's loss.c (fgcc in.c -o out.c, parse + analysis + "
               "differentiation + emission, including process start-up) next to clang-19 -fsyntax-only on the same "
               "file with the same include directories. Medians.\n")
    table_head(out, "model", "lines of loss.c", "fgcc", "clang-19 -fsyntax-only", "fgcc / clang")
    by = {(r["model"], r["tool"]): r for r in rows}
    for m in MODELS:
        a, b = by.get((m, "fgcc")), by.get((m, "clang-fsyntax-only"))
        if a and b:
            table_row(out, NAMES[m], a["lines"], fmt_t(a["median_s"]), fmt_t(b["median_s"]),
                      "%.2f" % (a["median_s"] / b["median_s"]))
    out.append("")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--results", required=True)
    ap.add_argument("--doc", required=True)
    ap.add_argument("--figs", required=True)
    ap.add_argument("--command", default="bash bench/run.sh")
    ap.add_argument("--gnuplot", type=int, default=1)
    a = ap.parse_args()
    machine = {}
    with open(os.path.join(a.results, "machine.txt")) as f:
        for line in f:
            k, _, v = line.partition(": ")
            machine[k.strip()] = v.strip()
    steps = read_jsonl(os.path.join(a.results, "steps.jsonl"))
    mem_rows = read_jsonl(os.path.join(a.results, "mem.jsonl"))
    machine["mem_batch"] = str(next((r["batch"] for r in mem_rows if r["config"] == "paper"), 64))
    st = Steps(steps)
    global DATA_DIR, QUICK
    QUICK = machine.get("quick") == "1"
    DATA_DIR = os.path.join(a.results, "plots")  # gnuplot's input: raw, not committed
    os.makedirs(DATA_DIR, exist_ok=True)
    have_fig = bool(a.gnuplot)
    os.makedirs(a.figs, exist_ok=True)
    whens = {part: read_when(a.results, part) for part, _ in PARTS}
    for part, _ in PARTS:
        PROVENANCE[part] = "*Measured by `%s` (part *%s*; `bash bench/run.sh --only %s` reruns it): %s.*\n" % (
            a.command, part, part, whens[part] or "no date recorded")
    out = ["# Benchmarks\n",
           "<!-- Generated by bench/report.py from bench/run.sh's results; edit bench/report.py or bench/notes.md. -->\n",
           "fgcc's forward gradients against hand-written C backprop and PyTorch on the three models of "
           "`examples/` (Baydin et al. 2022, *Gradients without Backpropagation*, §5), in float32 and float64, "
           "on one CPU thread.\n",
           "**Command** (from the repository root; installs what is missing, builds `build-bench/` (portable) and "
           "`build-bench-native/` (`-march=native`) in Release mode, fetches MNIST, writes `bench/results/`, this "
           "file and `docs/bench/`):\n",
           "```sh\n%s\n```\n" % a.command]
    if QUICK:
        out.append("**Quick mode**: tiny models and synthetic data; the figures mean nothing.\n")
    section_headline(st, out, a.command, whens["timing"])
    out.append("**Machine and conditions**\n")
    for k in ("cpu", "memory", "os", "cc", "cflags", "c blas", "blas kernels", "malloc", "torch", "blas"):
        if k in machine:
            out.append("- %s: %s" % (k, machine[k]))
    out.append("- when, and the machine's load average (1, 5, 15 min) before and after each part (`bench/run.sh "
               "--only PART` reruns one):")
    for part, what in PARTS:
        if whens[part]:
            out.append("  - %s (%s): %s" % (part, what, whens[part]))
    if QUICK:
        out.append("- **quick mode**: tiny models and synthetic data; the figures mean nothing")
    out.append("")
    out.append("Contenders: **fgcc** = forward gradient with the `loss_jvp` fgcc generates from `examples/<model>/loss.c` "
               "and libfgrt's sampling; **C backprop** = the examples' hand-written reverse mode "
               "(`examples/<model>/backprop.c`, `examples/common/layers_grad.h`); **hand jvp** = a tangent of the "
               "same loss written by hand (`bench/handjvp/`); **PyTorch** = Debian's python3-torch on OpenBLAS, "
               "`torch.set_num_threads(1)`, `torch.set_default_dtype` float32 or float64 (`torch_bench.py "
               "--precision`), forward mode through `torch.autograd.forward_ad` dual tensors "
               "(and `functorch.jvp` for the JVP alone), backprop through `loss.backward()`. Same architectures, "
               "same initialisation distribution U(±1/√fan_in), same MNIST images (the 8,000 training digits of "
               "`scripts/fetch_mnist.sh`; step timings use its first minibatch). Timings are medians of repeated "
               "runs after warm-up; fast operations are repeated inside each timing (bench/bench_step.c, "
               "bench/torch_bench.py). Every C model is built in float32 and float64 from the same source "
               "(`bench_step_<model>_f32`, `_f64`; `examples/<model> --precision=f32|f64`). Its dense layers and "
               "convolutions (im2col) call `cblas_?gemm` from OpenBLAS, as PyTorch does (OpenBLAS picks its "
               "kernels for the CPU at run time); the rest (activations, pooling, softmax, im2col, the update) is "
               "compiled by gcc with -O3 in two builds: *portable* (no -march, SSE2 vectors, as the examples are "
               "built) and *native* (`-march=native`).\n")
    same = [r for r in steps if r.get("what") == "same"]
    if same:
        out.append("**Same functions, checked.** Before its timings, each C model's θ (initialised with seed 1) is "
                   "loaded into the PyTorch model, which must give the same logits and loss on the first %d images "
                   "(`bench_step_<model>_<precision> --dump`, `torch_bench.py same --precision`; the run stops if "
                   "they differ by more than 1e-5 in float32, 1e-12 in float64, relative): largest relative "
                   "differences %s.\n" % (same[0]["batch"], "; ".join(
                       "%s, %s: logits %.1e, loss %.1e" % (label(r["model"], r["config"]), PREC_NAMES[precision(r)],
                                                           r["logits_rel_diff"], r["loss_rel_diff"])
                       for r in same)))
    section_ratios(st, out)
    section_absolute(st, out)
    section_curves(a.results, a.figs, out, have_fig)
    section_jvp(st, out)
    section_memory(st, mem_rows, machine, out)
    section_depth(st, mem_rows, a.figs, out, have_fig)
    section_compile(read_jsonl(os.path.join(a.results, "compile.jsonl")), out)
    section_rng(a.results, out)
    section_width(a.results, st, out)
    notes = os.path.join(os.path.dirname(os.path.abspath(__file__)), "notes.md")
    if os.path.exists(notes) and machine.get("quick") != "1":
        out.append(open(notes).read())
    os.makedirs(os.path.dirname(os.path.abspath(a.doc)), exist_ok=True)
    with open(a.doc, "w") as f:
        f.write("\n".join(out).rstrip() + "\n")


if __name__ == "__main__":
    main()
