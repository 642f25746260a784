#!/bin/sh
# After "make run": what the guest saw.
# Usage: test/summary.sh <objdir>
guest=$1/guest
echo "guest checks: $(grep -c '^PASS' "$guest/results") passed, $(grep -c '^FAIL' "$guest/results") failed"
grep '^FAIL' "$guest/results"
echo "/proc/kallsyms: $(wc -l < "$guest/kallsyms") lines; loaded modules: $(cut -d' ' -f1 "$guest/modules" | tr '\n' ' ')"
if [ -f "$guest/kallmodsyms" ]; then
	echo "/proc/kallmodsyms: $(wc -l < "$guest/kallmodsyms") lines," \
	     "$(grep -c "$(printf '\t')" "$guest/kallmodsyms") with tags; first lines and some tagged ones:"
	head -n 5 "$guest/kallmodsyms"
	grep "$(printf '\t')\[" "$guest/kallmodsyms" | awk 'NR % 500 == 1' | head -n 10
	grep "$(printf '\t')\[[^]]*\] \[" "$guest/kallmodsyms" | head -n 3
else
	head -n 10 "$guest/kallsyms"
fi
