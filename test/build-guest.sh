#!/bin/sh
# Build the guest programs, static for the busybox initramfs:
#  - the kselftest tools/testing/selftests/kallmodsyms, with the kernel's
#    own kselftest build, out of tree: <outdir>/kselftest/kallmodsyms/
#    kallmodsyms_test;
#  - the read-time benchmark test/guest/read-time.c: <outdir>/read-time;
#  - the stress test test/guest/stress.c: <outdir>/stress.
#
# Usage: [TEST_ARCH=arm64] test/build-guest.sh <tree> <outdir>
# (TEST_ARCH, test/arch.sh: the target, default x86_64; arm64's programs
# are built with aarch64-linux-gnu-gcc and libc6-dev-arm64-cross.)
set -e
tree=$1
mkdir -p "$2"
out=$(cd "$2" && pwd)
. "$(dirname "$0")/arch.sh"
arch_set "$TEST_ARCH" || exit 1
cc=${CROSS_COMPILE}gcc
command -v ccache >/dev/null && cc="ccache $cc"

# MAKEFLAGS= : variables given to the project's make (BUILD=...) are not
# the selftests'.
MAKEFLAGS= make -s -C "$tree/tools/testing/selftests" TARGETS=kallmodsyms O="$out" \
	${KARCH:+ARCH=$KARCH} ${CROSS_COMPILE:+CROSS_COMPILE=$CROSS_COMPILE} USERLDFLAGS=-static
$cc -static -O2 -Wall -o "$out/read-time" "$(dirname "$0")/guest/read-time.c"
$cc -static -O2 -Wall -o "$out/stress" "$(dirname "$0")/guest/stress.c"
