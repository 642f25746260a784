#!/bin/sh
# Host-side checks of the perf run in the guest (perf=<seconds> in the
# variant's BOOT_ARGS; test/guest/init): test/e2e/check-perf.c on what
# perf script printed there, patched and unpatched, against the guest's
# /proc/kallmodsyms; then the patched perf run again here, on the same
# perf.data, reading the kallmodsyms file given with --kallsyms, and
# reading the copy perf record put in the build-id cache (as perf report
# on another machine does): both must print what perf printed in the
# guest.  Prints PASS:/FAIL: per check, and the reports' heads.
#
# Usage: test/perf.sh <objdir> [<perf dir>]   (default build/perf)
obj=$1
perfdir=$(cd "${2:-build/perf}" && pwd)
g=$(cd "$obj/guest" && pwd)
bin=$obj/e2e
mkdir -p "$bin"
status=0

result() {
	if [ "$1" = 0 ]; then echo "PASS: $2"; else echo "FAIL: $2"; status=1; fi
}

for f in perf.data script-perf script-perf-upstream report-perf report-perf-upstream; do
	[ -s "$g/perf/$f" ]
	result $? "perf: guest brought back $f"
done
[ "$status" = 0 ] || exit 1

echo "perf report --sort dso,sym,symbol_size in the guest, patched:"
grep -v '^#' "$g/perf/report-perf" | sed '/^$/d' | head -n 25
echo "the same, unpatched:"
grep -v '^#' "$g/perf/report-perf-upstream" | sed '/^$/d' | head -n 12

gcc -O2 -Wall -Wno-format-truncation -o "$bin/check-perf" test/e2e/check-perf.c \
	test/e2e/common.c || exit 1
"$bin/check-perf" "$g/kallmodsyms" "$g/modules" "$g/perf/script-perf" \
	"$g/perf/script-perf-upstream" "$g/perf/report-perf" || status=1

# The patched perf again, on this machine: its kernel is not the guest's,
# so perf finds the guest kernel's symbols by the file given, or by
# build-id in the cache the guest's perf record filled ($HOME/.debug).
# No vmlinux: the working directory is an empty one.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
again() {
	(cd "$work" && HOME=$1 && export HOME && shift &&
	 "$perfdir/perf" script -i "$g/perf/perf.data" -F ip,sym,dso \
		--show-kernel-path "$@") > "$work/script" 2> "$work/err"
}
again "$work" --kallsyms="$g/kallmodsyms" && cmp -s "$work/script" "$g/perf/script-perf"
result $? "perf script --kallsyms=<the guest's kallmodsyms> here prints what perf script printed in the guest"

cache=$(ls -d "$g"/perf/.debug/\[kernel.kallsyms\]/*/ 2>/dev/null | head -n 1)
[ -s "$cache/kallsyms" ] && [ -s "$cache/kallmodsyms" ] &&
	cmp -s "$cache/kallmodsyms" "$g/kallmodsyms"
result $? "perf record put /proc/kallmodsyms in the build-id cache beside kallsyms"

again "$g/perf" && cmp -s "$work/script" "$g/perf/script-perf"
result $? "perf script here, the kernel found by build-id in the guest's cache, prints what perf script printed in the guest"
exit $status
