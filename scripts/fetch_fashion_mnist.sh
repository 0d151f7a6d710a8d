#!/usr/bin/env bash
# scripts/fetch_fashion_mnist.sh [DEST]   (default DEST: data/fashion-mnist under the repository root)
#
# Fashion-MNIST (Zalando Research, MIT): 60,000 training and 10,000 test
# images, 28x28, 10 classes, from Debian's package dataset-fashion-mnist
# (installed with apt-get when missing), which ships the standard IDX files in
# /usr/share/datasets/fashion-mnist. Each file is checked (pinned SHA-256 of
# the Debian package's files, then the IDX header, sizes and labels as libfgrt
# reads them: 60000 / 10000 x 28 x 28, 6000 / 1000 images per class) and
# symlinked into DEST under its standard name:
#
#   DEST/train-images-idx3-ubyte.gz  DEST/train-labels-idx1-ubyte.gz
#   DEST/t10k-images-idx3-ubyte.gz   DEST/t10k-labels-idx1-ubyte.gz
#
# Rerunning is harmless (about a second of checks).
set -euo pipefail

DEB=dataset-fashion-mnist
SRC=/usr/share/datasets/fashion-mnist
FILES=(train-images-idx3-ubyte.gz train-labels-idx1-ubyte.gz t10k-images-idx3-ubyte.gz t10k-labels-idx1-ubyte.gz)
# SHA-256 of the files of dataset-fashion-mnist 0.0~git20200523.55506a9-1 (Debian 12),
# in FILES order. Debian recompressed them: the upstream .gz MD5s do not apply.
SHA256=(
  b0564c3eedabfbf835052cff8503ea422014ce006caf5b757f851416ee8300c7
  0ae29f65d86684f32d1b9c85147786c547b9c6aebcaf235f0400a0cce308b056
  cc1d090a38ace84dfa1aa66e3ada7c336ef481a96936906477e6dd344da56eaa
  8d3605d196f4be44669e46906da9733c8131fef761fdbfec72c424d5222f1a05
)

root=$(cd "$(dirname "$0")/.." && pwd)
dest=${1:-$root/data/fashion-mnist}
me=fetch_fashion_mnist

die() { echo "$me: error: $*" >&2; exit 1; }

missing=()
dpkg -s "$DEB" >/dev/null 2>&1 || missing+=("$DEB")
command -v python3 >/dev/null 2>&1 || missing+=(python3)
if ((${#missing[@]} > 0)); then
  echo "$me: installing ${missing[*]}"
  sudo=()
  if [ "$(id -u)" -ne 0 ]; then sudo=(sudo); fi
  "${sudo[@]}" apt-get update
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
fi

for i in "${!FILES[@]}"; do
  f=$SRC/${FILES[$i]}
  [ -f "$f" ] || die "$f: missing (is $DEB installed? dpkg -L $DEB)"
  sum=$(sha256sum "$f" | cut -d' ' -f1)
  [ "$sum" = "${SHA256[$i]}" ] ||
    echo "$me: warning: $f: SHA-256 $sum is not the pinned one (another version of $DEB: $(dpkg-query -W -f='${Version}' "$DEB")); checking the contents" >&2
done

python3 "$root/scripts/check_idx.py" "$SRC/${FILES[0]}" "$SRC/${FILES[1]}" --count 60000 --per-class 6000 ||
  die "training files in $SRC failed the checks"
python3 "$root/scripts/check_idx.py" "$SRC/${FILES[2]}" "$SRC/${FILES[3]}" --count 10000 --per-class 1000 ||
  die "test files in $SRC failed the checks"

if [ -e "$dest" ] && [ ! -d "$dest" ]; then die "$dest exists and is not a directory"; fi
mkdir -p "$dest"
for f in "${FILES[@]}"; do
  # A new link under a temporary name renamed over the old one: never a missing link.
  ln -sfn "$SRC/$f" "$dest/.$f.tmp$$"
  mv -Tf "$dest/.$f.tmp$$" "$dest/$f"
  echo "$dest/$f -> $SRC/$f"
done
