#!/bin/sh
# Generate 300 objects that all define "dup" (so every one is tagged) and a
# name of their own: even objects' in .text after "dup", odd ones' in .data,
# so that a sequential reader goes through the object names in order, then
# again through every other one.  Basenames have upper and lower case
# letters, digits, '-' and '_'; twins share a basename in two directories
# ("sub-a_1/", "sub-b_2/"), so their tags have two components and a '/'.
#
#   objects 0..139    module m (0..69) has objects 2m and 2m + 1, twins for
#                     even m; module 69's name is 150 characters long;
#                     module files of every fifth module have a '-', which
#                     the module's name has as '_'
#   objects 140..199  two by two in modules p and p + 35 (p = 0..29)
#   objects 200..299  core kernel (no module); 280..289 are twins of
#                     290..299; object 250's basename is 200 characters
#
# 70 module names and 300 object names: several index blocks of names in
# both lists, read in and out of order, from the middle of blocks; a
# module and the objects after it are often in the same block of their
# lists, where mixing up the two lists would show.
# With "nomodules", modules_thick is empty: no module names at all, every
# object core kernel (the tags stay the same: twins are twins).
#
# Usage: gen.sh <dir> [nomodules]   writes map, modules_thick, symbols, expect
awk -v dir="$1" -v nomodules="$2" 'BEGIN {
	n = 300; nmod = 70
	split("alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike", w1)
	split("net sched irq block crypto sound video usb pci acpi fs", w2)
	sep[1] = "-"; sep[2] = "_"; sep[3] = ""
	map = dir "/map"; sym = dir "/symbols"; ex = dir "/expect"
	thick = dir "/modules_thick"
	for (m = 0; m < nmod; m++) {
		mname[m] = sprintf("m%02d_%s", m, w1[m % 13 + 1])
		if (m == nmod - 1)
			while (length(mname[m]) < 150)
				mname[m] = mname[m] "_" w2[length(mname[m]) % 11 + 1]
		mfile[m] = mname[m]
		if (m % 5 == 0)
			sub(/_/, "-", mfile[m])
	}
	for (i = 0; i < n; i++) {
		w = w1[i % 13 + 1]
		if (i % 7 == 0)
			w = toupper(w)
		base[i] = sprintf("%s%s%s%d", w, sep[i % 3 + 1], w2[int(i / 13) % 11 + 1], i)
		if (i == 250)
			while (length(base[i]) < 200)
				base[i] = base[i] sep[length(base[i]) % 2 + 1] w2[length(base[i]) % 11 + 1]
		mods[i] = ""
		if (i < 140) {
			mods[i] = "[" mname[int(i / 2)] "] "
		} else if (i < 200) {
			p = int((i - 140) / 2)
			mods[i] = "[" mname[p] "] [" mname[p + 35] "] "
		}
	}
	for (i = 0; i < n; i++) {
		twin = -1
		if (i >= 280)
			twin = i < 290 ? i + 10 : i - 10
		if (i < 140 && int(i / 2) % 2 == 0)
			twin = i % 2 ? i - 1 : i + 1
		if (twin < 0) {
			path[i] = sprintf("kernel/%s/%s.o", w2[i % 11 + 1], base[i])
			tag[i] = base[i] ".o"
		} else {
			b = base[i < twin ? i : twin]
			d = i < twin ? "sub-a_1" : "sub-b_2"
			path[i] = sprintf("drivers/%s/%s.o", d, b)
			tag[i] = d "/" b ".o"
		}
		if (nomodules)
			mods[i] = ""
	}
	printf "" > thick
	for (m = 0; !nomodules && m < nmod; m++) {
		printf "kernel/drivers/%s.ko: %s %s", mfile[m], path[2 * m], path[2 * m + 1] > thick
		p = m < 35 ? m : m - 35
		if (p < 30)
			printf " %s %s", path[140 + 2 * p], path[141 + 2 * p] > thick
		printf "\n" > thick
	}
	print "Linker script and memory map\n" > map
	printf ".text           0xffffffff81000000 %#18x\n", 32 * n > map
	for (i = 0; i < n; i++) {
		a = 2164260864 + 32 * i
		printf " .text          0xffffffff%08x       0x20 %s\n", a, path[i] > map
		printf "ffffffff%08x 16 t dup\n", a > sym
		printf "dup\t%s{%s}\n", mods[i], tag[i] > ex
		if (i % 2 == 0) {
			printf "ffffffff%08x 16 T own%d_init\n", a + 16, i > sym
			printf "own%d_init\t%s{%s}\n", i, mods[i], tag[i] > ex
		}
	}
	printf "\n.data           0xffffffff82000000 %#18x\n", 8 * n > map
	for (i = 1; i < n; i += 2) {
		a = 2181038080 + 8 * i
		printf " .data          0xffffffff%08x        0x8 %s\n", a, path[i] > map
		printf "ffffffff%08x 8 d own%d_var\n", a, i > sym
		printf "own%d_var\t%s{%s}\n", i, mods[i], tag[i] > ex
	}
	print "\nOUTPUT(.tmp_vmlinux1 elf64-x86-64)" > map
}'
