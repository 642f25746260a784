#!/bin/sh
# checkpatch --strict on every patch of the generated series, from inside
# the kernel tree (its spdxcheck.py needs Debian's python3 with ply and
# git).  Prints PASS:/FAIL: per patch; a patch passes with 0 errors,
# 0 warnings and 0 checks.
#
# Usage: test/check-patches.sh <tree> <series-dir>
tree=$1
series=$(cd "$2" && pwd)
status=0
for p in "$series"/[0-9][0-9][0-9][0-9]-*.patch; do
	case "$p" in */0000-*) continue ;; esac
	out=$(cd "$tree" && PATH=/usr/bin:$PATH perl scripts/checkpatch.pl --strict -q "$p" 2>&1)
	if [ -z "$out" ]; then
		echo "PASS: checkpatch --strict $(basename "$p")"
	else
		echo "$out"
		echo "FAIL: checkpatch --strict $(basename "$p")"
		status=1
	fi
done
exit $status
