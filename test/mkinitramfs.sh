#!/bin/sh
# Build the test initramfs: static busybox, the guest init, the guest
# programs (test/build-guest.sh: the kallmodsyms kselftest and the read-time
# benchmark), copied to /bin, and the variant's loadable modules.
#
# Usage: [BUSYBOX=<path>] test/mkinitramfs.sh <objdir> <output.cpio> <guest-program>...
# BUSYBOX: a static busybox of the target (default /bin/busybox, the
# host's; the Makefile gives arm64's, test/deps.sh busybox).
set -e

obj=$1
out=$2
shift 2
root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT

chmod 755 "$root"
mkdir -p "$root/bin" "$root/lib/modules" "$root/proc" "$root/sys" "$root/dev" "$root/etc"
cp "${BUSYBOX:-/bin/busybox}" "$root/bin/busybox"
cp test/guest/init "$root/init"
chmod +x "$root/init"
for p in "$@"; do
	cp "$p" "$root/bin/"
done
find "$obj" -name '*.ko' -exec cp {} "$root/lib/modules/" \;
echo 'root:x:0:0:root:/:/bin/sh' > "$root/etc/passwd"
echo 'nobody:x:65534:65534:nobody:/:/bin/false' >> "$root/etc/passwd"

(cd "$root" && find . | LC_ALL=C sort | cpio -o -H newc --quiet) > "$out"
