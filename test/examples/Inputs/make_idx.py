"""Write a small MNIST-format data set (IDX files) for the example tests.

    make_idx.py DIR [--train N] [--test M] [--gzip] [--seed S]

Image of class k: a bright 4x4 block in one of two places chosen by k, on
noise, so that a linear model can learn it in a few hundred steps. Files:
DIR/{train,t10k}-images-idx3-ubyte and -labels-idx1-ubyte (.gz with --gzip).
"""
import argparse
import gzip
import os
import random
import struct


def image(label, rng):
    pixels = [rng.randrange(0, 40) for _ in range(784)]
    row, col = 2 + 12 * (label // 5), 2 + 5 * (label % 5)
    for r in range(row, row + 4):
        for c in range(col, col + 4):
            pixels[r * 28 + c] = rng.randrange(200, 256)
    return bytes(pixels)


def write(path, header, body, compress):
    data = header + body
    if compress:
        with gzip.open(path + ".gz", "wb") as f:
            f.write(data)
    else:
        with open(path, "wb") as f:
            f.write(data)


def split(directory, prefix, n, rng, compress):
    labels = [i % 10 for i in range(n)]
    rng.shuffle(labels)
    images = b"".join(image(k, rng) for k in labels)
    write(os.path.join(directory, prefix + "-images-idx3-ubyte"), struct.pack(">IIII", 0x803, n, 28, 28), images,
          compress)
    write(os.path.join(directory, prefix + "-labels-idx1-ubyte"), struct.pack(">II", 0x801, n), bytes(labels),
          compress)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("dir")
    p.add_argument("--train", type=int, default=600)
    p.add_argument("--test", type=int, default=200)
    p.add_argument("--gzip", action="store_true")
    p.add_argument("--seed", type=int, default=1)
    a = p.parse_args()
    os.makedirs(a.dir, exist_ok=True)
    rng = random.Random(a.seed)
    split(a.dir, "train", a.train, rng, a.gzip)
    split(a.dir, "t10k", a.test, rng, a.gzip)


main()
