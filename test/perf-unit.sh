#!/bin/sh
# Unit test of perf's reader of /proc/kallsyms and /proc/kallmodsyms
# (tools/lib/symbol/kallsyms.c of the tree, with the series' perf patch):
# test/perf/parse.c, built with it, prints what kallmodsyms__parse() and
# kallmodsyms__tags() make of each fixture test/perf/cases/<case>.in, and
# checks that kallsyms__parse() gives the same symbols; the output must be
# <case>.expect, written by hand.  Prints PASS:/FAIL: per case.
#
# Usage: test/perf-unit.sh <tree> <workdir> [<case>...]
tree=$1
work=$2
shift 2
mkdir -p "$work"
status=0

t=$tree/tools
gcc -O2 -Wall -Wextra -I"$t/include" -I"$t/lib" -o "$work/parse" \
	test/perf/parse.c "$t/lib/symbol/kallsyms.c" "$t/lib/ctype.c" || exit 1

cases=$*
[ -n "$cases" ] || cases=$(cd test/perf/cases && ls *.in | sed 's/\.in$//')
for c in $cases; do
	if "$work/parse" "test/perf/cases/$c.in" > "$work/$c.out" 2> "$work/$c.err" &&
	   diff -u "test/perf/cases/$c.expect" "$work/$c.out" > "$work/$c.diff"; then
		echo "PASS: perf parse $c"
	else
		cat "$work/$c.err" "$work/$c.diff"
		echo "FAIL: perf parse $c"
		status=1
	fi
done
exit $status
