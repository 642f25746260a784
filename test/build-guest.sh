#!/bin/sh
# Build the guest programs, static for the busybox initramfs:
#  - the kselftest tools/testing/selftests/kallmodsyms, with the kernel's
#    own kselftest build, out of tree: <outdir>/kselftest/kallmodsyms/
#    kallmodsyms_test;
#  - the read-time benchmark test/guest/read-time.c: <outdir>/read-time;
#  - the stress test test/guest/stress.c: <outdir>/stress.
#
# Usage: test/build-guest.sh <tree> <outdir>
set -e
tree=$1
mkdir -p "$2"
out=$(cd "$2" && pwd)
cc=gcc
command -v ccache >/dev/null && cc="ccache gcc"

# MAKEFLAGS= : variables given to the project's make (BUILD=...) are not
# the selftests'.
MAKEFLAGS= make -s -C "$tree/tools/testing/selftests" TARGETS=kallmodsyms O="$out" \
	USERLDFLAGS=-static
$cc -static -O2 -Wall -o "$out/read-time" "$(dirname "$0")/guest/read-time.c"
$cc -static -O2 -Wall -o "$out/stress" "$(dirname "$0")/guest/stress.c"
