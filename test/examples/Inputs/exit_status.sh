#!/bin/sh
# exit_status.sh CMD [ARG...]: runs CMD and prints, for one FileCheck, what
# it wrote to stderr, then "stdout: N bytes" if it wrote anything to stdout
# (a refused run prints nothing there: no "N parameters" line, no training),
# then "exit N".
out=$(mktemp) || exit 1
"$@" 2>&1 >"$out"
status=$?
if [ -s "$out" ]; then
  echo "stdout: $(wc -c <"$out") bytes"
fi
rm -f "$out"
echo "exit $status"
