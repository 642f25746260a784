#!/bin/sh
# Unpack Debian's kernel source once into a git repository whose tag
# "upstream" is the pristine source: the series is generated against it
# and applied to it with git am.
#
# Usage: test/unpack-tree.sh <tarball> <tree-dir>
set -e

tarball=$1
tree=$2

git -C "$tree" rev-parse -q --verify upstream >/dev/null 2>&1 && exit 0

[ -r "$tarball" ] || { echo "unpack-tree: $tarball: missing (make deps installs it)" >&2; exit 1; }
echo "  UNPACK  $tarball"
rm -rf "$tree" "$tree.tmp"
mkdir -p "$tree.tmp"
tar -xf "$tarball" -C "$tree.tmp" --strip-components=1
cd "$tree.tmp"
git init -q
git add -f -A
git -c user.name=upstream -c user.email=upstream@invalid commit -q \
	-m "$(basename "$tarball" .tar.xz)"
git tag upstream
cd - >/dev/null
mv "$tree.tmp" "$tree"
