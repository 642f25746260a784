# Sourced by test/unit.sh and test/fuzz.sh: how a unit fixture is turned
# into the files a host tool runs on.  The caller sets $CC and $out (the
# directory of the tools, mkelf among them) and runs from the top of the
# repository.

# Build scripts/kallsyms (with the kallmodsyms hook) of tree $1,
# scripts/modules_thick and test/unit/mkelf into $out, with $cflags and
# any further options given.
build_host_tools() {
	tree=$1
	shift
	$CC $cflags "$@" -I"$tree/scripts/include" -o "$out/kallsyms" "$tree/scripts/kallsyms.c" \
		scripts/kallmodsyms.c scripts/kallmodsyms_elf.c scripts/kallmodsyms_map.c \
		scripts/kallmodsyms_runs.c scripts/kallmodsyms_sizes.c scripts/kallmodsyms_code.c \
		scripts/kallmodsyms_names.c scripts/kallmodsyms_modules.c scripts/kallmodsyms_pools.c \
		scripts/kallmodsyms_objects.c \
		scripts/kallmodsyms_util.c &&
	$CC $cflags "$@" -I"$tree/scripts/include" -o "$out/modules_thick" \
		scripts/modules_thick.c scripts/kallmodsyms_util.c &&
	$CC $cflags "$@" -o "$out/mkelf" test/unit/mkelf.c
}

# The kallsyms command line of case $1 (its "args"), with the work
# directory $2 for @W@; the paths in it are relative to the case.
case_args() {
	sed "s|@W@|$2|g" "$1/args"
}

# The symbol list ("address type name", as nm gives it) and an ELF object
# whose symbol table carries the sizes, from a case's "symbols" file of
# "address size type name" lines (or its base case's).  The object is
# made by the host assembler and linker, or by mkelf if the case has an
# "elf" file (mkelf's options): then the host tools' object of the same
# symbols is made too, as le64.o, for run_kallsyms_case to compare.
make_symbols() {
	case=$1 w=$2
	src=$case/symbols
	if [ -x "$case/gen.sh" ]; then
		"$case/gen.sh" "$w" || return 1
		src=$w/symbols
	fi
	[ -f "$case/base" ] && src=test/unit/cases/$(cat "$case/base")/symbols
	awk '{ print $1, $3, $4 }' "$src" > "$w/syms"
	[ -f "$case/syms" ] && cp "$case/syms" "$w/syms"	# a raw symbol list
	if [ ! -f "$case/elf" ]; then
		host_object "$src" "$w" "$w/elf.o"
		return
	fi
	# "file address size type name", files named as host_object's.
	awk '{ print "elf" seen[$4]++ ".o", $0 }' "$src" |
		"$out/mkelf" $(cat "$case/elf") "$w/elf.o" || return 1
	[ -f "$case/error" ] || host_object "$src" "$w" "$w/le64.o"
}

# The object of the symbols of $1 that the host assembler and linker make,
# as $3.  A name defined again goes to another file, as a local symbol,
# and the files are linked into one with ld -r, in order.  A fifth column
# names the source file of a symbol instead ("a/x.S"; its STT_FILE is
# "x.S", so "a/x.S" and "b/x.S" are two objects of one source name; "a/x.s"
# is assembled without the preprocessor, and has no STT_FILE symbol, as
# clang's assembler writes none).
host_object() {
	src=$1 w=$2 obj=$3
	rm -rf "$w/src"
	mkdir -p "$w/src"
	awk -v w="$w/src" '{
		f = NF >= 5 ? w "/" $5 : sprintf("%s/elf%d.S", w, seen[$4]++)
		if (!(f in files)) {
			files[f] = 1
			print f
			d = f; sub(/\/[^\/]*$/, "", d)
			system("mkdir -p " d)
		}
		if ($3 ~ /[A-Z]/)
			printf ".globl %s\n", $4 > f
		printf ".set %s, 0x%s\n.size %s, %s\n", $4, $1, $4, $2 > f
	}' "$src" | sort > "$w/src/list"
	while read -r s; do
		$CC -c -o "${s%.[sS]}.o" "$s" || return 1
	done < "$w/src/list"
	ld -r -o "$obj" $(sed 's/\.[sS]$/.o/' "$w/src/list") 2>/dev/null ||
		$CC -c -o "$obj" -x assembler /dev/null
}

