#!/usr/bin/env python3
"""tiny_mnist.py DEST [N]: random MNIST-shaped IDX files (gzip) for the
benchmarks' smoke test, so that it needs no download. Not a data set:
pixels and labels are random (fixed seed)."""
import gzip
import os
import random
import struct
import sys


def write(path, dims, data):
    with gzip.GzipFile(path, "wb", mtime=0) as f:
        f.write(struct.pack(">BBBB", 0, 0, 8, len(dims)) + struct.pack(">" + "I" * len(dims), *dims) + data)


def main():
    dest, n = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 512
    os.makedirs(dest, exist_ok=True)
    rng = random.Random(42)
    for prefix, count in (("train", n), ("t10k", max(n // 4, 64))):
        pixels = bytes(rng.randrange(256) if rng.random() < 0.2 else 0 for _ in range(count * 784))
        labels = bytes(rng.randrange(10) for _ in range(count))
        write(os.path.join(dest, prefix + "-images-idx3-ubyte.gz"), (count, 28, 28), pixels)
        write(os.path.join(dest, prefix + "-labels-idx1-ubyte.gz"), (count,), labels)


if __name__ == "__main__":
    main()
