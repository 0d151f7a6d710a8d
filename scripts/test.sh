#!/usr/bin/env bash
# Build fgcc (scripts/setup.sh) and run the whole test suite (lit, via ctest).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
ctest --test-dir build --output-on-failure
