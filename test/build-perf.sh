#!/bin/sh
# Build perf, static, for the busybox guest: from the tree the series is
# applied to, and from the pristine source (the tree's tag "upstream":
# what perf's build reads, unpacked with git archive into
# <outdir>/<tree's name>), both out of tree, with only what perf record,
# report and script need (no libelf, scripting, TUI, BPF, DWARF...).  Writes <outdir>/perf and
# <outdir>/perf-upstream, and <outdir>/perf-load, the guest workload
# (test/guest/perf-load.c).
#
# The pristine tree and its objects sit where the series' tree and its
# objects do, one directory down (build/linux-6.12 and build/perf-build;
# build/perf/linux-6.12 and build/perf/perf-build), so that paths relative
# to each are the same and ccache finds every object of the second build
# that the series does not change in the first's.
#
# Usage: test/build-perf.sh <tree> <outdir>
set -e
tree=$(cd "$1" && pwd)
mkdir -p "$2"
out=$(cd "$2" && pwd)
up=$out/$(basename "$tree")

cc=gcc
command -v ccache >/dev/null && cc="ccache gcc"
# Hash paths relative to the checkout, so that another clone hits the
# cache; perf builds with -g, and the directory must not count either.
export CCACHE_BASEDIR="$(pwd)" CCACHE_NOHASHDIR=1

# perf_make <source tree> <objdir>: perf, static, built in <objdir>.
perf_make() {
	mkdir -p "$2"
	# MAKEFLAGS= : variables given to the project's make are not perf's.
	MAKEFLAGS= make -s -C "$1/tools/perf" O="$2" CC="$cc" HOSTCC="$cc" \
		LDFLAGS=-static WERROR=0 -j"$(nproc)" \
		NO_LIBELF=1 NO_LIBTRACEEVENT=1 NO_JEVENTS=1 NO_LIBPYTHON=1 \
		NO_LIBPERL=1 NO_SLANG=1 NO_GTK2=1 NO_LIBBPF=1 NO_BPF_SKEL=1 \
		NO_LIBUNWIND=1 NO_LIBDW_DWARF_UNWIND=1 NO_DWARF=1 \
		NO_LIBNUMA=1 NO_LIBAUDIT=1 NO_LIBCRYPTO=1 NO_LIBBABELTRACE=1 \
		NO_LIBZSTD=1 NO_LIBCAP=1 NO_LIBLLVM=1 NO_DEMANGLE=1 \
		NO_LIBPFM4=1 NO_SDT=1 NO_LZMA=1 NO_ZLIB=1 NO_CAPSTONE=1 \
		NO_AUXTRACE=1 NO_JVMTI=1 "$2/perf" >/dev/null
}

echo "  PERF    $out/perf"
start=$(date +%s)
perf_make "$tree" "$(dirname "$tree")/perf-build"
strip -o "$out/perf" "$(dirname "$tree")/perf-build/perf"

# The pristine tools/ and the files elsewhere that perf's build reads
# (tools/perf/MANIFEST), unpacked again only when the tag moves.  Not
# the top Makefile: perf-upstream reports no version.
commit=$(git -C "$tree" rev-parse upstream)
if [ "$(cat "$out/upstream.commit" 2>/dev/null)" != "$commit" ]; then
	rm -rf "$up" "$out/perf-build" "$out/upstream.commit"
	mkdir -p "$up"
	git -C "$tree" archive upstream tools \
		$(grep -v '^tools/' "$tree/tools/perf/MANIFEST") | tar -x -C "$up"
fi
echo "  PERF    $out/perf-upstream"
perf_make "$up" "$out/perf-build"
strip -o "$out/perf-upstream" "$out/perf-build/perf"
echo "$commit" > "$out/upstream.commit"

$cc -static -O2 -Wall -o "$out/perf-load" test/guest/perf-load.c
echo "  BUILT   perf, perf-upstream and perf-load in $(( $(date +%s) - start ))s"
