#!/bin/sh
# Figures of a built test kernel: bytes of each kallmodsyms table, read from
# the object scripts/kallsyms' output was assembled into for the final link
# (alignment padding included), the symbol count, and vmlinux's size.
#
# Usage: test/bench.sh <objdir>
obj=$1
o=$(ls "$obj"/.tmp_vmlinux[0-9].kallsyms.o | sort | tail -n 1)
end=$(size -A "$o" | awk '$1 == ".rodata" { print $2 }')
nm -n "$o" | awk -v end="$end" '
	function out(n, b) { printf "%-28s %6d bytes\n", n, b; total += b }
	prev != "" { out(prev, strtonum("0x" $1) - paddr); prev = "" }
	$3 ~ /^kallmodsyms_/ { prev = $3; paddr = strtonum("0x" $1) }
	END { if (prev != "") out(prev, end - paddr)
	      printf "%-28s %6d bytes\n", "kallmodsyms tables total", total }'
echo "kallsyms symbols: $(nm "$o" | awk '$3 == "kallsyms_num_syms"' >/dev/null; wc -l < "$obj/System.map") (System.map lines)"
size "$obj/vmlinux"
