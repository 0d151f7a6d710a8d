# compare_logs.py A.csv B.csv TOL (mpi.test): the two training logs have the same steps and
# their losses agree to TOL relative (exit 1 naming the first that does not).
import csv
import sys

a, b, tol = list(csv.DictReader(open(sys.argv[1]))), list(csv.DictReader(open(sys.argv[2]))), float(sys.argv[3])
if [r["step"] for r in a] != [r["step"] for r in b]:
    sys.exit("compare_logs.py: the logs have different steps")
for x, y in zip(a, b):
    fa, fb = float(x["loss"]), float(y["loss"])
    if abs(fa - fb) > tol * abs(fa):
        sys.exit(f"compare_logs.py: step {x['step']}: loss {fb} against {fa} (tolerance {tol})")
print(f"compare_logs.py: {len(a)} rows agree to {tol}")
