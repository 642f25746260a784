#!/bin/sh
# Host unit tests of the kallmodsyms host code: builds scripts/kallsyms (with
# the project's hook) and scripts/modules_thick, runs every fixture under
# test/unit/cases and test/unit/thick, and decodes the emitted tables with
# kernel/kallmodsyms.c itself.  Prints PASS:/FAIL: per case and a closing
# "N passed, N failed".
#
# Usage: test/unit.sh <tree> <outdir> [case...]
tree=$1
out=$2
shift 2
top=$(pwd)
mkdir -p "$out"
out=$(cd "$out" && pwd)
CC=${CC:-gcc}
cflags="-O2 -g -Wall -Wextra -Wno-sign-compare -Wno-missing-field-initializers"
. test/fixture.sh

set -e
build_host_tools "$tree"
# The kernel's decoder, built for userspace.
kobjs=
for f in kallmodsyms kallmodsyms_code kallmodsyms_sizes kallmodsyms_runs kallmodsyms_names \
	 kallmodsyms_modules kallmodsyms_objects; do
	$CC -O2 -g -Wall -Werror -DCONFIG_KALLMODSYMS -Itest/unit/shim -Iinclude -I"$tree/kernel" \
		-c -o "$out/$f.o" kernel/$f.c
	kobjs="$kobjs $out/$f.o"
done
$CC -O2 -g -Wall -Werror -DCONFIG_KALLMODSYMS -Itest/unit/shim -Iinclude -Ikernel -c -o "$out/kms_decode.o" test/unit/kms_decode.c
set +e

passed=0
failed=0
verdict() {
	if [ "$1" = 0 ]; then
		echo "PASS: $2"
		passed=$((passed + 1))
	else
		echo "FAIL: $2"
		failed=$((failed + 1))
	fi
}

# Compare a tool's outcome with the case's "expect" (output) or "error"
# (a text its stderr must contain, with a non-zero exit and nothing on
# stdout, $5: bad input leaves no partial output).
judge() {
	case=$1 rc=$2 got=$3 err=$4 stdout=$5
	if [ -f "$case/error" ]; then
		want=$(cat "$case/error")
		if [ "$rc" != 0 ] && grep -qF -- "$want" "$err" && [ ! -s "$stdout" ]; then
			return 0
		fi
		echo "  expected failure with: $want, and no output"
		echo "  got exit $rc, $(wc -c < "$stdout") bytes of output, stderr:"
		sed 's/^/    /' "$err"
		return 1
	fi
	if [ "$rc" != 0 ]; then
		echo "  exit $rc:"; sed 's/^/    /' "$err"
		return 1
	fi
	expect=$case/expect
	[ -f "$expect" ] || [ ! -f "$case/base" ] ||
		expect=test/unit/cases/$(cat "$case/base")/expect
	[ -f "$expect" ] || expect=$(dirname "$got")/expect
	diff -u "$expect" "$got" | sed 's/^/  /' | head -n 20
	cmp -s "$expect" "$got"
}

# A case whose object mkelf made (any class and byte order) must emit
# exactly what the host tools' little-endian 64-bit object of the same
# symbols makes the tool emit: its out.S, byte for byte.
check_same_as_le64() {
	case=$1 w=$2
	(cd "$case" && "$out/kallsyms" $(sed "s|@W@/elf.o|$w/le64.o|g; s|@W@|$w|g" args)) \
		> "$w/le64.S" 2> "$w/le64.err" || {
		echo "  with le64.o: exit $?:"; sed 's/^/    /' "$w/le64.err"
		return 1
	}
	cmp -s "$w/le64.S" "$w/out.S" && return 0
	echo "  out.S differs from the one le64.o gives (le64.S):"
	diff -u "$w/le64.S" "$w/out.S" | sed 's/^/  /' | head -n 20
	return 1
}

# Every decoded "name address size" must be what nm -S says of the
# fixture's ELF object (a symbol without a size has size 0).
check_sizes() {
	w=$1
	nm -S "$w/elf.o" | awk '
		function hex(s) { sub(/^0+/, "", s); return s == "" ? "0" : s }
		NF == 4 { print $4, hex($1), hex($2) }
		NF == 3 { print $3, hex($1), "0" }' | sort > "$w/nm-sizes"
	paste -d' ' "$w/names" "$w/sizes" | sort > "$w/decoded-sizes"
	comm -23 "$w/decoded-sizes" "$w/nm-sizes" > "$w/bad-sizes"
	[ -s "$w/bad-sizes" ] || return 0
	echo "  decoded sizes that nm -S does not give (name address size):"
	head -n 10 "$w/bad-sizes" | sed 's/^/    /'
	return 1
}

# A kallsyms case: run the tool, then decode what it emitted.
run_kallsyms_case() {
	case=$1 w=$2
	make_symbols "$case" "$w" || return 1
	(cd "$case" && "$out/kallsyms" $(case_args . "$w")) > "$w/out.S" 2> "$w/err"
	rc=$?
	cp "$w/err" "$w/kallsyms-err"
	if [ $rc = 0 ] && [ ! -f "$case/error" ]; then
		grep -q -- --absolute-percpu "$case/args" && export KMS_ABSOLUTE_PERCPU=1
		$CC -c -Itest/unit/shim -o "$w/out.o" "$w/out.S" 2>> "$w/err" &&
		# kallsyms_relative_base is relative to _text: place it.
		text=$(awk '$3 == "_text" { print $1 }' "$w/syms")
		$CC -no-pie -o "$w/decode" -Wl,--defsym,_text=0x${text:-0} "$out/kms_decode.o" \
			$kobjs "$w/out.o" 2>> "$w/err" &&
		"$w/decode" "$w/sizes" > "$w/decoded" 2>> "$w/err"
		rc=$?
		unset KMS_ABSOLUTE_PERCPU
		# Symbol names in kallsyms order: the comments of kallsyms_offsets,
		# which carry the type letter first.
		sed -n '/^kallsyms_offsets:/,/^$/s|.*/\* .\(.*\) \*/$|\1|p' "$w/out.S" > "$w/names"
		paste "$w/names" "$w/decoded" | cut -f1,3 > "$w/got"
		[ $rc = 0 ] && ! check_sizes "$w" && return 1
		[ $rc = 0 ] && [ -f "$case/elf" ] && ! check_same_as_le64 "$case" "$w" && return 1
		if [ -f "$case/warning" ] && ! grep -qF -- "$(cat "$case/warning")" "$w/kallsyms-err"; then
			echo "  expected a warning: $(cat "$case/warning")"
			return 1
		fi
		if [ ! -f "$case/warning" ] && [ -s "$w/kallsyms-err" ]; then
			echo "  expected nothing on stderr, got:"
			sed 's/^/    /' "$w/kallsyms-err"
			return 1
		fi
		if [ -f "$case/comment" ] && ! grep -qF -- "$(cat "$case/comment")" "$w/out.S"; then
			echo "  expected in the output: $(cat "$case/comment")"
			return 1
		fi
	fi
	judge "$case" $rc "$w/got" "$w/err" "$w/out.S"
}

run_thick_case() {
	case=$1 w=$2
	(cd "$case" && "$out/modules_thick" modules.builtin objects) > "$w/got" 2> "$w/err"
	judge "$case" $? "$w/got" "$w/err" "$w/got"
}

for case in test/unit/cases/* test/unit/thick/*; do
	[ -d "$case" ] || continue
	name=${case#test/unit/}
	if [ $# -gt 0 ]; then
		echo " $* " | grep -q " $name \| ${name#*/} " || continue
	fi
	w=$out/$name
	rm -rf "$w"
	mkdir -p "$w"
	case $name in
	cases/*) run_kallsyms_case "$case" "$w" ;;
	thick/*) run_thick_case "$case" "$w" ;;
	esac
	verdict $? "$name"
done

echo "$passed passed, $failed failed"
[ $failed = 0 ]
