#!/usr/bin/env python3
"""PyTorch (CPU, one thread, float32 or float64: --precision) contenders of the fgcc benchmarks.

The same three models as examples/ (logistic regression, the MLP at any
depth, the CNN), the same initialisation distribution (U(-1/sqrt(fan_in),
1/sqrt(fan_in)) for weights and biases, PyTorch's own default), the same
MNIST files, softmax cross-entropy averaged over the batch.

  step   times f (under no_grad), f and ∇f·v through torch.autograd.forward_ad
         dual tensors ("jvp"), a forward-gradient SGD step ("fg": v ~ N(0, I),
         f and ∇f·v, theta -= lr (∇f·v) v; "fg_rad": the same with v_i = ±1)
         and a backprop SGD step ("bp":
         loss.backward(), theta -= lr ∇f); medians of repeated timings after
         warm-up, in rounds (each round times every operation once).
         --mem=WHAT: peak RSS after running WHAT twice.
  train  training runs (fg and/or bp, one or more seeds), the paper's lr_i = lr_0 exp(-k i), k = 1e-4,
         batch 64, reshuffled every epoch; --clip-forward=C clips each forward-gradient
         estimate to norm C*sqrt(n) as the examples do (their clip_forward); writes a CSV
         like libfgrt's log: step,time_s,loss (mean loss of the last log window).

  same   reads the file of `bench_step_MODEL --dump=FILE` (theta, loss and logits of
         the C model on the first --batch images) and checks that this script's model,
         given the same theta, computes the same logits and loss: one JSON line with
         the largest differences; exit status 1 if they exceed the tolerance
         (relative: 1e-5 in float32, 1e-12 in float64). The dump holds doubles
         whatever the C precision; in float32 they are float32 values, exact here.

--precision=f32|f64 (default f32, as the examples): torch.set_default_dtype,
so that parameters, images and directions are all in that precision; `step`
and `same` also take --precision=f32,f64 (each in turn, one import of torch;
`same` then reads --dump with {precision} replaced by f32, f64).

Output: JSON lines on stdout (step, same) or the CSV file (train).
"""
import argparse
import gzip
import json
import math
import os
import resource
import struct
import sys
import time

for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(var, "1")

import torch  # noqa: E402
import torch.autograd.forward_ad as fwad  # noqa: E402
import torch.nn.functional as F  # noqa: E402

torch.set_num_threads(1)

PRECISIONS = {"f32": torch.float32, "f64": torch.float64}
SAME_TOL = {"f32": 1e-5, "f64": 1e-12}  # `same`: largest relative difference allowed


def load_idx(path):
    with gzip.open(path, "rb") as f:
        data = f.read()
    ndims = data[3]
    dims = struct.unpack(">" + "I" * ndims, data[4:4 + 4 * ndims])
    return torch.frombuffer(bytearray(data[4 + 4 * ndims:]), dtype=torch.uint8).reshape(dims)


def load_mnist(directory, limit=None):
    x = load_idx(os.path.join(directory, "train-images-idx3-ubyte.gz"))
    y = load_idx(os.path.join(directory, "train-labels-idx1-ubyte.gz"))
    if limit:
        x, y = x[:limit], y[:limit]
    return x.reshape(len(x), 784).to(torch.get_default_dtype()) / 255.0, (y.to(torch.int64) % 10)


# ---------------------------------------------------------------- models

def uniform(shape, fan_in, gen):
    bound = 1.0 / math.sqrt(fan_in)
    return (torch.rand(shape, generator=gen) * 2 - 1) * bound


def make_model(name, hidden, channels, seed):
    """Returns (params, logits(params, x))."""
    gen = torch.Generator().manual_seed(seed)
    if name == "logreg":
        params = [uniform((784, 10), 784, gen), uniform((10,), 784, gen)]

        def logits(p, x):
            return x @ p[0] + p[1]
        return params, logits
    if name == "mlp":
        sizes = [784] + hidden + [10]
        params = []
        for a, b in zip(sizes[:-1], sizes[1:]):
            params += [uniform((a, b), a, gen), uniform((b,), a, gen)]  # W: nin x nout, as in C

        def logits(p, x):
            h = x
            for layer in range(len(p) // 2):
                h = h @ p[2 * layer] + p[2 * layer + 1]
                if layer < len(p) // 2 - 1:
                    h = F.relu(h)
            return h
        return params, logits
    if name == "cnn":
        c, h = channels, hidden[0]
        params = [uniform((c, 1, 3, 3), 9, gen), uniform((c,), 9, gen)]
        for _ in range(3):
            params += [uniform((c, c, 3, 3), 9 * c, gen), uniform((c,), 9 * c, gen)]
        params += [uniform((49 * c, h), 49 * c, gen), uniform((h,), 49 * c, gen),
                   uniform((h, 10), h, gen), uniform((10,), h, gen)]

        def logits(p, x):
            a = x.reshape(-1, 1, 28, 28)
            a = F.relu(F.conv2d(a, p[0], p[1], padding=1))
            a = F.relu(F.conv2d(a, p[2], p[3], padding=1))
            a = F.max_pool2d(a, 2)
            a = F.relu(F.conv2d(a, p[4], p[5], padding=1))
            a = F.relu(F.conv2d(a, p[6], p[7], padding=1))
            a = F.max_pool2d(a, 2).reshape(a.shape[0], -1)
            a = F.relu(a @ p[8] + p[9])
            return a @ p[10] + p[11]
        return params, logits
    raise SystemExit("unknown model " + name)


def loss_fn(logits):
    return lambda p, x, y: F.cross_entropy(logits(p, x), y)


# ---------------------------------------------------------------- the operations

class Contender:
    def __init__(self, params, loss, x, y, lr, clip=0.0):
        self.p, self.loss, self.x, self.y, self.lr = params, loss, x, y, lr
        self.clip = clip  # forward gradient: ‖(∇f·v) v‖ capped at clip (0: off), as libfgrt's clip_norm
        self.v = [torch.randn_like(q) for q in params]  # the fixed direction of "jvp"

    def f(self):
        with torch.no_grad():
            return self.loss(self.p, self.x, self.y).item()

    def jvp(self, v=None):
        """f and ∇f·v through forward_ad dual tensors (v: the fixed direction by default)."""
        v = self.v if v is None else v
        with fwad.dual_level():
            duals = [fwad.make_dual(q, t) for q, t in zip(self.p, v)]
            out = self.loss(duals, self.x, self.y)
            primal, tangent = fwad.unpack_dual(out)
            return primal.item(), tangent.item()

    def jvp_functorch(self):
        """f and ∇f·v through functorch.jvp (the same fixed direction)."""
        import functorch
        out, tangent = functorch.jvp(lambda *p: self.loss(list(p), self.x, self.y), tuple(self.p), tuple(self.v))
        return out.item(), tangent.item()

    def fg(self, rademacher=False):
        if rademacher:  # v_i = ±1 with probability 1/2 each
            v = [torch.randint_like(q, 0, 2).mul_(2).sub_(1) for q in self.p]
        else:
            v = [torch.randn_like(q) for q in self.p]
        f, d = self.jvp(v)
        scale = 1.0
        if self.clip > 0:  # ‖g‖ = |∇f·v| ‖v‖
            norm = abs(d) * math.sqrt(sum(float((t * t).sum()) for t in v))
            if norm > self.clip:
                scale = self.clip / norm
        with torch.no_grad():
            for q, t in zip(self.p, v):
                q.add_(t, alpha=-self.lr * d * scale)
        return f

    def bp(self):
        for q in self.p:
            q.requires_grad_(True)
        out = self.loss(self.p, self.x, self.y)
        out.backward()
        with torch.no_grad():
            for q in self.p:
                q.add_(q.grad, alpha=-self.lr)
                q.grad = None
        for q in self.p:
            q.requires_grad_(False)
        return out.item()


def time_ops(runs, warmup, repeats, min_time):
    """Median, min, max seconds per call and calls per timing of each run, timed in rounds (each round
    times every run once) so that a slow phase of the machine weighs on all of them alike."""
    inner = []
    for run in runs:
        t0 = time.perf_counter()
        run()
        once = time.perf_counter() - t0
        inner.append(1 if once >= min_time else int(math.ceil(min_time / max(once, 1e-7))))
        for _ in range(warmup - 1):
            run()
    times = [[] for _ in runs]
    for _ in range(repeats):
        for run, k, ts in zip(runs, inner, times):
            s = time.perf_counter()
            for _ in range(k):
                run()
            ts.append((time.perf_counter() - s) / k)
    out = []
    for ts, k in zip(times, inner):
        ts.sort()
        n = len(ts)
        out.append((ts[n // 2] if n % 2 else 0.5 * (ts[n // 2 - 1] + ts[n // 2]), ts[0], ts[-1], k))
    return out


def cmd_step(a):
    for prec in a.precisions:  # one process for both: importing torch takes seconds
        torch.set_default_dtype(PRECISIONS[prec])
        a.precision = prec
        for batch in [int(b) for b in str(a.batch).split(",")]:
            step_batch(a, batch)


def step_batch(a, batch):
    x, y = load_mnist(a.data, batch)
    params, logits = make_model(a.model, a.hidden, a.channels, 1)
    c = Contender(params, loss_fn(logits), x, y, 1e-7)
    nparams = sum(q.numel() for q in params)
    base = {"impl": "torch", "precision": a.precision, "model": a.model, "config": a.config, "batch": batch, "params": nparams}
    ops = {"f": c.f, "jvp": c.jvp, "jvp_functorch": c.jvp_functorch, "fg": c.fg,
           "fg_rad": lambda: c.fg(rademacher=True), "bp": c.bp}
    if a.mem:
        if a.mem != "none":
            for _ in range(2):
                ops[a.mem]()
        print(json.dumps(dict(base, what="mem_" + a.mem,
                              maxrss_kb=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)))
        return
    whats = a.what.split(",")
    for what, (med, lo, hi, inner) in zip(whats, time_ops([ops[w] for w in whats], a.warmup, a.repeats,
                                                           a.min_time)):
        print(json.dumps(dict(base, what=what, median_s=med, min_s=lo, max_s=hi, repeats=a.repeats, inner=inner)),
              flush=True)


def cmd_same(a):
    for prec in a.precisions:  # --dump names one file per precision: {precision} in it
        torch.set_default_dtype(PRECISIONS[prec])
        a.precision = prec
        same_one(a, a.dump.format(precision=prec))


def same_one(a, dump):
    """The C model and this one, on the same theta and images: the same logits and loss?"""
    with open(dump, "rb") as f:
        raw = f.read()
    n, batch = struct.unpack("=QQ", raw[:16])
    values = torch.frombuffer(bytearray(raw[16:]), dtype=torch.float64)
    if len(values) != 1 + n + batch * 10:
        raise SystemExit("torch_bench: %s: %d values, expected %d" % (dump, len(values), 1 + n + batch * 10))
    c_loss, theta, c_logits = values[0].item(), values[1:1 + n], values[1 + n:].reshape(batch, 10)
    params, logits = make_model(a.model, a.hidden, a.channels, 1)
    if sum(q.numel() for q in params) != n:
        raise SystemExit("torch_bench: %s holds %d parameters, the PyTorch %s has %d"
                         % (dump, n, a.model, sum(q.numel() for q in params)))
    at = 0
    for q in params:  # the C layout is the parameters' order and shapes here
        q.copy_(theta[at:at + q.numel()].reshape(q.shape))
        at += q.numel()
    x, y = load_mnist(a.data, batch)
    with torch.no_grad():
        z = logits(params, x)
        loss = F.cross_entropy(z, y).item()
    dz = (z.double() - c_logits).abs().max().item() / max(c_logits.abs().max().item(), 1e-300)
    dl = abs(loss - c_loss) / abs(c_loss)
    tol = SAME_TOL[a.precision]
    print(json.dumps(dict(impl="torch", precision=a.precision, model=a.model, config=a.config, batch=batch, params=n, what="same",
                          logits_rel_diff=dz, loss_rel_diff=dl, tolerance=tol)), flush=True)
    if not (dz <= tol and dl <= tol):
        raise SystemExit("torch_bench: the PyTorch %s and the C one differ in %s (logits %.3g, loss %.3g; tolerance %g)"
                         % (a.model, a.precision, dz, dl, tol))


def cmd_train(a):
    x, y = load_mnist(a.data)
    lrs = dict(zip(a.method.split(","), [float(v) for v in str(a.lr).split(",")]))
    for seed in [int(s) for s in str(a.seed).split(",")]:
        for method, lr in lrs.items():
            train_one(a, x, y, method, lr, seed, a.log.format(method=method, seed=seed))


def train_one(a, x, y, method, lr, seed, log):
    """One training run; a CSV row (step, training time, mean loss of the window) every log_every steps."""
    params, logits = make_model(a.model, a.hidden, a.channels, seed)
    torch.manual_seed(seed)
    clip = a.clip_forward * math.sqrt(sum(q.numel() for q in params)) if method == "fg" else 0.0
    c = Contender(params, loss_fn(logits), None, None, lr, clip)
    gen = torch.Generator().manual_seed(seed + 1000)
    order, pos = torch.randperm(len(x), generator=gen), 0
    window, count, train_s = 0.0, 0, 0.0
    with open(log, "w") as out:
        out.write("step,time_s,loss\n")
        for i in range(a.steps):
            if pos + int(a.batch) > len(x):
                order, pos = torch.randperm(len(x), generator=gen), 0
            idx = order[pos:pos + int(a.batch)]
            pos += int(a.batch)
            c.lr = lr * math.exp(-a.decay * i)
            t0 = time.perf_counter()
            c.x, c.y = x[idx], y[idx]  # gathering the batch is timed, as in libfgrt's driver
            f = c.fg() if method == "fg" else c.bp()
            train_s += time.perf_counter() - t0
            if not math.isfinite(f):
                out.write("%d,%.6f,nan\n" % (i + 1, train_s))
                break
            window += f
            count += 1
            if (i + 1) % a.log_every == 0 or i + 1 == a.steps:
                out.write("%d,%.6f,%.10g\n" % (i + 1, train_s, window / count))
                window, count = 0.0, 0


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("command", choices=["step", "train", "same", "info"])
    ap.add_argument("--model", default="mlp", choices=["logreg", "mlp", "cnn"])
    ap.add_argument("--data", default="data/mnist")
    ap.add_argument("--batch", default="64", help="step: one or more batch sizes, 16,64")
    ap.add_argument("--hidden", default=None, help="widths, e.g. 1024,1024 (cnn: the fc width)")
    ap.add_argument("--channels", type=int, default=64)
    ap.add_argument("--config", default="default")
    ap.add_argument("--precision", default="f32",
                    help="f32 (float32, default, as the examples) or f64; step: also f32,f64 (each in turn)")
    ap.add_argument("--what", default="f,jvp,fg,bp")
    ap.add_argument("--mem", default=None)
    ap.add_argument("--dump", default=None, help="same: the file of bench_step_MODEL --dump")
    ap.add_argument("--repeats", type=int, default=5)
    ap.add_argument("--warmup", type=int, default=2)
    ap.add_argument("--min-time", type=float, default=0.05)
    ap.add_argument("--method", default="fg", help="train: fg, bp or fg,bp")
    ap.add_argument("--steps", type=int, default=1000)
    ap.add_argument("--lr", default="1e-3", help="train: one learning rate per method")
    ap.add_argument("--decay", type=float, default=1e-4)
    ap.add_argument("--clip-forward", type=float, default=0.0,
                    help="train: clip forward-gradient estimates to norm C*sqrt(n) (0: off)")
    ap.add_argument("--seed", default="1", help="train: one or more seeds, 1,2,3")
    ap.add_argument("--log-every", type=int, default=100)
    ap.add_argument("--log", default="train_{method}_{seed}.csv", help="train: CSV path ({method}, {seed})")
    a = ap.parse_args()
    a.precisions = a.precision.split(",")
    if any(p not in PRECISIONS for p in a.precisions) or (len(a.precisions) > 1 and (a.command == "train" or a.mem)):
        ap.error("--precision: f32 or f64 (step and same: also f32,f64)")
    a.precision = a.precisions[0]
    torch.set_default_dtype(PRECISIONS[a.precision])
    default_hidden = {"logreg": "", "mlp": "1024,1024", "cnn": "1024"}[a.model]
    a.hidden = [int(w) for w in (a.hidden if a.hidden is not None else default_hidden).split(",") if w]
    if a.command == "info":
        print(json.dumps({"torch": torch.__version__, "precision": a.precision, "threads": torch.get_num_threads(),
                          "blas": torch.__config__.show().replace("\n", " | ")}))
    elif a.command == "step":
        cmd_step(a)
    elif a.command == "same":
        cmd_same(a)
    else:
        cmd_train(a)


if __name__ == "__main__":
    sys.exit(main())
