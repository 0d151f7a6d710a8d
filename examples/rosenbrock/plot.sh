#!/usr/bin/env bash
# The paper's first figure (Baydin et al. 2022, §5.1), redrawn: forward
# gradient descent and gradient descent from the same start on Beale's and
# Rosenbrock's functions, their paths over the contour lines and the loss
# against iterations.
#
#   bash examples/rosenbrock/plot.sh [BUILD_DIR]   (default build; needs
#   BUILD_DIR/examples/rosenbrock, built by scripts/setup.sh)
#
# Writes docs/examples/rosenbrock_paths.svg and rosenbrock_loss.svg (the
# traces go to BUILD_DIR/rosenbrock/). Installs gnuplot-nox when missing.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BUILD=$(realpath -m "${1:-$ROOT/build}")
PROG=$BUILD/examples/rosenbrock
[ -x "$PROG" ] || { echo "plot.sh: $PROG not found: build first (bash scripts/setup.sh)" >&2; exit 1; }
if ! command -v gnuplot >/dev/null; then
  sudo=(); [ "$(id -u)" -ne 0 ] && sudo=(sudo)
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends gnuplot-nox
fi
OUT=$BUILD/rosenbrock FIGS=$ROOT/docs/examples
mkdir -p "$OUT" "$FIGS"
for fn in beale rosenbrock; do
  "$PROG" --function=$fn --trace="$OUT/$fn.csv"
  for m in fg gd; do # one file per method: the first 100 steps, then every 10th
    awk -F, -v m=$m 'NR > 1 && $1 == m && ($2 < 100 || $2 % 10 == 0) {print $2, $3, $4, $5}' "$OUT/$fn.csv" >"$OUT/${fn}_$m.dat"
  done
done

gnuplot <<GNUPLOT
set datafile separator whitespace
beale(x, y) = (1.5 - x + x*y)**2 + (2.25 - x + x*y**2)**2 + (2.625 - x + x*y**3)**2
rosen(x, y) = (1 - x)**2 + 100*(y - x**2)**2
set contour base; unset surface; set view map; set isosamples 200, 200
set cntrparam levels discrete 0.1, 0.3, 1, 3, 10, 30, 100, 300, 1000
set table "$OUT/beale_contours.dat"; splot [-0.5:4] [-1:2] beale(x, y); unset table
set cntrparam levels discrete 0.01, 0.1, 0.5, 1, 3, 10, 30, 100, 300
set table "$OUT/rosen_contours.dat"; splot [-2:2] [-1:3] rosen(x, y); unset table

set terminal svg size 1000, 430 font "sans,12"
set output "$FIGS/rosenbrock_paths.svg"
set multiplot layout 1, 2
set key bottom right
set title "Beale, lr 5e-3, from (1, 1.5)"
set xlabel "x"; set ylabel "y"
plot [-0.5:4] [-1:2] "$OUT/beale_contours.dat" with lines lc rgb "#cccccc" notitle, \
     "$OUT/beale_gd.dat" using 2:3 with lines lw 2 lc rgb "#1f77b4" title "gradient descent", \
     "$OUT/beale_fg.dat" using 2:3 with lines lw 2 lc rgb "#d62728" title "forward gradient", \
     "< echo 3 0.5" with points pt 3 ps 2 lc rgb "black" title "minimum"
set title "Rosenbrock, lr 5e-4, from (-1.2, 1)"
plot [-2:2] [-1:3] "$OUT/rosen_contours.dat" with lines lc rgb "#cccccc" notitle, \
     "$OUT/rosenbrock_gd.dat" using 2:3 with lines lw 2 lc rgb "#1f77b4" title "gradient descent", \
     "$OUT/rosenbrock_fg.dat" using 2:3 with lines lw 2 lc rgb "#d62728" title "forward gradient", \
     "< echo 1 1" with points pt 3 ps 2 lc rgb "black" title "minimum"
unset multiplot

set output "$FIGS/rosenbrock_loss.svg"
set multiplot layout 1, 2
set logscale y; set format y "10^{%L}"; set key top right
set xlabel "iteration"; set ylabel "f"
set title "Beale"
plot "$OUT/beale_gd.dat" using 1:4 with lines lw 2 lc rgb "#1f77b4" title "gradient descent", \
     "$OUT/beale_fg.dat" using 1:4 with lines lw 2 lc rgb "#d62728" title "forward gradient"
set title "Rosenbrock"
plot "$OUT/rosenbrock_gd.dat" using 1:4 with lines lw 2 lc rgb "#1f77b4" title "gradient descent", \
     "$OUT/rosenbrock_fg.dat" using 1:4 with lines lw 2 lc rgb "#d62728" title "forward gradient"
unset multiplot
GNUPLOT
echo "plot.sh: wrote $FIGS/rosenbrock_paths.svg and $FIGS/rosenbrock_loss.svg"
