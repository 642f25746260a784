#!/bin/sh
# Boot a built test kernel in QEMU (TCG), let the guest init collect its
# files, and unpack them on the host.
#
# Usage: [BOOT_ARGS=...] test/boot.sh <objdir> <initramfs> <outdir>
# BOOT_ARGS is added to the kernel command line (the Makefile's
# BOOT_ARGS_<variant>: panic_on_warn=1 for the debug variant; stress=<s>,
# which the kernel hands to test/guest/init, runs test/guest/stress.c).
# Fails on timeout, panic, oops, a report of the kernel's checkers or a
# warning in the console log (test/scan-console.sh), or a guest that did
# not finish.
set -e

obj=$1
initrd=$2
out=$3
timeout=${BOOT_TIMEOUT:-300}
# QEMU, image and console of the kernel's architecture (test/arch.sh)
. "$(dirname "$0")/arch.sh"
arch_of "$obj"

rm -rf "$out"
mkdir -p "$out"
disk=$out/disk.img
log=$out/console.log
truncate -s 256M "$disk"

echo "  BOOT    $obj/$KIMAGE ${BOOT_ARGS:+($BOOT_ARGS) }(timeout ${timeout}s)"
start=$(date +%s)
set +e
timeout --foreground -k 10 "$timeout" $QEMU \
	-m 512 -smp 2 -nographic -no-reboot \
	-kernel "$obj/$KIMAGE" -initrd "$initrd" \
	-append "console=$CONSOLE panic=-1 nokaslr oops=panic${BOOT_ARGS:+ $BOOT_ARGS}" \
	-drive file="$disk",format=raw,if=virtio \
	</dev/null >"$log" 2>&1
rc=$?
set -e

fail() {
	echo "boot: $*; last console lines ($log):" >&2
	tail -n 25 "$log" >&2
	exit 1
}

[ $rc = 124 ] && fail "timed out after ${timeout}s"
test/scan-console.sh "$log" || fail "reports of the kernel's checkers or warnings (above)"
grep -q -e 'Kernel panic' -e 'Oops:' -e 'BUG:' "$log" && fail "kernel panic or oops"
[ $rc != 0 ] && fail "qemu exited with status $rc"
grep -q '^guest: done' "$log" || fail "guest did not finish"
tar -xf "$disk" -C "$out" || fail "no archive on $disk"
rm -f "$disk"
echo "  BOOTED  in $(( $(date +%s) - start ))s"
echo "  GUEST   $(grep -c '^PASS' "$out/results") passed, $(grep -c '^FAIL' "$out/results") failed"
