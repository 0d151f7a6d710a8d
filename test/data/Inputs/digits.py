#!/usr/bin/env python3
"""Test helper for scripts/mnist_json_to_idx.py, written from its documented
behaviour (docs/runtime.md, "Data"), sharing no code with it.

  digits.py make DIR [--counts c0,..,c9] [--corrupt KIND]
      write DIR/0.json .. 9.json: random images whose bytes k are known, each
      pixel written as k/255 rounded half up to 3 decimals (integer
      arithmetic), and in image 0 of every digit a row of edge cases with
      hand-computed bytes. KIND damages one file (see CORRUPT).
  digits.py make-corrupt DIR
      DIR/ok (sound) and DIR/KIND for every KIND of CORRUPT, in one run.
  digits.py check OUT [--counts ...] [--seed S]
      read OUT's four .gz files with its own IDX parser and compare them byte
      for byte with the expected files: same images regenerated, split and
      order recomputed from the documented algorithm.
  digits.py splitmix SEED N
      the first N outputs of splitmix64(SEED), one per line.
"""

import argparse
import gzip
import os
import random
import struct
import sys

PIXELS = 784
MASK = (1 << 64) - 1

# (text in the JSON file, byte expected), worked out by hand:
# 0.5*255 = 127.5 -> 128 (half up), 0.1*255 = 25.5 -> 26, 0.3 -> 76.5 -> 77,
# 0.7 -> 178.5 -> 179, 0.9 -> 229.5 -> 230, 0.002 -> 0.51 -> 1,
# 0.001 -> 0.255 -> 0, 0.998 -> 254.49 -> 254, 0.999 -> 254.745 -> 255,
# 0.0019608 -> 0.500004 -> 1, 0.00196 -> 0.4998 -> 0.
EDGE = [("0", 0), ("0.0", 0), ("1", 255), ("1.0", 255), ("0.5", 128), ("0.1", 26),
        ("0.3", 77), ("0.7", 179), ("0.9", 230), ("0.002", 1), ("0.001", 0),
        ("0.998", 254), ("0.999", 255), ("1e-3", 0), ("0.0019608", 1), ("0.00196", 0),
        ("0.004", 1), ("0.196", 50), ("0.2", 51), ("0.996", 254)]

CORRUPT = {
    "badjson": "3.json cut in the middle",
    "range": "a value 1.001 in 5.json",
    "negative": "a value -0.25 in 4.json",
    "notnumber": "a string in 6.json",
    "nan": "NaN in 1.json",
    "length": "one value too many in 7.json",
    "missing": "no 9.json",
    "shape": "8.json is a bare array",
    "total": "2.json has one image less",
    "classes": "2.json one image less, 3.json one more",
}


def images(counts):
    """images[c] = list of (texts, bytes) for each image of digit c."""
    rng = random.Random(1234)
    seen = set()
    out = []
    for c, n in enumerate(counts):
        imgs = []
        for i in range(n):
            while True:
                ks = bytes(rng.choice((0, 0, 0, rng.randrange(256), 255)) for _ in range(PIXELS))
                if ks not in seen:
                    break
            seen.add(ks)
            # k/255 rounded half up to 3 decimals, with integers only.
            texts = []
            for k in ks:
                m = (2000 * k + 255) // 510
                texts.append("1" if m == 1000 else "0" if m == 0 else "0.%03d" % m)
            if i == 0:
                ks = bytearray(ks)
                for p, (t, b) in enumerate(EDGE):
                    texts[100 + p] = t
                    ks[100 + p] = b
                ks = bytes(ks)
            imgs.append((texts, ks))
        out.append(imgs)
    return out


def make(args):
    counts = parse_counts(args.counts)
    if args.corrupt in ("total", "classes"):
        counts = list(counts)
    if args.corrupt == "total":
        counts[2] -= 1
    if args.corrupt == "classes":
        counts[2] -= 1
        counts[3] += 1
    os.makedirs(args.dir, exist_ok=True)
    for c, imgs in enumerate(images(counts)):
        values = [t for texts, _ in imgs for t in texts]
        if args.corrupt == "range" and c == 5:
            values[PIXELS + 17] = "1.001"
        if args.corrupt == "negative" and c == 4:
            values[3] = "-0.25"
        if args.corrupt == "notnumber" and c == 6:
            values[5] = '"0.5"'
        if args.corrupt == "nan" and c == 1:
            values[9] = "NaN"
        if args.corrupt == "length" and c == 7:
            values.append("0")
        text = '{"data":[' + ",".join(values) + "]}"
        if args.corrupt == "shape" and c == 8:
            text = "[" + ",".join(values) + "]"
        if args.corrupt == "badjson" and c == 3:
            text = text[: len(text) // 2]
        if args.corrupt == "missing" and c == 9:
            continue
        with open(os.path.join(args.dir, "%d.json" % c), "w") as f:
            f.write(text)


class SplitMix64:
    def __init__(self, seed):
        self.s = seed & MASK

    def next(self):
        self.s = (self.s + 0x9E3779B97F4A7C15) & MASK
        z = self.s
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        return z ^ (z >> 31)


def fisher_yates(rng, a):
    for i in range(len(a) - 1, 0, -1):
        n = i + 1
        while True:
            x = rng.next()
            if x >= (2**64) % n:
                break
        j = x % n
        a[i], a[j] = a[j], a[i]


def expected_split(counts, seed):
    from fractions import Fraction
    total = sum(counts)
    t = int(Fraction(total, 5) + Fraction(1, 2))
    quota = [Fraction(n * t, total) for n in counts]
    alloc = [int(q) for q in quota]
    by_rem = sorted(range(10), key=lambda c: (-(quota[c] - alloc[c]), c))
    for c in by_rem[: t - sum(alloc)]:
        alloc[c] += 1
    rng = SplitMix64(seed)
    train, test = [], []
    for c, n in enumerate(counts):
        perm = list(range(n))
        fisher_yates(rng, perm)
        test += [(c, i) for i in sorted(perm[: alloc[c]])]
        train += [(c, i) for i in sorted(perm[alloc[c]:])]
    fisher_yates(rng, train)
    fisher_yates(rng, test)
    return train, test


def read_gz(path):
    with open(path, "rb") as f:
        raw = f.read()
    # gzip header: magic, deflate, no flags (so no file name), mtime 0.
    if raw[:4] != b"\x1f\x8b\x08\x00" or raw[4:8] != b"\0\0\0\0":
        sys.exit("%s: gzip header %s: expected no name and mtime 0" % (path, raw[:10].hex()))
    return gzip.decompress(raw)


def check(args):
    counts = parse_counts(args.counts)
    imgs = images(counts)
    train, test = expected_split(counts, args.seed)
    ok = True
    for split, items in (("train", train), ("t10k", test)):
        img = read_gz(os.path.join(args.out, "%s-images-idx3-ubyte.gz" % split))
        lab = read_gz(os.path.join(args.out, "%s-labels-idx1-ubyte.gz" % split))
        magic, n, rows, cols = struct.unpack(">IIII", img[:16])
        lmagic, ln = struct.unpack(">II", lab[:8])
        print("%s-images: magic 0x%08x dims %d %d %d, %d bytes" % (split, magic, n, rows, cols, len(img)))
        print("%s-labels: magic 0x%08x dims %d, %d bytes" % (split, lmagic, ln, len(lab)))
        per = [lab[8:].count(c) for c in range(10)]
        print("%s balance: %s" % (split, " ".join(map(str, per))))
        labels = list(lab[8:])
        print("%s interleaved: %s" % (split, "yes" if labels != sorted(labels) else "no"))
        want_img = struct.pack(">IIII", 0x803, len(items), 28, 28) + b"".join(imgs[c][i][1] for c, i in items)
        want_lab = struct.pack(">II", 0x801, len(items)) + bytes(c for c, _ in items)
        for what, got, want in (("images", img, want_img), ("labels", lab, want_lab)):
            if got != want:
                ok = False
                pos = next((k for k in range(min(len(got), len(want))) if got[k] != want[k]), min(len(got), len(want)))
                print("%s-%s: MISMATCH at byte %d (got %d bytes, expected %d)" % (split, what, pos, len(got), len(want)))
    # Every input image exactly once across the two files.
    everything = sorted(train + test)
    print("coverage: %s" % ("every image once" if everything == [(c, i) for c in range(10) for i in range(counts[c])] else "WRONG"))
    print("byte-for-byte: %s" % ("match" if ok else "MISMATCH"))
    return 0 if ok else 1


def parse_counts(text):
    counts = [int(x) for x in text.split(",")]
    if len(counts) == 1:
        counts *= 10
    return counts


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    m = sub.add_parser("make")
    m.add_argument("dir")
    m.add_argument("--counts", default="20")
    m.add_argument("--corrupt", choices=sorted(CORRUPT))
    mc = sub.add_parser("make-corrupt")
    mc.add_argument("dir")
    c = sub.add_parser("check")
    c.add_argument("out")
    c.add_argument("--counts", default="20")
    c.add_argument("--seed", type=int, default=42)
    s = sub.add_parser("splitmix")
    s.add_argument("seed", type=int)
    s.add_argument("n", type=int)
    args = ap.parse_args()
    if args.cmd == "make":
        return make(args)
    if args.cmd == "make-corrupt":
        for kind in [None] + sorted(CORRUPT):
            make(argparse.Namespace(dir=os.path.join(args.dir, kind or "ok"), counts="20", corrupt=kind))
        return 0
    if args.cmd == "check":
        return check(args)
    rng = SplitMix64(args.seed)
    for _ in range(args.n):
        print(rng.next())
    return 0


if __name__ == "__main__":
    sys.exit(main())
