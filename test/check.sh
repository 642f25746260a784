#!/bin/sh
# Run every check of the project: host unit tests, then for each kernel
# variant the build, the boot, the guest's own checks and the host-side
# comparisons against the oracles.  Prints one PASS/FAIL line per check and
# ends with "N passed, N failed"; exits non-zero if anything failed.
#
# Usage: test/check.sh <builddir> <variant>...
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

step "unit" make -s unit && collect "$build/log.unit" unit

for v in "$@"; do
	step "$v: build" make -s kernel VARIANT="$v" || continue
	step "$v: boot" make -s boot VARIANT="$v" || continue
	collect "$build/$v/guest/results" "$v: guest"
	step "$v: e2e" test/e2e.sh "$build/$v" && true
	collect "$build/log.${v}:_e2e" "$v: e2e"
done

passed=$(grep -c '^PASS' "$tally")
failed=$(grep -c '^FAIL' "$tally")
echo "$passed passed, $failed failed"
[ "$failed" = 0 ] && [ "$passed" -gt 0 ]
