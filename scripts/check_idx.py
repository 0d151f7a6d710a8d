#!/usr/bin/env python3
"""Check an MNIST-style pair of IDX files the way libfgrt will read them.

    check_idx.py IMAGES LABELS --count N [--classes 10] [--per-class M]

Each file (gzip-compressed or not) must pass fgrt_idx_load's rules: two zero
bytes, type 0x08 (unsigned byte), 1 to 4 non-zero dimensions, a data length
equal to the product of the dimensions. Then: IMAGES is N x 28 x 28, LABELS
is N, every label is below --classes, and with --per-class every class has
exactly M images. Prints the class counts; on failure prints the file and what
is wrong and exits with status 1.
"""

import argparse
import gzip
import struct
import sys


class Bad(Exception):
    pass


def load(path):
    try:
        with open(path, "rb") as f:
            raw = f.read()
        if raw[:2] == b"\x1f\x8b":
            raw = gzip.decompress(raw)
    except (OSError, EOFError) as e:
        raise Bad("%s: cannot read: %s" % (path, e))
    if len(raw) < 4:
        raise Bad("%s: %d bytes, too short for an IDX header" % (path, len(raw)))
    if raw[0] or raw[1]:
        raise Bad("%s: bad magic %02x %02x (expected 00 00)" % (path, raw[0], raw[1]))
    if raw[2] != 0x08:
        raise Bad("%s: type 0x%02x, expected 0x08 (unsigned byte)" % (path, raw[2]))
    ndims = raw[3]
    if not 1 <= ndims <= 4:
        raise Bad("%s: %d dimensions (1 to 4 accepted)" % (path, ndims))
    head = 4 + 4 * ndims
    if len(raw) < head:
        raise Bad("%s: truncated header" % path)
    dims = struct.unpack(">%dI" % ndims, raw[4:head])
    if 0 in dims:
        raise Bad("%s: a zero dimension %s" % (path, dims))
    size = 1
    for d in dims:
        size *= d
    if len(raw) - head != size:
        raise Bad("%s: the header announces %d bytes of data, the file has %d" % (path, size, len(raw) - head))
    return dims, raw[head:]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("images")
    ap.add_argument("labels")
    ap.add_argument("--count", type=int, required=True)
    ap.add_argument("--classes", type=int, default=10)
    ap.add_argument("--per-class", type=int)
    a = ap.parse_args()
    try:
        idims, _ = load(a.images)
        if idims != (a.count, 28, 28):
            raise Bad("%s: dimensions %s, expected %d x 28 x 28" % (a.images, " x ".join(map(str, idims)), a.count))
        ldims, labels = load(a.labels)
        if ldims != (a.count,):
            raise Bad("%s: dimensions %s, expected %d" % (a.labels, " x ".join(map(str, ldims)), a.count))
        counts = [labels.count(c) for c in range(a.classes)]
        if sum(counts) != a.count:
            raise Bad("%s: %d labels outside 0..%d" % (a.labels, a.count - sum(counts), a.classes - 1))
        if a.per_class is not None and any(n != a.per_class for n in counts):
            raise Bad("%s: class counts %s, expected %d each" % (a.labels, counts, a.per_class))
    except Bad as e:
        print("check_idx: error: %s" % e, file=sys.stderr)
        return 1
    print("%s: %d x 28 x 28, classes %s" % (a.images, a.count, " ".join(map(str, counts))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
