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

gcc -O2 -Wall -o "$bin/check-ranges" test/e2e/check-ranges.c || exit 1

"$bin/check-ranges" "$obj/modules.builtin.ranges" "$obj/vmlinux.map" \
	"$guest/kallmodsyms" "$guest/modules"
result $? "module sets equal upstream modules.builtin.ranges"

exit $status
