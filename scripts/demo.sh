#!/usr/bin/env bash
# The quick start: build fgcc, differentiate examples/quickstart/loss.c, and
# compare the generated derivative with a finite difference.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh

# scripts/setup.sh built the quickstart through fgcc_add_jvp() (CMakeLists.txt):
# fgcc differentiated loss.c as a build step into build/fgcc_jvp/quickstart/.
jvp=build/fgcc_jvp/quickstart/loss_jvp.c

echo
echo "== fgcc examples/quickstart/loss.c -o $jvp   (the build step fgcc_add_jvp adds)"
cat "$jvp"

echo
echo "== build/quickstart: main.c + loss.c + loss_jvp.c"
build/quickstart
