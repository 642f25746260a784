#!/bin/sh
# Generate sizes whose letters have Fibonacci frequencies: padding of k
# bytes before the next symbol for F(k) symbols, k = 1..22.  An unlimited
# Huffman code for them is 21 bits deep; the code must be limited to what
# the kernel decodes and still give every size back.  The symbols lie
# outside the map's sections, so none has a module.
#
# Usage: gen.sh <dir>   writes symbols, expect
awk -v dir="$1" 'BEGIN {
	a = 0; b = 1; n = 0
	for (k = 1; k <= 22; k++) {
		for (i = 0; i < b; i++) {
			name = sprintf("pad%02d_%05d", k, i)
			printf "ffffffff%08x %d t %s\n", 2181038080 + 256 * n, 256 - k, name > (dir "/symbols")
			printf "%s\t\n", name > (dir "/expect")
			n++
		}
		c = a + b; a = b; b = c
	}
}'
