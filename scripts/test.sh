#!/usr/bin/env bash
# Build fgcc (scripts/setup.sh) and run the whole test suite (ctest: lit,
# the runtime's cmocka tests, the examples), then all of it again under
# AddressSanitizer + UndefinedBehaviorSanitizer with bounded libFuzzer runs
# (scripts/test-sanitize.sh, build-asan/; docs/reliability.md).
#   FGCC_TEST_SANITIZE=0 bash scripts/test.sh     the first phase only
#   FGCC_FUZZ_SECONDS=N bash scripts/test.sh      N seconds per fuzz harness (default 25, 0: none)
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
ctest --test-dir build --output-on-failure
if [ "${FGCC_TEST_SANITIZE:-1}" != 0 ]; then
  echo "== the test suite under ASan + UBSan, and the fuzzers (build-asan/)"
  bash scripts/test-sanitize.sh
fi
