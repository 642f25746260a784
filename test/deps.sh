#!/bin/sh
# Install the Debian packages the harness needs; quiet when all are present.
# python3-ply and python3-git: checkpatch.pl runs scripts/spdxcheck.py.
# gcc-aarch64-linux-gnu, libc6-dev-arm64-cross, qemu-system-arm: the arm64
# variant's kernel, static guest programs and QEMU.
# clang, lld and llvm: the llvm test kernel (LLVM=1).
# "test/deps.sh fuzz": what only make fuzz needs (AFL++, with its clang).
# "test/deps.sh busybox <arch> <dir>": Debian's busybox-static of another
# architecture (arm64), for its initramfs, unpacked into <dir> (the
# binary is <dir>/bin/busybox); adds the architecture to dpkg's list
# (dpkg --add-architecture) to download it, installs nothing.
set -e

pkgs="linux-source-6.12 linux-source-6.1 gcc make flex bison bc libelf-dev
      libssl-dev cpio gawk xz-utils patch qemu-system-x86 busybox-static ccache
      libc6-dev binutils perl git python3-ply python3-git clang lld llvm
      gcc-aarch64-linux-gnu binutils-aarch64-linux-gnu libc6-dev-arm64-cross
      qemu-system-arm"
[ "$1" = fuzz ] && pkgs="afl++"

need_root() {
	if [ "$(id -u)" != 0 ]; then
		echo "deps: $* (run as root or install them)" >&2
		exit 1
	fi
}

# busybox <arch> <dir>
busybox() {
	[ -x "$2/bin/busybox" ] && return 0
	dpkg --print-foreign-architectures | grep -qx "$1" || {
		need_root "no $1 packages in dpkg's architectures"
		echo "  DEPS    dpkg --add-architecture $1"
		dpkg --add-architecture "$1"
		apt-get update -qq
	}
	echo "  DEPS    busybox-static:$1 into $2"
	tmp=$(mktemp -d)
	trap 'rm -rf "$tmp"' EXIT
	# apt-get drops its privileges to _apt to download, into a directory
	# that user may write.
	chmod 755 "$tmp"
	chown _apt "$tmp" 2>/dev/null || true
	(cd "$tmp" && apt-get download -qq "busybox-static:$1")
	dpkg-deb -x "$tmp"/busybox-static_*_"$1".deb "$tmp/root"
	mkdir -p "$2/bin"
	cp "$tmp/root/bin/busybox" "$2/bin/busybox.tmp"
	mv "$2/bin/busybox.tmp" "$2/bin/busybox"
}
if [ "$1" = busybox ]; then
	busybox "$2" "$3"
	exit
fi

missing=
for p in $pkgs; do
	dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q '^install ok installed$' ||
		missing="$missing $p"
done
[ -z "$missing" ] && exit 0

need_root "missing packages:$missing"
echo "  DEPS    installing:$missing"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends $missing >/dev/null
