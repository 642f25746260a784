#!/bin/sh
# Unpack Debian's kernel source once, then bring the project's new files and
# patches into it.  Only files whose content changed are rewritten, so kbuild
# rebuilds incrementally after an edit.
#
# Usage: test/prepare-tree.sh <tarball> <tree-dir> <patch-dir>
set -e

tarball=$1
tree=$2
patchdir=$3
top=$(pwd)
state=$tree/.kallmodsyms

die() { echo "prepare-tree: $*" >&2; exit 1; }

unpack() {
	[ -r "$tarball" ] || die "$tarball: missing (make deps installs it)"
	echo "  UNPACK  $tarball"
	rm -rf "$tree" "$tree.tmp"
	mkdir -p "$tree.tmp"
	tar -xf "$tarball" -C "$tree.tmp" --strip-components=1
	mv "$tree.tmp" "$tree"
	mkdir -p "$state/applied"
}

# The project's new files: everything under the kernel-tree directories.
project_files() {
	git -C "$top" ls-files -- kernel scripts init include lib Documentation tools arch 2>/dev/null ||
		find kernel scripts init include lib Documentation tools arch -type f 2>/dev/null
}

# The files the applied or the new series touch.
touched_files() {
	cat "$state"/applied/*.patch "$patchdir"/*.patch 2>/dev/null |
		sed -n 's|^+++ b/\([^	]*\).*|\1|p' | sort -u
}

# Move from the applied series to the new one in a scratch copy of the
# files they touch, and copy back only files whose contents change: a new
# commit log, or an edit to one file, rebuilds only what it must.
switch_series() {
	scratch=$(mktemp -d)
	for f in $(touched_files); do
		[ -f "$tree/$f" ] || continue
		mkdir -p "$scratch/$(dirname "$f")"
		cp -p "$tree/$f" "$scratch/$f"
	done
	for p in $(ls -r "$state/applied"); do
		patch -s -R -p1 --no-backup-if-mismatch -d "$scratch" \
			< "$state/applied/$p" || { rm -rf "$scratch"; return 1; }
	done
	for p in $(ls "$patchdir"); do
		case "$p" in *.patch) ;; *) continue ;; esac
		echo "  PATCH   $p"
		patch -s -p1 -N --no-backup-if-mismatch -d "$scratch" < "$patchdir/$p" ||
			{ rm -rf "$scratch"; die "$patchdir/$p: does not apply to $tree"; }
	done
	(cd "$scratch" && find . -type f) | while read -r f; do
		cmp -s "$scratch/$f" "$tree/$f" || cp "$scratch/$f" "$tree/$f"
	done
	rm -rf "$scratch"
	rm -f "$state"/applied/*
	cp "$patchdir"/*.patch "$state/applied/"
}

apply_patches() {
	for p in $(ls "$patchdir"); do
		case "$p" in *.patch) ;; *) continue ;; esac
		echo "  PATCH   $p"
		patch -s -p1 -N -d "$tree" < "$patchdir/$p" ||
			die "$patchdir/$p: does not apply to $tree"
		cp "$patchdir/$p" "$state/applied/$p"
	done
}

series_changed() {
	[ "$(cat "$patchdir"/*.patch 2>/dev/null | cksum)" != \
	  "$(cat "$state"/applied/*.patch 2>/dev/null | cksum)" ]
}

[ -f "$state/unpacked" ] || { unpack; touch "$state/unpacked"; }

if series_changed; then
	if ! switch_series; then
		echo "  (cannot reverse old series, unpacking afresh)"
		unpack
		touch "$state/unpacked"
		apply_patches
	fi
fi

# Copy new files; drop files the project no longer has.
project_files | sort > "$state/files.new"
for f in $(cat "$state/files.new"); do
	[ -f "$f" ] || continue
	if ! cmp -s "$f" "$tree/$f"; then
		mkdir -p "$tree/$(dirname "$f")"
		cp "$f" "$tree/$f"
	fi
done
if [ -f "$state/files" ]; then
	for f in $(comm -23 "$state/files" "$state/files.new"); do
		rm -f "$tree/$f"
	done
fi
mv "$state/files.new" "$state/files"
