#!/usr/bin/env bash
# The quick start: build fgcc, differentiate examples/quickstart/loss.c, and
# compare the generated derivative with a finite difference.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh

out=build/quickstart
mkdir -p "$out"

echo
echo "== fgcc examples/quickstart/loss.c -o $out/loss_jvp.c"
build/fgcc examples/quickstart/loss.c -o "$out/loss_jvp.c"
cat "$out/loss_jvp.c"

echo
echo "== compile loss.c + loss_jvp.c + main.c, run"
gcc -std=c11 -O2 -Wall -Wextra -Iruntime/include \
  examples/quickstart/main.c examples/quickstart/loss.c "$out/loss_jvp.c" \
  -o "$out/quickstart" -lm
"$out/quickstart"
