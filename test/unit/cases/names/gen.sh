#!/bin/sh
# Generate 300 objects that all define "dup" (so every one is tagged), with
# basenames made of words their own symbols start with, so that the names
# are written mostly as copies of symbol names: even objects' symbol of
# their own is in .text, odd ones' in .data (copies jump back and forth),
# one object's own symbol is 400 characters long, and objects 240..299
# are in module zq_kx_vw_jb_long_module_name, half of them in a directory
# of that name and half in "other", with the same basenames (tags of two
# components, one of them the module's name).  More names than several
# index blocks hold, and more symbols than several kallsyms markers cover.
#
# Usage: gen.sh <dir>   writes map, modules_thick, symbols, expect
awk -v dir="$1" 'BEGIN {
	n = 300
	split("alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike", w1)
	split("net sched irq block crypto sound video usb pci acpi fs", w2)
	mod = "zq_kx_vw_jb_long_module_name"
	map = dir "/map"; sym = dir "/symbols"; ex = dir "/expect"
	for (i = 0; i < n; i++) {
		word[i] = sprintf("%s_%s_%d", w1[i % 13 + 1], w2[int(i / 13) % 11 + 1], i)
		if (i == 150) {
			long = word[i]
			for (k = 0; length(long) < 400; k++)
				long = long "_" k * 7
			own[i] = long
			word[i] = substr(long, 1, 60)
		} else {
			own[i] = word[i] "_" (i % 2 ? "var" : "init")
		}
		if (i >= 240) {
			path[i] = sprintf("drivers/%s/%s.o", i % 2 ? mod : "other", word[i - i % 2])
			tag[i] = sprintf("%s/%s.o", i % 2 ? mod : "other", word[i - i % 2])
			m[i] = "[" mod "] "
		} else {
			path[i] = sprintf("kernel/%s/%s.o", w2[i % 11 + 1], word[i])
			tag[i] = word[i] ".o"
			m[i] = ""
		}
	}
	printf "kernel/drivers/%s.ko:", mod > (dir "/modules_thick")
	for (i = 240; i < n; i++)
		printf " %s", path[i] > (dir "/modules_thick")
	printf "\n" > (dir "/modules_thick")
	print "Linker script and memory map\n" > map
	printf ".text           0xffffffff81000000 %#18x\n", 32 * n > map
	for (i = 0; i < n; i++) {
		a = 2164260864 + 32 * i
		printf " .text          0xffffffff%08x       0x20 %s\n", a, path[i] > map
		printf "ffffffff%08x 16 t dup\n", a > sym
		printf "dup\t%s{%s}\n", m[i], tag[i] > ex
		if (i % 2 == 0) {
			printf "ffffffff%08x 16 T %s\n", a + 16, own[i] > sym
			printf "%s\t%s{%s}\n", own[i], m[i], tag[i] > ex
		}
	}
	printf "\n.data           0xffffffff82000000 %#18x\n", 8 * n > map
	for (i = 1; i < n; i += 2) {
		a = 2181038080 + 8 * i
		printf " .data          0xffffffff%08x        0x8 %s\n", a, path[i] > map
		printf "ffffffff%08x 8 d %s\n", a, own[i] > sym
		printf "%s\t%s{%s}\n", own[i], m[i], tag[i] > ex
	}
	print "\nOUTPUT(.tmp_vmlinux1 elf64-x86-64)" > map
}'
