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
DATA_DIR = "."
NAMES = {"logreg": "logistic regression", "mlp": "MLP", "cnn": "CNN"}
# The paper's published cost ratios. Only the MLP's could be retrieved offline,
# and only through a secondary summary of the paper (see the report).
PAPER = {"mlp": (2.46, 4.17)}


CURVE_COLOURS = {"fg": "#1b9e77", "bp": "#d95f02"}
PARTS = [("timing", "sections 1, 2, 4, 5"), ("curves", "section 3"), ("compile", "section 6")]


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


def table_head(out, *columns):
    """A Markdown table's header and separator lines."""
    out.append("| " + " | ".join(columns) + " |")
    out.append("|" + "---|" * len(columns))


def table_row(out, *cells):
    out.append("| " + " | ".join(str(c) for c in cells) + " |")


class Steps:
    def __init__(self, rows):
        self.t = {}
        self.params = {}
        for r in rows:
            if "median_s" in r:
                self.t[(r["impl"], r["model"], r["config"], r["batch"], r["what"])] = r["median_s"]
                self.params[(r["model"], r["config"])] = r.get("params")

    def get(self, impl, model, config, batch, what):
        return self.t.get((impl, model, config, batch, what))

    def ratio(self, impl, model, config, batch, what, base="f"):
        return div(self.get(impl, model, config, batch, what), self.get(impl, model, config, batch, base))

    def batches(self, model, config):
        return sorted({k[3] for k in self.t if k[1] == model and k[2] == config})


def section_ratios(st, out):
    out.append("## 1. Cost ratios per step\n")
    out.append("R_f = time(forward-gradient step) / time(f), R_b = time(backprop step) / time(f), each relative "
               "to f in the same implementation. A forward-gradient step samples v ~ N(0, I), computes f and ∇f·v "
               "and updates θ ← θ − η (∇f·v) v (libfgrt's one-direction step: g is never formed); *±1* = the same step "
               "with Rademacher directions (v_i = ±1, also unbiased, cheaper to draw); a backprop step computes f "
               "and ∇f and updates θ ← θ − η ∇f. R_b / R_f > 1 means a forward-gradient step is cheaper than a "
               "backprop step.\n")
    table_head(out, "model", "batch", "C: f", "C: R_f (fgcc)", "C: R_f ±1", "C: R_b (hand backprop)", "C: R_b/R_f",
               "PyTorch: f", "PyTorch: R_f", "PyTorch: R_f ±1", "PyTorch: R_b", "PyTorch: R_b/R_f", "paper: R_f",
               "paper: R_b")
    for m in MODELS:
        for b in st.batches(m, "paper"):
            rf, rb = st.ratio("c", m, "paper", b, "fg"), st.ratio("c", m, "paper", b, "bp")
            tf, tb = st.ratio("torch", m, "paper", b, "fg"), st.ratio("torch", m, "paper", b, "bp")
            pf, pb = PAPER.get(m, (None, None)) if b == 64 else (None, None)
            table_row(out, NAMES[m], b, fmt_t(st.get("c", m, "paper", b, "f")), fmt_r(rf),
                      fmt_r(st.ratio("c", m, "paper", b, "fg_rad")), fmt_r(rb), fmt_r(div(rb, rf)),
                      fmt_t(st.get("torch", m, "paper", b, "f")), fmt_r(tf),
                      fmt_r(st.ratio("torch", m, "paper", b, "fg_rad")), fmt_r(tb), fmt_r(div(tb, tf)), fmt_r(pf),
                      fmt_r(pb))
    out.append("")


def section_absolute(st, out):
    out.append("## 2. Time per step\n")
    out.append("Medians. fgcc = forward-gradient step with fgcc's generated loss_jvp; C bp = the examples' "
               "hand-written backprop; PyTorch fg = forward_ad dual tensors; PyTorch bp = loss.backward().\n")
    table_head(out, "model", "batch", "fgcc fg", "C bp", "PyTorch fg", "PyTorch bp", "fgcc / PyTorch fg",
               "fgcc / PyTorch bp", "fgcc / C bp")
    for m in MODELS:
        for b in st.batches(m, "paper"):
            g = lambda i, w: st.get(i, m, "paper", b, w)  # noqa: E731
            cf, cb, tf, tb = g("c", "fg"), g("c", "bp"), g("torch", "fg"), g("torch", "bp")
            table_row(out, NAMES[m], b, fmt_t(cf), fmt_t(cb), fmt_t(tf), fmt_t(tb), fmt_r(div(cf, tf)),
                      fmt_r(div(cf, tb)), fmt_r(div(cf, cb)))
    out.append("")


def section_jvp(st, out):
    out.append("## 4a. JVP overhead of the generated code\n")
    out.append("time(f_jvp) / time(f) for fgcc's generated loss_jvp and for a tangent of the same loss written by "
               "hand in C (bench/handjvp/: the same loops, primal and tangent fused, the practical limit). "
               "bench_step checks that both give the same ∇f·v before timing. PyTorch's forward_ad and "
               "functorch.jvp ratios for comparison.\n")
    table_head(out, "model", "batch", "f", "fgcc jvp / f", "hand jvp / f", "fgcc / hand", "PyTorch forward_ad / f",
               "PyTorch functorch.jvp / f")
    for m in MODELS:
        for b in st.batches(m, "paper"):
            j, h = st.get("c", m, "paper", b, "jvp"), st.get("c", m, "paper", b, "hand")
            table_row(out, NAMES[m], b, fmt_t(st.get("c", m, "paper", b, "f")),
                      fmt_r(st.ratio("c", m, "paper", b, "jvp")), fmt_r(st.ratio("c", m, "paper", b, "hand")),
                      fmt_r(div(j, h), 3), fmt_r(st.ratio("torch", m, "paper", b, "jvp")),
                      fmt_r(st.ratio("torch", m, "paper", b, "jvp_functorch")))
    out.append("")


def mem_table(rows, configs, out, label):
    mem = {(r["impl"], r["model"], r["config"], r["what"]): r["maxrss_kb"] for r in rows}
    table_head(out, label, "impl", "baseline", "f", "fg step", "bp step", "fg − baseline", "bp − baseline",
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
    out.append("")


def section_memory(rows, machine, out):
    out.append("## 4b. Peak memory\n")
    out.append("Peak resident set (MiB, getrusage ru_maxrss) of a process that loads one minibatch, initialises θ "
               "and runs the operation twice; one process per cell. *baseline* allocates θ and the batch only "
               "(and, for PyTorch, the interpreter and libtorch). The forward-gradient step needs θ and v "
               "(the one-direction update never forms g) plus the activations of one layer at a time and their "
               "tangents; backprop needs θ, ∇f and every layer's activations for the backward sweep. Batch %s.\n"
               % machine.get("mem_batch", "64"))
    mem_table(rows, [(m, "paper", NAMES[m]) for m in MODELS], out, "model")


def depth_rows(st, mem_rows):
    depths = sorted({int(k[2][5:]) for k in st.t if k[2].startswith("depth")})
    mem = {(r["impl"], r["config"], r["what"]): r["maxrss_kb"] for r in mem_rows}
    return depths, mem


def section_depth(st, mem_rows, figs, out, have_fig):
    depths, mem = depth_rows(st, mem_rows)
    if not depths:
        return
    width = ""
    out.append("## 5. Scaling with depth\n")
    out.append("MLPs with 1, 2, 4, 8 ... hidden layers of equal width (ReLU), batch 64, the paper's depth experiment. "
               "Memory columns: peak RSS above the baseline process (MiB).\n")
    table_head(out, "hidden layers", "params", "C: f", "C: R_f", "C: R_b", "C: fgcc jvp / hand", "PyTorch: f",
               "PyTorch: R_f", "PyTorch: R_b", "C mem fg", "C mem bp", "PyTorch mem fg", "PyTorch mem bp")
    for d in depths:
        cfg = "depth%d" % d
        j, h = st.get("c", "mlp", cfg, 64, "jvp"), st.get("c", "mlp", cfg, 64, "hand")
        mm = lambda i, w: (mem[(i, cfg, "mem_" + w)] - mem[(i, cfg, "mem_none")]  # noqa: E731
                           if (i, cfg, "mem_" + w) in mem and (i, cfg, "mem_none") in mem else None)
        table_row(out, d, st.params.get(("mlp", cfg), "—"), fmt_t(st.get("c", "mlp", cfg, 64, "f")),
                  fmt_r(st.ratio("c", "mlp", cfg, 64, "fg")), fmt_r(st.ratio("c", "mlp", cfg, 64, "bp")),
                  fmt_r(div(j, h), 3), fmt_t(st.get("torch", "mlp", cfg, 64, "f")),
                  fmt_r(st.ratio("torch", "mlp", cfg, 64, "fg")), fmt_r(st.ratio("torch", "mlp", cfg, 64, "bp")),
                  mib(mm("c", "fg")), mib(mm("c", "bp")), mib(mm("torch", "fg")), mib(mm("torch", "bp")))
    out.append("")
    data = os.path.join(DATA_DIR, "depth.dat")
    with open(data, "w") as f:
        f.write("# depth c_rf c_rb torch_rf torch_rb c_mem_fg c_mem_bp torch_mem_fg torch_mem_bp (MiB)\n")
        for d in depths:
            cfg = "depth%d" % d
            vals = [st.ratio("c", "mlp", cfg, 64, "fg"), st.ratio("c", "mlp", cfg, 64, "bp"),
                    st.ratio("torch", "mlp", cfg, 64, "fg"), st.ratio("torch", "mlp", cfg, 64, "bp")]
            for i in ("c", "torch"):
                for w in ("fg", "bp"):
                    k, b = (i, cfg, "mem_" + w), (i, cfg, "mem_none")
                    vals.append((mem[k] - mem[b]) / 1024 if k in mem and b in mem else None)
            f.write("%d %s\n" % (d, " ".join("NaN" if v is None else "%.6g" % v for v in vals)))
    if have_fig:
        gnuplot(figs, "depth_ratios.svg", """
set title 'Cost ratio per step vs depth (MLP, batch 64)'
set xlabel 'hidden layers'; set ylabel 'time(step) / time(f)'; set logscale x 2; set key top left
plot '{d}' u 1:2 w lp t 'C: fgcc forward gradient (R_f)', '{d}' u 1:3 w lp t 'C: hand backprop (R_b)', \\
     '{d}' u 1:4 w lp dt 2 t 'PyTorch: forward_ad (R_f)', '{d}' u 1:5 w lp dt 2 t 'PyTorch: backward (R_b)'
""".format(d=data))
        gnuplot(figs, "depth_memory.svg", """
set title 'Peak memory above baseline vs depth (MLP, batch 64)'
set xlabel 'hidden layers'; set ylabel 'MiB'; set logscale x 2; set key top left
plot '{d}' u 1:6 w lp t 'C: forward-gradient step', '{d}' u 1:7 w lp t 'C: backprop step', \\
     '{d}' u 1:8 w lp dt 2 t 'PyTorch: forward-gradient step', '{d}' u 1:9 w lp dt 2 t 'PyTorch: backprop step'
""".format(d=data))
        out.append("![cost ratios vs depth](bench/depth_ratios.svg)\n")
        out.append("![memory vs depth](bench/depth_memory.svg)\n")


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
    out.append("SGD with the paper's schedule η_i = η_0 exp(−10⁻⁴ i), batch 64, reshuffled every epoch, on the "
               "training images; the loss plotted is the mean training loss over each log window (100 steps). "
               "Lines are the mean over seeds, bands the min–max over seeds. Learning rates and forward-gradient "
               "clipping are the examples' defaults (forward gradient / backprop; *clip c*: each forward-gradient "
               "estimate capped at norm c·√n, n parameters, in C and in PyTorch alike). *Target* = the highest final loss of any forward-gradient run "
               "(C or PyTorch, any seed): the loss forward gradients reach in this budget; time to target = first "
               "logged window at or below it (training time only, evaluation excluded), mean and range over the "
               "seeds that reached it. "
               "T_f/T_b = mean time to target of the forward gradient over that of backprop in the same "
               "implementation (the paper's T_f/T_b; below 1: forward gradients get there first).\n")
    table_head(out, "model", "options", "steps", "seeds", "η₀ fg / bp", "target loss", "contender", "final loss (mean)",
               "time to target (mean, range)", "seeds reaching it")
    contenders = [("c", "fg", "fgcc forward gradient"), ("c", "bp", "C backprop"),
                  ("torch", "fg", "PyTorch forward gradient"), ("torch", "bp", "PyTorch backprop")]
    ratios = []
    for m, opts, steps, lr_fg, lr_bp, *rest in configs:
        clip = rest[0] if rest and float(rest[0]) > 0 else ""
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
            table_row(out, NAMES[m], opts or "paper", steps, seeds,
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
    global DATA_DIR
    DATA_DIR = os.path.join(a.results, "plots")  # gnuplot's input: raw, not committed
    os.makedirs(DATA_DIR, exist_ok=True)
    have_fig = bool(a.gnuplot)
    os.makedirs(a.figs, exist_ok=True)
    out = ["# Benchmarks\n",
           "<!-- Generated by bench/report.py from bench/run.sh's results; edit bench/report.py or bench/notes.md. -->\n",
           "fgcc's forward gradients against hand-written C backprop and PyTorch on the three models of "
           "`examples/` (Baydin et al. 2022, *Gradients without Backpropagation*, §5), all in double precision "
           "on one CPU thread.\n",
           "**Command** (from the repository root; installs what is missing, builds `build-bench/` in Release "
           "mode, fetches MNIST, writes `bench/results/`, this file and `docs/bench/`):\n",
           "```sh\n%s\n```\n" % a.command,
           "**Machine and conditions**\n"]
    for k in ("cpu", "memory", "os", "cc", "cflags", "torch", "blas"):
        if k in machine:
            out.append("- %s: %s" % (k, machine[k]))
    out.append("- when, and the machine's load average (1, 5, 15 min) before and after each part (`bench/run.sh "
               "--only PART` reruns one):")
    for part, what in PARTS:
        when = read_when(a.results, part)
        if when:
            out.append("  - %s (%s): %s" % (part, what, when))
    if machine.get("quick") == "1":
        out.append("- **quick mode**: tiny models and synthetic data; the figures mean nothing")
    out.append("")
    out.append("Contenders: **fgcc** = forward gradient with the `loss_jvp` fgcc generates from `examples/<model>/loss.c` "
               "and libfgrt's sampling; **C backprop** = the examples' hand-written reverse mode "
               "(`examples/<model>/backprop.c`, `examples/common/layers_grad.h`); **hand jvp** = a tangent of the "
               "same loss written by hand (`bench/handjvp/`); **PyTorch** = Debian's python3-torch on OpenBLAS, "
               "float64, `torch.set_num_threads(1)`, forward mode through `torch.autograd.forward_ad` dual tensors "
               "(and `functorch.jvp` for the JVP alone), backprop through `loss.backward()`. Same architectures, "
               "same initialisation distribution U(±1/√fan_in), same MNIST images (the 8,000 training digits of "
               "`scripts/fetch_mnist.sh`; step timings use its first minibatch). Timings are medians of repeated "
               "runs after warm-up; fast operations are repeated inside each timing (bench/bench_step.c, "
               "bench/torch_bench.py). The C models are compiled by gcc with -O3 and no -march (SSE2 vectors), "
               "as the examples are; PyTorch's kernels use AVX2 and OpenBLAS.\n")
    same = [r for r in steps if r.get("what") == "same"]
    if same:
        out.append("**Same functions, checked.** Before its timings, each C model's θ (initialised with seed 1) is "
                   "loaded into the PyTorch model, which must give the same logits and loss on the first %d images "
                   "(`bench_step_<model> --dump`, `torch_bench.py same`; the run stops if they differ by more than "
                   "1e-12): largest relative differences %s.\n" % (same[0]["batch"], "; ".join(
                       "%s logits %.1e, loss %.1e" % (NAMES[r["model"]], r["logits_rel_diff"], r["loss_rel_diff"])
                       for r in same if r["config"] == "paper")))
    section_ratios(st, out)
    section_absolute(st, out)
    section_curves(a.results, a.figs, out, have_fig)
    section_jvp(st, out)
    section_memory(mem_rows, machine, out)
    section_depth(st, mem_rows, a.figs, out, have_fig)
    section_compile(read_jsonl(os.path.join(a.results, "compile.jsonl")), out)
    notes = os.path.join(os.path.dirname(os.path.abspath(__file__)), "notes.md")
    if os.path.exists(notes) and machine.get("quick") != "1":
        out.append(open(notes).read())
    os.makedirs(os.path.dirname(os.path.abspath(a.doc)), exist_ok=True)
    with open(a.doc, "w") as f:
        f.write("\n".join(out).rstrip() + "\n")


if __name__ == "__main__":
    main()
