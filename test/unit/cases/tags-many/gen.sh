#!/bin/sh
# Generate 70 objects that all define "dup" (so every one is tagged) and a
# name of their own, in .text and, every third one, in .data: more objects
# than an index block of names holds, runs that restart in each section,
# and basenames that repeat in two directories (two components needed).
# Objects 60..69 are in module "many", whose set differs from core code's.
#
# Usage: gen.sh <dir>   writes map, modules_thick, symbols, expect
awk -v dir="$1" 'BEGIN {
	n = 70
	map = dir "/map"; sym = dir "/symbols"; ex = dir "/expect"
	for (i = 0; i < n; i++) {
		path[i] = sprintf("%s/o%02d.o", i % 2 ? "fs" : "mm", i % 35)
		# o05.o is both mm/o05.o and fs/o05.o: in one module set
		# (both core), the tag needs the directory
		same_set = i < 25 || (i >= 35 && i < 60)
		tag[i] = sprintf("%s%s/o%02d.o", i % 2 ? "fs" : "mm", "", i % 35)
		if (!same_set)
			tag[i] = sprintf("o%02d.o", i % 35)
		mod[i] = i >= 60 ? "[many] " : ""
	}
	printf "kernel/lib/many.ko:" > (dir "/modules_thick")
	for (i = 60; i < n; i++)
		printf " %s", path[i] > (dir "/modules_thick")
	printf "\n" > (dir "/modules_thick")
	print "Linker script and memory map\n" > map
	printf ".text           0xffffffff81000000 %#18x\n", 32 * n > map
	for (i = 0; i < n; i++) {
		a = 2164260864 + 32 * i
		printf " .text          0xffffffff%08x       0x20 %s\n", a, path[i] > map
		printf "ffffffff%08x 16 t dup\n", a > sym
		printf "ffffffff%08x 16 T own%02d\n", a + 16, i > sym
		printf "dup\t%s{%s}\n", mod[i], tag[i] > ex
		printf "own%02d\t%s{%s}\n", i, mod[i], tag[i] > ex
	}
	printf "\n.data           0xffffffff82000000 %#18x\n", 8 * n > map
	for (i = 0; i < n; i += 3) {
		a = 2181038080 + 8 * i
		printf " .data          0xffffffff%08x        0x8 %s\n", a, path[i] > map
		printf "ffffffff%08x 8 d data%02d\n", a, i > sym
		printf "data%02d\t%s{%s}\n", i, mod[i], tag[i] > ex
	}
	print "\nOUTPUT(.tmp_vmlinux1 elf64-x86-64)" > map
}'
