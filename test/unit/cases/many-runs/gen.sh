#!/bin/sh
# Generate a fixture with thousands of symbols and hundreds of runs of every
# kind the run encoding has: next module, back to core, short and long
# jumps forward, jumps back, runs longer than one-byte codes hold, and
# enough runs for many markers.  The expected tags follow from the layout
# by construction.
#
# Usage: gen.sh <dir>   writes map, modules_thick, symbols, expect
awk -v dir="$1" 'BEGIN {
	nmod = 50
	for (m = 0; m < nmod; m++)
		printf "kernel/lib/m%02d.ko: lib/m%02d.o\n", m, m > (dir "/modules_thick")
	# (object, symbols) per section; object -1 is core code.
	n = 0
	for (round = 0; round < 12; round++) {
		for (m = 0; m < nmod; m += 1 + (round % 3)) {
			obj[n] = m; cnt[n] = 1 + (m * 7 + round * 13) % 5; n++
			if ((m + round) % 4 == 0) { obj[n] = -1; cnt[n] = 1 + (m + round) % 3; n++ }
		}
		obj[n] = (round * 17) % nmod; cnt[n] = 150 + round; n++   # long module run
		obj[n] = -1; cnt[n] = 70 + round; n++                      # long core run
		obj[n] = (round * 31 + 40) % nmod; cnt[n] = 2; n++         # jump
	}
	map = dir "/map"
	print "Linker script and memory map\n" > map
	addr = 0; nsym = 0
	printf ".text           0xffffffff81000000 %#18x\n", 16 * 100000 > map
	for (j = 0; j < n; j++) {
		file = obj[j] < 0 ? sprintf("kernel/c%d.o", j) : sprintf("lib/m%02d.o", obj[j])
		printf " .text.s%d 0xffffffff%08x %#10x %s\n", j, 2164260864 + addr, 16 * cnt[j], file > map
		for (k = 0; k < cnt[j]; k++) {
			name = sprintf("s%05d", nsym++)
			printf "ffffffff%08x 16 t %s\n", 2164260864 + addr, name > (dir "/symbols")
			printf "%s\t%s\n", name, obj[j] < 0 ? "" : sprintf("[m%02d]", obj[j]) > (dir "/expect")
			addr += 16
		}
	}
	print "OUTPUT(vmlinux elf64-x86-64)" > map
}'
