#!/bin/sh
# Fuzzing of the kallmodsyms host tools, scripts/kallsyms --kallmodsyms and
# scripts/modules_thick, built with -fsanitize=address,undefined, on every
# kind of input they read (test/README, "Fuzzing").  Each kind is one file
# of a unit fixture, replaced by the seeds of test/fuzz/<kind>/ and their
# mutations while the fixture's other files stay as they are.
#
# Usage: test/fuzz.sh <tree> <outdir> replay [kind...]
#            every seed, then the line (or byte) mutations of test/fuzz/mutate.c;
#            PASS:/FAIL: per kind (what make check runs)
#        test/fuzz.sh <tree> <outdir> afl [kind...]
#            AFL++ on each kind for $FUZZ_TIME seconds (default 60), one
#            instance at a time; then the replay checks on every input
#            AFL++ kept, and a summary of execs, crashes and hangs
#        test/fuzz.sh <tree> <outdir> kinds
#            the kinds, one per line
tree=$1
out=$2
mode=$3
shift 3
mkdir -p "$out"
out=$(cd "$out" && pwd)
top=$(pwd)
CC=${CC:-gcc}
cflags="-O2 -g -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=all"
. test/fixture.sh

# Mutations per seed in the replay, and their random seed.
MUTATIONS=${MUTATIONS:-36}
FUZZ_TIME=${FUZZ_TIME:-60}

# kind, tool, fixture, the file of the fixture fuzzed (@W@: the work
# directory), the mutations that must leave no other valid input (see
# test/README), and "binary" for byte mutations.
kinds() {
	cat <<-EOF
	map	kallsyms	cases/basic	map	ctrl,glue	text
	omap	kallsyms	cases/ibt	omap	ctrl,glue	text
	elf	kallsyms	cases/basic	@W@/elf.o	cut	binary
	thick	kallsyms	cases/basic	modules_thick	ctrl,glue	text
	syms	kallsyms	cases/basic	@W@/syms	ctrl,glue	text
	builtin	modules_thick	thick/basic	modules.builtin	ctrl,glue	text
	objects	modules_thick	thick/basic	objects	ctrl,glue	text
	cmd	modules_thick	thick/basic	fs/fat/.inode.o.cmd	-	text
	EOF
}

# Set tool, fixture, file, strict, format of kind $1.
kind() {
	set -- $(kinds | awk -v k="$1" '$1 == k')
	[ $# = 6 ] || { echo "fuzz: no input kind $1" >&2; return 1; }
	tool=$2 fixture=$3 file=$4 strict=$5 format=$6
	# scripts/kallsyms checks that every listed symbol lies within 4 GiB above
	# _text only as it writes its offsets table (test/README, "Fuzzing").
	tolerate=
	if [ "$1" = syms ]; then tolerate="kallsyms failure: "; fi
}

# The work directory $1 of a kind: a copy of its fixture (the tools run in
# it), and for kallsyms the symbol list and ELF object the unit tests make.
# Sets cmd (the command line, run from $1/case) and input (the fuzzed file
# as the command names it).
setup() {
	w=$1
	rm -rf "$w"
	mkdir -p "$w"
	cp -R "test/unit/$fixture" "$w/case"
	case $tool in
	kallsyms)
		# The symbol list and object of a fixture, made once.
		f=$out/fixtures/$fixture
		if [ ! -f "$f/elf.o" ]; then
			mkdir -p "$f"
			(CC=gcc; out=$out/asan; make_symbols "test/unit/$fixture" "$f") \
				> "$f/setup.log" 2>&1 || { cat "$f/setup.log"; rm -f "$f/elf.o"; return 1; }
		fi
		cp "$f/syms" "$f/elf.o" "$w"
		cmd="$bin/kallsyms $(case_args "$w/case" "$w")" ;;
	modules_thick)
		cmd="$bin/modules_thick modules.builtin objects" ;;
	esac
	input=$(echo "$file" | sed "s|@W@|$w|g")
}

# Every input file of the command line, as -e options of mutate.
input_names() {
	for a in $cmd; do
		case $a in
		--*=*) echo "-e ${a#*=}" ;;
		-*|"$bin"/*) ;;
		*) echo "-e $a" ;;
		esac
	done
}

build() {
	(out=$out/$1
	 mkdir -p "$out"
	 [ "$1" = asan ] || { CC=afl-clang-fast; export AFL_QUIET=1; }
	 build_host_tools "$tree") || exit 1
	gcc -O2 -g -Wall -o "$out/mutate" test/fuzz/mutate.c || exit 1
}

export ASAN_OPTIONS=detect_leaks=0:abort_on_error=0:exitcode=99
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1:exitcode=99

# replay <kind>: each seed with the oracle, then MUTATIONS of each.
replay() {
	kind "$1" || return 1
	setup "$out/work/$1" || return 1
	mkdir -p "$out/findings/$1"
	opts="-n $MUTATIONS -r ${MUTATION_SEED:-1} -t 5000 -o $out/findings/$1"
	[ "$strict" = - ] || opts="$opts -S $strict"
	[ "$format" = binary ] && opts="$opts -b"
	if [ -n "$KEEP_CHANGED" ]; then
		rm -rf "$out/changed/$1"
		mkdir -p "$out/changed/$1"
		opts="$opts -k $out/changed/$1"
	fi
	rc=0
	for s in "$top"/test/fuzz/"$1"/*; do
		(cd "$w/case" && "$out/mutate" $opts -x "$tolerate" $(input_names) -i "$input" -s "$s" -- $cmd) || rc=1
	done
	return $rc
}

# afl <kind>: FUZZ_TIME seconds of AFL++, then the replay oracle on what it
# kept (queue, crashes, hangs), with the gcc build.
afl() {
	kind "$1" || return 1
	bin=$out/afl-bin
	setup "$out/afl-work/$1" || return 1
	o=$out/afl/$1
	mkdir -p "$out/afl"
	rm -rf "$o"
	echo "  AFL     $1 for ${FUZZ_TIME}s"
	(cd "$w/case" &&
	 AFL_SKIP_CPUFREQ=1 AFL_NO_UI=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 \
	 AFL_NO_AFFINITY=1 \
	 ASAN_OPTIONS=detect_leaks=0:abort_on_error=1:symbolize=0 \
	 UBSAN_OPTIONS=halt_on_error=1:abort_on_error=1 \
	 afl-fuzz -i "$top/test/fuzz/$1" -o "$o" -f "$input" -t 2000 -V "$FUZZ_TIME" \
		-- $cmd) > "$out/afl-$1.log" 2>&1
	stats=$o/default/fuzzer_stats
	if [ ! -f "$stats" ]; then
		echo "FAIL: fuzz $1: afl-fuzz did not run (log: $out/afl-$1.log)"
		tail -n 20 "$out/afl-$1.log"
		return 1
	fi
	awk -v k="$1" '{ v[$1] = $3 }
		END { printf "  %-8s %s execs in %s s (%s/s), %s paths, %s crashes, %s hangs\n", k,
			v["execs_done"], v["run_time"], v["execs_per_sec"], v["corpus_count"],
			v["saved_crashes"], v["saved_hangs"] }' "$stats" | tee -a "$out/afl-summary"
	bin=$out/asan
	setup "$out/work/$1" || return 1
	mkdir -p "$out/findings/$1"
	rc=0
	for s in "$o"/default/queue/id* "$o"/default/crashes/id* "$o"/default/hangs/id*; do
		[ -f "$s" ] || continue
		(cd "$w/case" && "$out/mutate" -t 5000 -x "$tolerate" -o "$out/findings/$1" $(input_names) \
			-i "$input" -s "$s" -- $cmd) | grep -v '^/' || true
		[ -z "$(ls "$out/findings/$1")" ] || rc=1
	done
	return $rc
}

all_kinds=$(kinds | cut -f1)
[ $# -gt 0 ] || set -- $all_kinds

case $mode in
kinds)
	echo "$all_kinds" ;;
replay)
	start=$(date +%s)
	build asan
	bin=$out/asan
	failed=0 total=0
	for k; do
		rm -rf "$out/findings/$k"
		replay "$k" > "$out/replay-$k.log" 2>&1
		rc=$?
		runs=$(awk '/ runs: /{ n += $2 } END { print n + 0 }' "$out/replay-$k.log")
		total=$((total + runs))
		if [ $rc = 0 ]; then
			echo "PASS: $k ($(grep -c ' runs: ' "$out/replay-$k.log") seeds, $runs runs)"
		else
			echo "FAIL: $k (log: $out/replay-$k.log)"
			grep -v ' runs: ' "$out/replay-$k.log" | head -n 10 | sed 's/^/  /'
			failed=1
		fi
	done
	echo "replay: $total runs in $(($(date +%s) - start)) s, the build included"
	exit $failed ;;
afl)
	build asan
	build afl-bin
	: > "$out/afl-summary"
	failed=0
	for k; do
		rm -rf "$out/findings/$k"
		afl "$k" || failed=1
	done
	echo "AFL++ findings that fail the replay checks are in $out/findings/<kind>/"
	exit $failed ;;
*)
	echo "usage: test/fuzz.sh <tree> <outdir> replay|afl|kinds [kind...]" >&2
	exit 2 ;;
esac
