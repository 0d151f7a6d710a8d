#!/usr/bin/env bash
# mpi_measure.sh [BUILD] -- the figures of docs/distributed.md ("Measured"):
# bytes and time a step of distributed training with P = 1, 2, 4 ranks, for
# logistic regression and the paper's MLP (784-1024-1024-10), float32, shared
# and per-rank directions, against the one-process run and against backprop
# with an all-reduced gradient (bp-shared: DDP's exchange). One BLAS thread per
# rank. Prints a Markdown table; takes about three minutes. Then, for the
# exchanges alone: mpirun -np P BUILD/bench_mpi (runtime/bench/bench_mpi.c).
#   bash scripts/mpi_measure.sh build-mpi
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
export OPENBLAS_NUM_THREADS=1 OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 \
       OMPI_MCA_rmaps_base_oversubscribe=1
steps_of() { case $1 in logreg) echo 5000 ;; mlp) echo 500 ;; esac; }

# One table row: a run's model, mode, P, steps, time and collectives a step,
# bytes a step per rank, test accuracy.
row() {
  local model=$1 mode=$2 np=$3 out
  local args=(--steps="$(steps_of "$model")" --progress=off)
  case $mode in bp*) args+=(--method=bp) ;; esac
  if [ "$mode" = none ] || [ "$mode" = bp-none ]; then
    out=$("$build/examples/$model" "${args[@]}")
  else
    out=$(mpirun -np "$np" "$build/examples/$model" --mpi-directions="${mode#bp-}" "${args[@]}")
  fi
  OUT=$out python3 - "$model" "$mode" "$np" <<'PY'
import os, re, sys
model, mode, np = sys.argv[1:]
text = os.environ["OUT"]
m = re.search(r"(\d+) steps of \d+ images in [\d.]+ s \(([\d.]+) steps/s\)", text)
steps, rate = int(m.group(1)), float(m.group(2))
c = re.search(r"(\d+) bytes a step per rank\b.*?([\d.]+) ms a step in collectives", text)
b, cms = (c.group(1), c.group(2)) if c else ("0", "0")
acc = re.search(r"test accuracy ([\d.]+)%", text).group(1)
print(f"| {model} | {mode} | {np} | {steps} | {1e3/rate:.3f} | {cms} | {int(b):,} | {acc}% |")
PY
}

echo "| model | directions (bp-: backprop) | P | steps | ms a step | of which in collectives | bytes a step per rank | test accuracy |"
echo "|---|---|---|---|---|---|---|---|"
for model in logreg mlp; do
  row "$model" none 1
  for mode in shared per-rank bp-shared; do
    for np in 1 2 4; do row "$model" "$mode" "$np"; done
  done
  row "$model" bp-none 1
done
