#!/bin/sh
# Figures of a built test kernel: bytes of each kallmodsyms table, read from
# the object scripts/kallsyms' output was assembled into for the final link
# (alignment padding included), the symbol count, the size column's cost
# in bits per symbol beside the zeroth-order entropy of what it codes, the
# counts of object tags and names, and vmlinux's size.
#
# Usage: test/bench.sh <objdir>
obj=$1
. "$(dirname "$0")/arch.sh"
arch_of "$obj"
o=$(ls -t "$obj"/.tmp_vmlinux[0-9].kallsyms.o "$obj"/.tmp_vmlinux.kallsyms[0-9].o \
	2>/dev/null | head -n 1)	# the last link's (6.1 names it .tmp_vmlinux.kallsymsN.o)
end=$($SIZE -A "$o" | awk '$1 == ".rodata" { print $2 }')
$NM -n "$o" | awk -v end="$end" '
	function out(n, b) {
		printf "%-28s %6d bytes\n", n, b; total += b
		if (n ~ /^kallmodsyms_size_/) sizes += b
	}
	prev != "" { out(prev, strtonum("0x" $1) - paddr); prev = "" }
	$3 ~ /^kallmodsyms_/ { prev = $3; paddr = strtonum("0x" $1) }
	END { if (prev != "") out(prev, end - paddr)
	      printf "%-28s %6d bytes\n", "kallmodsyms tables total", total
	      printf "%-28s %6d bytes\n", "  of which size tables", sizes
	      printf "%-28s %6d bytes\n", "  module/object tables", total - sizes
	      print sizes > "/dev/stderr" }' 2> "$obj/.bench-size-bytes"
# The letters scripts/kallsyms coded the sizes with, from its comments.
awk -v bytes="$(cat "$obj/.bench-size-bytes")" '
	/^\/\* sizes: / { n = $3; lit = $8 }
	/^\/\* size letter / { c[$4] = $5 }
	END {
		if (!n) exit
		for (l in c) h -= c[l] / n * log(c[l] / n) / log(2)
		printf "size column: %d symbols, %.3f bits/symbol (tables), zeroth-order entropy %.3f bits/symbol\n",
			n, bytes * 8 / n, h + lit / n
		printf "  exact fit %.1f%%, size 0 %.1f%%, short of the next symbol %.1f%%, literal %.1f%%\n",
			100 * c["0:"] / n, 100 * c["1:"] / n, 100 * pad / n, 100 * (n - c["0:"] - c["1:"] - pad) / n
	}
	/^\/\* size letter / && $4 + 0 >= 66 { pad += $5 }' "${o%.o}.S"
# What scripts/kallsyms said of the tags and names, from its comments.
sed -n 's#^/\* \(object tags: .*\|names: .*\) \*/$#\1#p' "${o%.o}.S"
$SIZE "$obj/vmlinux"
