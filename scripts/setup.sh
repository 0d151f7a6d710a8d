#!/usr/bin/env bash
# Install fgcc's build dependencies (Debian 12) when any is missing, then
# configure and build fgcc in build/. Reruns are fast: apt is skipped when
# everything is installed, and the build is incremental.
set -euo pipefail
cd "$(dirname "$0")/.."

# libclang-rt-19-dev: clang-19's sanitizer and libFuzzer runtimes (scripts/test-sanitize.sh).
# libopenmpi-dev, openmpi-bin: Open MPI, for distributed training (fgrt_mpi,
# --mpi-directions, the runtime_mpi_* tests; docs/distributed.md).
# libcminpack-dev: MINPACK in C, for examples/lmfit (lmder, lmdif).
# libomp-19-dev: clang-19's omp.h, so that fgcc parses `#include <omp.h>` with -fopenmp.
packages=(libclang-19-dev clang-19 libclang-rt-19-dev libomp-19-dev llvm-19-dev llvm-19-tools cmake ninja-build gcc python3 libc6-dev
          libcmocka-dev zlib1g-dev libopenblas-dev libcminpack-dev libopenmpi-dev openmpi-bin)

missing=()
for p in "${packages[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done

if ((${#missing[@]} > 0)); then
  echo "setup: installing ${missing[*]}"
  sudo=()
  if [ "$(id -u)" -ne 0 ]; then sudo=(sudo); fi
  "${sudo[@]}" apt-get update
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y --no-install-recommends "${packages[@]}"
fi

cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
cmake --build build
