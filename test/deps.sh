#!/bin/sh
# Install the Debian packages the harness needs; quiet when all are present.
# python3-ply and python3-git: checkpatch.pl runs scripts/spdxcheck.py.
# clang, lld and llvm: the llvm test kernel (LLVM=1).
# "test/deps.sh fuzz": what only make fuzz needs (AFL++, with its clang).
set -e

pkgs="linux-source-6.12 linux-source-6.1 gcc make flex bison bc libelf-dev
      libssl-dev cpio gawk xz-utils patch qemu-system-x86 busybox-static ccache
      libc6-dev binutils perl git python3-ply python3-git clang lld llvm"
[ "$1" = fuzz ] && pkgs="afl++"

missing=
for p in $pkgs; do
	dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q '^install ok installed$' ||
		missing="$missing $p"
done
[ -z "$missing" ] && exit 0

if [ "$(id -u)" != 0 ]; then
	echo "deps: missing packages:$missing (run as root or install them)" >&2
	exit 1
fi
echo "  DEPS    installing:$missing"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends $missing >/dev/null
