#!/usr/bin/env bash
# The whole test suite again under AddressSanitizer + UndefinedBehaviorSanitizer
# (docs/reliability.md): fgcc, its library, libfgrt and the runtime tests are
# built with clang-19 -fsanitize=address,undefined into build-asan/, lit
# compiles and runs the code fgcc emits with the same sanitizers, and the
# libFuzzer harnesses (fuzz/) each run for FGCC_FUZZ_SECONDS (default 25).
# Any sanitizer report fails the run; leaks too (suppressed only inside
# libclang: cmake/lsan.supp).
#
#   bash scripts/test-sanitize.sh              (after scripts/setup.sh)
#   FGCC_FUZZ_SECONDS=0 bash scripts/test-sanitize.sh    (no fuzzing)
set -euo pipefail
cd "$(dirname "$0")/.."

fuzz=ON
if [ "${FGCC_FUZZ_SECONDS:-25}" = 0 ]; then fuzz=OFF; fi

# The same options ctest gives each test (cmake/Sanitizers.cmake), for the
# build too: fgcc_add_jvp() runs the sanitized fgcc as a build step.
export ASAN_OPTIONS="detect_leaks=1:detect_stack_use_after_return=1:strict_string_checks=1:check_initialization_order=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
export LSAN_OPTIONS="suppressions=$PWD/cmake/lsan.supp:print_suppressions=0"

# No MPI here: Open MPI's own allocations would fail the leak check. The
# distributed driver (runtime/src/dist.c) is still checked, on one rank
# without MPI (runtime_train's one_rank_runs).
cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_C_COMPILER=clang-19 -DFGCC_SANITIZE=ON -DFGCC_FUZZ="$fuzz" -DFGCC_MPI=OFF \
  -DFGCC_FUZZ_SECONDS="${FGCC_FUZZ_SECONDS:-25}"
cmake --build build-asan -j 2
# Two at a time: the fuzz runs are bounded in time, not in work.
ctest --test-dir build-asan --output-on-failure -j 2
