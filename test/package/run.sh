#!/usr/bin/env bash
# The ctest `package`: install the build into a temporary prefix, move the
# installed tree elsewhere (it must be relocatable), then use it the two
# documented ways and run what they build:
#   1. this directory as an outside CMake project: find_package(fgcc),
#      fgcc_add_jvp(), fgcc::fgrt;
#   2. the installed fgcc by hand, compiled with `pkg-config --cflags --libs fgrt`.
# Also checks that no file of the package names the first prefix.
#
#   bash test/package/run.sh BUILD_DIR C_COMPILER CMAKE_GENERATOR
set -euo pipefail
build=$(cd "$1" && pwd)
cc=$2
generator=$3
here=$(cd "$(dirname "$0")" && pwd)

tmp=$(mktemp -d "$build/package-test.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

echo "== install into $tmp/first, move to $tmp/moved"
cmake --install "$build" --prefix "$tmp/first" >"$tmp/install.log"
mv "$tmp/first" "$tmp/moved"
prefix=$tmp/moved
for f in bin/fgcc include/fgcc.h include/fgrt.h lib/libfgrt.a lib/cmake/fgcc/fgccConfig.cmake \
         lib/cmake/fgcc/fgccConfigVersion.cmake lib/cmake/fgcc/FgccJvp.cmake lib/pkgconfig/fgrt.pc \
         share/man/man1/fgcc.1; do
  [ -f "$prefix/$f" ] || { echo "package: $f not installed"; exit 1; }
done
if [ -f "$build/test_mpi" ]; then # the build has MPI: its layer is installed too
  for f in lib/libfgrt_mpi.a include/fgrt_mpi.h; do
    [ -f "$prefix/$f" ] || { echo "package: $f not installed (the build has MPI)"; exit 1; }
  done
fi
if grep -rl "$tmp/first" "$prefix/lib/cmake" "$prefix/lib/pkgconfig"; then
  echo "package: the files above name the install prefix: not relocatable"
  exit 1
fi

echo "== find_package(fgcc) from an outside CMake project"
cmake -S "$here" -B "$tmp/app" -G "$generator" -DCMAKE_C_COMPILER="$cc" -DCMAKE_PREFIX_PATH="$prefix" \
  >"$tmp/configure.log" || { cat "$tmp/configure.log"; exit 1; }
grep "fgcc .* from $prefix/lib/cmake/fgcc" "$tmp/configure.log"
cmake --build "$tmp/app"
"$tmp/app/app"

echo "== the installed fgcc finds the installed fgcc.h by itself (no -I)"
# A marker only the installed copy has: the source tree's header (the
# build tree's default) would fail the #error.
echo '#define FGCC_INSTALLED_COPY 1' >>"$prefix/include/fgcc.h"
printf '#include <fgcc.h>\n#ifndef FGCC_INSTALLED_COPY\n#error not the installed fgcc.h\n#endif\nFG_DIFF double sq(FG_WRT double x) { return x * x; }\n' \
  >"$tmp/marker.c"
"$prefix/bin/fgcc" "$tmp/marker.c" -o "$tmp/marker_jvp.c"
grep -q "sq_jvp" "$tmp/marker_jvp.c"

echo "== pkg-config fgrt"
# pkgconf comes with llvm-19-dev (through libxml2-dev), which scripts/setup.sh installs.
command -v pkg-config >/dev/null || { echo "package: pkg-config not found: apt-get install pkgconf"; exit 1; }
export PKG_CONFIG_PATH=$prefix/lib/pkgconfig
echo "pkg-config --cflags --libs fgrt: $(pkg-config --cflags --libs fgrt)"
# shellcheck disable=SC2046 # the flags are words
"$prefix/bin/fgcc" $(pkg-config --cflags fgrt) "$here/loss.c" "$here/penalty.c" -o "$tmp/loss_jvp.c"
# shellcheck disable=SC2046
"$cc" "$here/main.c" "$here/loss.c" "$here/penalty.c" "$tmp/loss_jvp.c" $(pkg-config --cflags --libs fgrt) \
  -o "$tmp/app-pc"
"$tmp/app-pc"
