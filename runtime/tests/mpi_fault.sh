#!/usr/bin/env bash
# mpi_fault.sh MPIEXEC TEST_MPI kill|exit -- a rank that dies mid-run ends
# the whole job (ctest runtime_mpi_kill, runtime_mpi_exit).
#
# test_mpi's last rank of 3 kills itself (SIGKILL) or exits with status 3
# at step 20 while the others wait in the step's collective. Expected: the
# job ends (no hang: bounded by `timeout`), with a nonzero status, and the
# output names the rank that died (Open MPI's mpirun: "process rank 2 ...
# exited on signal 9", or the process name [[job,1],2] and "Exit code: 3").
set -uo pipefail
mpiexec=$1 test_mpi=$2 how=$3
out=$(mktemp)
trap 'rm -f "$out"' EXIT
timeout 90 "$mpiexec" -n 3 "$test_mpi" "$how" >"$out" 2>&1
rc=$?
cat "$out"
fail() { echo "mpi_fault.sh: FAIL ($how): $*"; exit 1; }
[ "$rc" -ne 124 ] || fail "the job did not end within 90 s"
[ "$rc" -ne 0 ] || fail "mpirun exited 0 although rank 2 died"
if [ "$how" = kill ]; then
  grep -Eq 'rank 2 .*(signal 9|Killed)' "$out" || fail "no message naming rank 2 and its signal"
else
  grep -Eq 'Exit code: *3|exit(ed)? .*status 3|rank 2 .*exit' "$out" || fail "no message naming rank 2 and its status"
  grep -q ',1\],2\]\|rank 2' "$out" || fail "no message naming rank 2"
fi
echo "mpi_fault.sh: ok ($how): mpirun exited $rc and named the rank"
