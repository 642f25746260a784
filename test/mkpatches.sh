#!/bin/sh
# Regenerate patches/v6.12 (git format-patch, with their commit logs) from
# a pristine and an edited copy of the upstream files the series touches.
#
# Usage: test/mkpatches.sh <pristine-dir> <edited-dir>
set -e
a=$(cd "$1" && pwd)
b=$(cd "$2" && pwd)
out=$(pwd)/patches/v6.12
repo=$(mktemp -d)
trap 'rm -rf "$repo"' EXIT

git -C "$repo" init -q
git -C "$repo" config user.name "kallmodsyms"
git -C "$repo" config user.email "kallmodsyms@localhost"
(cd "$a" && find . -type f | cpio -pdm --quiet "$repo")
git -C "$repo" add -A
git -C "$repo" commit -q -m "upstream v6.12"

# patch <files...>: commit the edited versions with the log on stdin
patch_files() {
	for f in "$@"; do
		cp "$b/$f" "$repo/$f"
	done
	git -C "$repo" add -A
	git -C "$repo" commit -q -s -F -
}

patch_files init/Kconfig kernel/Makefile kernel/kallsyms.c \
	include/linux/module.h kernel/module/kallsyms.c <<'MSG'
kallsyms: add /proc/kallmodsyms

/proc/kallmodsyms lists what /proc/kallsyms lists, in the same order,
from the same iterator, with each symbol's size, the built-in module(s)
each built-in symbol would belong to were its module loadable, and an
object-file tag where a name would otherwise be ambiguous:

  <address> <size> <type> <name>[<TAB>[module] [module]... {path/obj.o}]

so that _cpdma_control_set, linked into three TI ethernet modules built
in, reads "[ti_cpsw] [ti_cpsw_new] [ti_davinci_emac]", and each of the
static __raw_spin_unlock copies names its object: "{sched/core.o}",
"{futex/core.o}", "{fork.o}".  The tag is the shortest trailing path
that makes (name, module set, object) unique, and all symbols of an
object that needs one carry it.

Why a new file rather than a new /proc/kallsyms column: the format of
/proc/kallsyms is an ABI that many parsers read; a new file keeps every
one of them working.  DTrace parses the new lines as
"%llx %llx %c %s [%s".

kernel/kallsyms.c only gains a second seq_file on its iterator (sharing
start/next/stop and the open path, so kallsyms_show_value() gates
addresses and sizes alike), a cursor in the iterator so that a
sequential read decodes each run of the tables once, and
kallsyms_symbol_index() for kallmodsyms_lookup().  The tables and their
decoding are in kernel/kallmodsyms*.c: run streams of module
attributions and of object tags, module and object names (mostly
copies of the starts of symbol names kallsyms already stores), and
sizes, all coded with canonical Huffman codes built from each kernel's
own data.  Lines are
written with seq_put_hex_ll() rather than vsnprintf(), so that reading
the longer file costs about what reading /proc/kallsyms does.

Sizes are exact: a built-in symbol's is its st_size in vmlinux, coded
at build time in a bit or two per symbol relative to the distance to
the next symbol (earlier versions of this feature dropped sizes because
one word per symbol cost hundreds of KiB).  A loaded module's symbol
has the st_size of its own symbol table, which module_get_kallsym() now
returns along with the value, under the same lock.  For BPF, ftrace
and kprobe symbols the file gives what kallsyms_lookup_size_offset()
knows, else 0.

The option depends on VMLINUX_MAP rather than selecting it, and on
!LTO_CLANG: an LTO link places partitions, not object files, so its
map cannot say which module a symbol came from.
MSG

patch_files Makefile scripts/Makefile scripts/Makefile.vmlinux_o \
	scripts/Makefile.vmlinux scripts/link-vmlinux.sh scripts/kallsyms.c <<'MSG'
kbuild: generate modules_thick.builtin and the kallmodsyms tables

modules_thick.builtin lists the object files of each built-in module.
It is written when vmlinux.o is made, by scripts/modules_thick, from
the KBUILD_MODFILE (RUST_MODFILE for Rust) that kbuild already records
in every built-in object's .cmd file, keeping those that
modules.builtin lists; an object shared by several modules lists all
of them, and an object without a .cmd file (a member of an archive
kbuild did not build) none.  No Makefile is walked again and no
tristate.conf is generated (the cost that sank earlier attempts), and
the host tools get no autoconf.h: everything comes in as command-line
options.

scripts/kallsyms gets --modules-thick, --link-map, --elf and, when
vmlinux is linked from vmlinux.o (X86_KERNEL_IBT, LTO), --vmlinux-o-map.
New host files (scripts/kallmodsyms*.c) find the object whose input
section holds each symbol in the linker map of each kallsyms link,
composed with vmlinux.o.map where needed, tag the objects of names
shared within a module set, read each symbol's st_size from the
temporary image, and emit the tables into the same .S in every pass,
including the empty pass 0.  What no tag can resolve (identical
constants the linker merged into one copy, a name defined twice in one
object) is named in a comment of the .S, and with --verbose in a
warning on stderr; a default build prints nothing and goes on.  The
tables stay the same size from pass to pass once the layout settles:
no extra link pass.  Bad input (missing, truncated or malformed
maps or modules files, objects absent from the map, overlaps, an
object in too many modules) fails the build with file:line.

vmlinux now depends on scripts/kallsyms and modules_thick.builtin, as it
does on scripts/sorttable, so that a change to either relinks it.
MSG

rm -f "$out"/*.patch
git -C "$repo" format-patch -q --no-signature -o "$out" HEAD~2
