#!/bin/sh
# Host-side comparisons of what the booted guest read against oracles the
# project did not write.  Prints PASS:/FAIL: per comparison.
#
# Usage: test/e2e.sh <objdir>
obj=$1
guest=$obj/guest
bin=$obj/e2e
mkdir -p "$bin"
status=0

# nm and ar of the kernel's architecture (test/arch.sh)
. "$(dirname "$0")/arch.sh"
arch_of "$obj"

result() {
	if [ "$1" = 0 ]; then echo "PASS: $2"; else echo "FAIL: $2"; status=1; fi
}

for f in kallsyms kallmodsyms modules results; do
	[ -f "$guest/$f" ]
	result $? "guest brought back $f"
done

# The tables keep their size from one kallsyms pass to the next: the last
# link needed no third pass (a .tmp_vmlinux3 older than .tmp_vmlinux2 is
# left from an earlier build; 6.1 names them .tmp_vmlinux.kallsyms2 and 3).
t=$obj/.tmp_vmlinux
[ -e "${t}2" ] || t=$obj/.tmp_vmlinux.kallsyms
[ ! -e "${t}3" ] || [ "${t}3" -ot "${t}2" ]
result $? "vmlinux linked with two kallsyms passes, no extra pass"

# Linux 6.1 has no CONFIG_BUILTIN_MODULE_RANGES: make modules.builtin.ranges
# with 6.12's scripts/generate_builtin_ranges.awk, as it is upstream (tag
# "upstream" of the 6.12 tree, $RANGES_TREE), run as 6.12's
# scripts/Makefile.vmlinux runs it.
ranges=$obj/modules.builtin.ranges
if ! grep -q '^CONFIG_BUILTIN_MODULE_RANGES=y' "$obj/.config"; then
	ranges=$(cd "$bin" && pwd)/modules.builtin.ranges
	awkf=$(cd "$bin" && pwd)/generate_builtin_ranges.awk
	git -C "${RANGES_TREE:-$(dirname "$obj")/linux-6.12}" show \
		upstream:scripts/generate_builtin_ranges.awk > "$awkf" &&
	(cd "$obj" && gawk -f "$awkf" modules.builtin vmlinux.map vmlinux.o.map) > "$ranges"
	result $? "6.12's generate_builtin_ranges.awk, unchanged, made modules.builtin.ranges"
fi

for c in check-ranges check-owners check-sizes check-tags; do
	gcc -O2 -Wall -Wno-format-truncation -o "$bin/$c" "test/e2e/$c.c" \
		test/e2e/common.c || exit 1
done

# The symbols each object linked into vmlinux defines.
(cd "$obj" && for a in vmlinux.a $(find lib arch -name lib.a); do $AR t "$a"; done |
	sort -u | xargs $NM -A --defined-only) > "$bin/owners" || exit 1

"$bin/check-ranges" "$ranges" "$obj/vmlinux.map" \
	"$guest/kallmodsyms" "$guest/modules" "$obj" "$bin/owners"
result $? "module sets equal upstream modules.builtin.ranges"

"$bin/check-owners" "$obj" "$bin/owners" "$guest/kallmodsyms" "$guest/modules"
result $? "module sets agree with the objects defining each name"

# A loaded module's lines include its ELF mapping symbols ($x, $d on
# arm64), as /proc/kallsyms does: nm lists them with --special-syms.
$NM -S "$obj/vmlinux" > "$bin/vmlinux.nm" &&
for ko in $(find "$obj" -name '*.ko'); do
	$NM -S --special-syms "$ko" | sed "s/^/[$(basename "$ko" .ko | tr - _)] /"
done > "$bin/modules.nm" || exit 1
"$bin/check-sizes" "$bin/vmlinux.nm" "$bin/modules.nm" "$guest/kallmodsyms" "$guest/modules"
result $? "sizes equal nm -S of vmlinux and of the loaded modules' .ko"

# The lines of loaded modules that test/guest/stress.c's readers got while
# the modules were unloaded and loaded again (stress=<s> in the variant's
# BOOT_ARGS): each names a symbol of its module's .ko, with the size nm -S
# gives it (no size: 0).  While a module is being loaded, its whole symbol
# table is listed, file symbols and undefined ones too (as in
# /proc/kallsyms): nm -a lists those.
if [ -f "$guest/stress-modules" ]; then
	for ko in $(find "$obj" -name '*.ko'); do
		$NM -S -a --special-syms "$ko" | sed "s/^/[$(basename "$ko" .ko | tr - _)] /"
	done > "$bin/modules-all.nm" || exit 1
	sort -u "$guest/stress-modules" | awk -F '\t' -v nm="$bin/modules-all.nm" '
		BEGIN {
			while ((getline l < nm) > 0) {
				n = split(l, f, " ")
				size = n == 5 ? f[3] : "0"	# undefined: 3
				sub(/^0+/, "", size)
				if (size == "")
					size = "0"
				mod = f[1]
				ok[mod, f[n], size] = 1
			}
		}
		{
			split($1, f, " ")
			size = f[2]; name = f[4]; mod = $2
			if (NF != 2 || !((mod, name, size) in ok)) {
				if (bad++ < 5)
					print "stress: not a symbol of its module with that size: " $0
			}
			lines++
		}
		END {
			printf "stress: %d distinct lines of loaded modules, %d not in nm -S of their .ko\n", lines, bad
			exit !lines || bad
		}'
	result $? "stress: every line of a loaded module names a symbol of its .ko with its nm -S size"
fi

# The output of the last kallsyms pass, for the names it reported.
last_s=$(ls -t "$obj"/.tmp_vmlinux[0-9].kallsyms.S "$obj"/.tmp_vmlinux.kallsyms[0-9].S \
	2>/dev/null | head -n 1)
# vmlinux.map names vmlinux.o as GNU ld ("... vmlinux.o") or ld.lld
# ("vmlinux.o:(.text)") does when vmlinux was linked from it.
omap=
[ -f "$obj/vmlinux.o.map" ] && grep -qE ' vmlinux\.o(:\(.*\))?$' "$obj/vmlinux.map" &&
	omap=$obj/vmlinux.o.map
"$bin/check-tags" "$guest/kallmodsyms" "$guest/modules" "$last_s" "$bin/owners" \
	"$obj/vmlinux.map" $omap
result $? "object tags make (name, modules, object) unique and match the linker map"

exit $status
