#!/bin/sh
# Configure and build one test kernel variant out of tree.
#
# Usage: [KBASE=defconfig] [LLVM=1] test/build-kernel.sh <tree> <objdir> <fragment>...
# Builds vmlinux, bzImage and modules in <objdir>; uses ccache when present.
# The fragments are merged onto tinyconfig, or onto $KBASE.  LLVM=1 builds
# with clang and the LLVM binutils (ld.lld...), as kbuild's LLVM=1 does.
set -e

tree=$1
obj=$2
shift 2

mkdir -p "$obj"
obj=$(cd "$obj" && pwd)

export KBUILD_BUILD_TIMESTAMP='Thu Jan  1 00:00:00 UTC 2026'
export KBUILD_BUILD_USER=kallmodsyms KBUILD_BUILD_HOST=test
compiler=gcc
[ "$LLVM" = 1 ] && compiler=clang
cc=$compiler
command -v ccache >/dev/null && cc="ccache $compiler"
# Hash paths relative to the checkout, so that another clone hits the cache.
# The tree is a git repository: LOCALVERSION= keeps its commit out of the
# kernel version, so that a new series does not rebuild what includes it.
export CCACHE_BASEDIR="$(pwd)"
kmake() {
	make -s -C "$tree" O="$obj" CC="$cc" HOSTCC="$cc" LOCALVERSION= \
		${LLVM:+LLVM="$LLVM"} -j"$(nproc)" "$@"
}

base=${KBASE:-tinyconfig}
echo "  CONFIG  $obj: $base + $*"
kmake "$base" >/dev/null
"$tree/scripts/kconfig/merge_config.sh" -m -O "$obj" "$obj/.config" "$@" >/dev/null
kmake olddefconfig >/dev/null
# At a patch before the option exists, the fragment asks for what kconfig
# does not have yet: CHECK_CONFIG=no skips the check.
[ "$CHECK_CONFIG" = no ] || test/check-config.sh "$obj/.config" "$@"

echo "  BUILD   $obj"
start=$(date +%s)
kmake KBUILD_VERBOSE=0 vmlinux bzImage modules
echo "  BUILT   $obj in $(( $(date +%s) - start ))s"
