#!/bin/sh
# Build the guest check programs: static binaries the initramfs runs as
# /bin/guest-*.
#
# Usage: test/build-guest.sh <tree> <outdir>
set -e
tree=$1
out=$2
mkdir -p "$out"
cc=gcc
command -v ccache >/dev/null && cc="ccache gcc"
$cc -static -O2 -Wall -o "$out/guest-proc-kallmodsyms" \
	"$tree/tools/testing/selftests/proc/proc-kallmodsyms.c"
