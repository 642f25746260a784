#!/bin/sh
# checkpatch --strict on every patch of the generated series, from inside
# the kernel tree (its spdxcheck.py needs Debian's python3 with ply and
# git).  Prints PASS:/FAIL: per patch; a patch passes with 0 errors,
# 0 warnings and 0 checks, but for the message types
# <series-dir>/checkpatch.exceptions names for it.
#
# Usage: test/check-patches.sh <tree> <generated-series> <series-dir>
tree=$1
series=$(cd "$2" && pwd)
dir=$(cd "$3" && pwd)
status=0
k=0
for name in $(awk '$1 == "patch" { print $2 }' "$dir/series"); do
	k=$((k + 1))
	p=$(ls "$series"/$(printf %04d $k)-*.patch)
	ignore=$(awk -v n="$name" '$1 == n { printf ",%s", $2 }' \
		"$dir/checkpatch.exceptions" 2>/dev/null)
	out=$(cd "$tree" && PATH=/usr/bin:$PATH perl scripts/checkpatch.pl --strict -q \
		${ignore:+--ignore ${ignore#,}} "$p" 2>&1)
	if [ -z "$out" ]; then
		echo "PASS: checkpatch --strict $name${ignore:+ (but ${ignore#,})}"
	else
		echo "$out"
		echo "FAIL: checkpatch --strict $name"
		status=1
	fi
done
exit $status
