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

result() {
	if [ "$1" = 0 ]; then echo "PASS: $2"; else echo "FAIL: $2"; status=1; fi
}

for f in kallsyms kallmodsyms modules results; do
	[ -f "$guest/$f" ]
	result $? "guest brought back $f"
done

# The tables keep their size from one kallsyms pass to the next: the last
# link needed no third pass (a .tmp_vmlinux3 older than .tmp_vmlinux2 is
# left from an earlier build).
[ ! -e "$obj/.tmp_vmlinux3" ] || [ "$obj/.tmp_vmlinux3" -ot "$obj/.tmp_vmlinux2" ]
result $? "vmlinux linked with two kallsyms passes, no extra pass"

for c in check-ranges check-owners check-sizes check-tags; do
	gcc -O2 -Wall -Wno-format-truncation -o "$bin/$c" "test/e2e/$c.c" \
		test/e2e/common.c || exit 1
done

# The symbols each object linked into vmlinux defines.
(cd "$obj" && for a in vmlinux.a $(find lib arch -name lib.a); do ar t "$a"; done |
	sort -u | xargs nm -A --defined-only) > "$bin/owners" || exit 1

"$bin/check-ranges" "$obj/modules.builtin.ranges" "$obj/vmlinux.map" \
	"$guest/kallmodsyms" "$guest/modules" "$obj" "$bin/owners"
result $? "module sets equal upstream modules.builtin.ranges"

"$bin/check-owners" "$obj" "$bin/owners" "$guest/kallmodsyms" "$guest/modules"
result $? "module sets agree with the objects defining each name"

nm -S "$obj/vmlinux" > "$bin/vmlinux.nm" &&
for ko in $(find "$obj" -name '*.ko'); do
	nm -S "$ko" | sed "s/^/[$(basename "$ko" .ko | tr - _)] /"
done > "$bin/modules.nm" || exit 1
"$bin/check-sizes" "$bin/vmlinux.nm" "$bin/modules.nm" "$guest/kallmodsyms" "$guest/modules"
result $? "sizes equal nm -S of vmlinux and of the loaded modules' .ko"

# The output of the last kallsyms pass, for the names it reported.
last_s=$(ls -t "$obj"/.tmp_vmlinux[0-9].kallsyms.S | head -n 1)
omap=
[ -f "$obj/vmlinux.o.map" ] && grep -q ' vmlinux\.o$' "$obj/vmlinux.map" && omap=$obj/vmlinux.o.map
"$bin/check-tags" "$guest/kallmodsyms" "$guest/modules" "$last_s" "$obj/vmlinux.map" $omap
result $? "object tags make (name, modules, object) unique and match the linker map"

exit $status
