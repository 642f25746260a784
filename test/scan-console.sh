#!/bin/sh
# Fail when a console log holds a report of the kernel's checkers or any
# warning: KASAN, UBSAN and lockdep reports, WARN()s, BUG()s, oopses,
# panics, stack dumps.  Prints the lines found, with their line numbers.
# Every variant's boot log is scanned (test/boot.sh); the debug variant
# (llvm, test/config/debug.config) is the one that has the checkers.
#
# Usage: test/scan-console.sh <console.log>
log=$1
[ -r "$log" ] || { echo "scan-console: cannot read $log" >&2; exit 2; }
# "INFO: " starts lockdep's and RCU's reports that are not WARNINGs
# ("INFO: possible recursive locking detected", "INFO: rcu_preempt
# detected stalls"); "lockdep" (lower case) the messages that lockdep
# turned itself off.  The one line that names lockdep in every boot of a
# kernel with PROVE_LOCKING, RCU's "RCU lockdep checking is enabled.", is
# not a report.
found=$(grep -n -a -E \
	-e 'BUG:|WARNING:|INFO: |UBSAN:|KASAN|Oops|Call Trace|Kernel panic|cut here' \
	-e 'possible circular locking|possible recursive locking|lockdep|debug_locks' \
	-e 'sleeping function called from invalid context|scheduling while atomic' \
	"$log" | grep -v -e '^[0-9]*:rcu:[[:space:]]*RCU lockdep checking is enabled\.' |
	cut -c1-300)
[ -z "$found" ] && exit 0
echo "$log: $(echo "$found" | wc -l) report lines of the kernel's checkers or warnings:" >&2
echo "$found" | head -n 60 | sed 's/^/    /' >&2
exit 1
