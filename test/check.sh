#!/bin/sh
# Run every check of the project: for each kernel version its series
# checks, then the host unit tests, then for each kernel variant the build,
# the boot, the guest's own checks and the host-side comparisons against
# the oracles.  Prints one PASS/FAIL line per check and ends with
# "N passed, N failed"; exits non-zero if anything failed.
#
# Usage: KVERS="<kernel version>..." test/check.sh <builddir> <variant>...
#   (a variant is what make kernel VARIANT=<variant> builds; each belongs
#   to one kernel version)
build=$1
shift
mkdir -p "$build"
tally=$build/check.tally
: > "$tally"

# The log of step <name>.
logof() {
	echo "$build/log.$(echo "$1" | tr ' /' '__')"
}

# step <name> <command>...: run a step, log its output, record the verdict.
step() {
	name=$1
	shift
	log=$(logof "$name")
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

finish() {
	passed=$(grep -c '^PASS' "$tally")
	failed=$(grep -c '^FAIL' "$tally")
	echo "$passed passed, $failed failed"
	[ "$failed" = 0 ] && [ "$passed" -gt 0 ]
	exit
}

# The series of each kernel version.  Without its tree, nothing of that
# version can run.
broken=
for k in $KVERS; do
	s="series $k"
	if ! step "$s: make series" make -s series KVER="$k" ||
	   ! step "$s: git am onto the pristine tree" make -s tree KVER="$k"; then
		broken="$broken $k "
		continue
	fi
	step "$s: checkpatch" test/check-patches.sh "$build/linux-$k" \
		"$build/series/v$k" "patches/v$k"
	collect "$(logof "$s: checkpatch")" "$s"
	step "$s: tree" test/check-tree.sh "$build/linux-$k" "patches/v$k"
	collect "$(logof "$s: tree")" "$s"
done

# The host unit tests and the fuzz replay run on the 6.12 tree.
case " $KVERS " in
*" 6.12 "*)
	case "$broken" in
	*" 6.12 "*) ;;
	*) step "unit" make -s unit && collect "$build/log.unit" unit
	   step "perf unit" test/perf-unit.sh "$build/linux-6.12" "$build/perf-unit"
	   collect "$(logof "perf unit")" "perf unit"
	   step "fuzz replay" test/fuzz.sh "$build/linux-6.12" "$build/fuzz" replay
	   collect "$(logof "fuzz replay")" "fuzz replay" ;;
	esac
esac

for v in "$@"; do
	k=$(make -s --no-print-directory kver VARIANT="$v")
	case "$broken" in
	*" $k "*)
		echo "FAIL: $v: not built, as the $k series did not apply" | tee -a "$tally"
		continue
	esac
	step "$v: build" make -s kernel VARIANT="$v" || continue
	# perf, patched and pristine, for the guest of the variants that run it
	case " $PERF_VARIANTS " in
	*" $v "*) step "$v: perf build" make -s perf VARIANT="$v" || continue
	esac
	step "$v: boot" make -s boot VARIANT="$v" || continue
	collect "$build/$v/guest/results" "$v: guest"
	step "$v: e2e" test/e2e.sh "$build/$v" && true
	collect "$(logof "$v: e2e")" "$v: e2e"
	case " $PERF_VARIANTS " in
	*" $v "*) step "$v: perf" test/perf.sh "$build/$v" "$build/perf" && true
	   collect "$(logof "$v: perf")" "$v: perf"
	esac
done

finish
