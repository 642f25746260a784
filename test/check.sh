#!/bin/sh
# Run every check of the project: host unit tests, then for each kernel
# variant the build, the boot, the guest's own checks and the host-side
# comparisons against the oracles.  Prints one PASS/FAIL line per check and
# ends with "N passed, N failed"; exits non-zero if anything failed.
#
# Usage: TREE=<tree> SERIES=<series-dir> PATCHES=<repository series dir> test/check.sh <builddir> <variant>...
build=$1
shift
mkdir -p "$build"
tally=$build/check.tally
: > "$tally"

# step <name> <command>...: run a step, log its output, record the verdict.
step() {
	name=$1
	shift
	log=$build/log.$(echo "$name" | tr ' /' '__')
	echo "  RUN     $name"
	if "$@" > "$log" 2>&1; then
		echo "PASS: $name" | tee -a "$tally"
		return 0
	fi
	echo "FAIL: $name (log: $log)" | tee -a "$tally"
	tail -n 30 "$log" | sed 's/^/    | /'
	return 1
}

# Count a file of PASS:/FAIL: lines produced by a step into the tally.
collect() {
	grep -E '^(PASS|FAIL):' "$1" | sed "s/^\(PASS\|FAIL\): /\1: $2: /" |
		tee -a "$tally" | grep '^FAIL' || true
}

# The series is authored and signed off by whoever makes it (git's
# user.name and user.email); on a machine without either, the one made
# here is only applied and checked, never sent.
if [ -z "$(git config user.email)" ] && [ -z "$GIT_AUTHOR_EMAIL" ]; then
	export GIT_AUTHOR_NAME="kallmodsyms check" GIT_AUTHOR_EMAIL=check@invalid
fi

# Without a tree, nothing else can run.
finish() {
	passed=$(grep -c '^PASS' "$tally")
	failed=$(grep -c '^FAIL' "$tally")
	echo "$passed passed, $failed failed"
	[ "$failed" = 0 ] && [ "$passed" -gt 0 ]
	exit
}

step "series: make series" make -s series || finish
step "series: git am onto the pristine tree" make -s tree || finish
step "series: checkpatch" test/check-patches.sh "$TREE" "$SERIES" "$PATCHES"
collect "$build/log.series:_checkpatch" series
step "series: tree" test/check-tree.sh "$TREE"
collect "$build/log.series:_tree" series

step "unit" make -s unit && collect "$build/log.unit" unit

for v in "$@"; do
	step "$v: build" make -s kernel VARIANT="$v" || continue
	step "$v: boot" make -s boot VARIANT="$v" || continue
	collect "$build/$v/guest/results" "$v: guest"
	step "$v: e2e" test/e2e.sh "$build/$v" && true
	collect "$build/log.${v}:_e2e" "$v: e2e"
done

finish
