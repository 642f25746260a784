#!/bin/sh
# ld.lld merges the constants of every object into pools of its own, and
# its map names no object for them; clang's assembler writes no STT_FILE
# symbol.  Here the constants of two assembler objects (3/asm_a.s,
# 4/asm_b.s: no STT_FILE symbol) and of a C-like one (1/glue.S) lie in
# such a pool, after the glue object's own locals in the symbol table:
# the neighbours of each say only "glue.o, asm_a.o or asm_b.o", and the
# objects' own symbol tables say which.  The objects are those
# test/fixture.sh assembles from the fifth column, so the map names them
# by their paths in the work directory.
#
# Usage: gen.sh <dir>   writes symbols, map, modules_thick
dir=$1
o=$dir/src
cat > "$dir/symbols" <<EOS
ffffffff81000000 0 T _text
ffffffff81000000 16 t glue_fn 1/glue.S
ffffffff81200000 8 r glue_tab 1/glue.S
ffffffff81000100 16 T asm_a_fn 3/asm_a.s
ffffffff81200010 0 r K_TAB 3/asm_a.s
ffffffff81000200 16 T asm_b_fn 4/asm_b.s
ffffffff81200020 0 r K_TAB 4/asm_b.s
ffffffff81200040 0 r MASK 4/asm_b.s
ffffffff81000300 16 t next_fn 5/next.S
EOS
cat > "$dir/modules_thick" <<EOS
kernel/m/m_one.ko: $o/1/glue.o
kernel/m/m_two.ko: $o/3/asm_a.o $o/4/asm_b.o
EOS
# ld.lld's columns: VMA, LMA, size, alignment, then the text by level.
line() {
	printf '%16s %16s %8s %5s %*s%s\n' "$1" "$2" "$3" "$4" "$5" "" "$6"
}
{
	echo '             VMA              LMA     Size Align Out     In      Symbol'
	line ffffffff81000000 1000000 400 4096 0 .text
	line ffffffff81000000 1000000 0 1 8 '_text = .'
	line ffffffff81000000 1000000 100 16 8 "$o/1/glue.o:(.text)"
	line ffffffff81000000 1000000 10 1 16 glue_fn
	line ffffffff81000100 1000100 100 16 8 "$o/3/asm_a.o:(.text)"
	line ffffffff81000100 1000100 10 1 16 asm_a_fn
	line ffffffff81000200 1000200 100 16 8 "$o/4/asm_b.o:(.text)"
	line ffffffff81000200 1000200 10 1 16 asm_b_fn
	line ffffffff81000300 1000300 100 16 8 "$o/5/next.o:(.text)"
	line ffffffff81000300 1000300 10 1 16 next_fn
	line ffffffff81200000 1200000 80 64 0 .rodata
	line ffffffff81200000 1200000 80 16 8 '<internal>:(.rodata)'
	for s in .symtab .shstrtab .strtab; do
		line 0 0 40 1 0 $s
		line 0 0 40 1 8 "<internal>:($s)"
	done
} > "$dir/map"
