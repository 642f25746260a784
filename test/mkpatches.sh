#!/bin/sh
# Regenerate patches/v6.12 from an edited copy of upstream files.
#
# Usage: test/mkpatches.sh <pristine-dir> <edited-dir>
# Both directories hold the same relative paths; the series and the files
# each patch covers are listed below.
set -e
a=$1
b=$2
out=patches/v6.12

mk() {
	name=$1
	shift
	for f in "$@"; do
		diff -u --label "a/$f" --label "b/$f" "$a/$f" "$b/$f" || true
	done > "$out/$name"
}

mk 0001-kallmodsyms-kconfig-and-kernel-hooks.patch \
	init/Kconfig kernel/Makefile kernel/kallsyms.c
mk 0002-kbuild-generate-modules_thick.builtin-and-kallmodsyms-tables.patch \
	Makefile scripts/Makefile scripts/Makefile.vmlinux_o \
	scripts/Makefile.vmlinux scripts/link-vmlinux.sh scripts/kallsyms.c
