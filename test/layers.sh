#!/bin/sh
# What each coding layer of the kallmodsyms tables saves against a plain
# table holding the same data, and the lines of code it costs.
#
# Bytes as coded: the tables in the object scripts/kallsyms' output was
# assembled into for the last link (alignment included, as test/bench.sh
# reads them).  The kallmodsyms_sets table and kallmodsyms_num_modules are
# the same under every option and are left out.
#
# Bytes of the alternatives, computed from what the tables hold, not by
# the encoder: the first kallsyms_num_syms lines of the booted kernel's
# /proc/kallmodsyms (<objdir>/guest/kallmodsyms), or, for a build never
# booted, the same lines as kernel/kallmodsyms*.c decodes them on the host
# (with test/unit's stand-ins; needs <objdir>/source); and the module and
# object names the .S lists in its comments.  The run counts are checked
# against the tables', the size letters against the counts the .S lists.
# No alignment padding.
#   run streams  plain: per stream, u32 count + runs of (u32 first symbol,
#                u16 value), symbols without a value being runs too
#                (6 bytes a run), binary-searched.  middle: u16 symbols
#                since the previous run's start + u16 value (4 bytes a run;
#                runs over 65535 symbols split), u32 first symbol of every
#                256th run.  Also shown: a u16 per symbol.
#   sizes        plain: u32 per symbol.  middle: ULEB128 per symbol, u32
#                offset of every 256th.  Also shown: the coded letters
#                (exact, zero, k short, literal) as a u8 each, literal
#                sizes as u32 in a second array, u32 literal index of
#                every 256th symbol.
#   names        plain: the names (object paths without ".o") as strings
#                with a NUL, u16 offset per name (u32 from 64 KiB).
#                middle: the same characters and an end letter, Huffman
#                coded (order 0) with the existing coder: code tables, the
#                bits, 2 bytes of padding, a u32 index every 32 names (the
#                tables' own coding, so "coded" differs by alignment only).
#
# Lines of code: "code" are lines with something besides comments and
# blanks, "all" every line, with each definition's comment directly above
# it.  Counted per definition (function, struct, macro, table, prototype)
# named in the list below, those there only for the coding: a plain table
# would not have them.  scripts/kallmodsyms_sizes.c and _names.c count
# whole, header comment included, though a plain table would keep a few of
# their lines.  Not counted: what any table needs (labels, byte output,
# accessors such as kallmodsyms_symbol_size()), the streams' users, the
# header comments of other files, the code of the alternatives.  The coder
# is the canonical Huffman code, bit streams, numbers as letters and extra
# bits, zigzag.
#
# Usage: test/layers.sh <objdir>
obj=$1
. "$(dirname "$0")/arch.sh"
arch_of "$obj"
top=$(cd "$(dirname "$0")/.." && pwd)
o=$(ls -t "$obj"/.tmp_vmlinux[0-9].kallsyms.o "$obj"/.tmp_vmlinux.kallsyms[0-9].o \
	2>/dev/null | head -n 1)	# the last link's (6.1 names it .tmp_vmlinux.kallsymsN.o)
s=${o%.o}.S
w=$(mktemp -d) || exit 1
trap 'rm -rf "$w"' EXIT

# Table bytes as coded, "label bytes".
end=$($SIZE -A "$o" | awk '$1 == ".rodata" { print $2 }')
$NM -n "$o" | awk -v end="$end" '
	function hex(h,   v, i) {
		for (i = 1; i <= length(h); i++)
			v = 16 * v + index("0123456789abcdef", substr(h, i, 1)) - 1
		return v
	}
	prev != "" { print prev, hex($1) - paddr; prev = "" }
	$3 ~ /^kallmodsyms_/ { prev = $3; paddr = hex($1) }
	END { if (prev != "") print prev, end - paddr }' > "$w/coded"

# "address size<TAB>tags" of each kallsyms symbol, in kallsyms order.
n=$(awk '/^kallsyms_num_syms:/ { getline; print $2 + 0; exit }' "$s")
if [ -f "$obj/guest/kallmodsyms" ]; then
	head -n "$n" "$obj/guest/kallmodsyms" | awk -F '\t' '{ split($1, f, " "); print f[1] " " f[2] "\t" $2 }'
elif [ -n "$CROSS_COMPILE" ]; then
	# the tables are the target's object: the host cannot link them
	echo "layers.sh: $obj: not booted; make boot first (a $KARCH kernel's tables are decoded in the guest)" >&2
	exit 1
else
	src=$obj/source
	set -- -O2 -DCONFIG_KALLMODSYMS -I"$top/test/unit/shim" -I"$top/include" -I"$src/kernel"
	for f in kallmodsyms kallmodsyms_code kallmodsyms_sizes kallmodsyms_runs \
		 kallmodsyms_names kallmodsyms_modules kallmodsyms_objects; do
		${CC:-gcc} "$@" -c -o "$w/$f.o" "$top/kernel/$f.c" || exit 1
	done
	${CC:-gcc} "$@" -c -o "$w/kms_decode.o" "$top/test/unit/kms_decode.c" &&
	text=$(awk '$3 == "_text" { print $1 }' "$obj/System.map") &&
	${CC:-gcc} -no-pie -Wl,-z,noexecstack -o "$w/decode" -Wl,--defsym,_text=0x$text "$w"/kallmodsyms*.o \
		"$w/kms_decode.o" "$o" || exit 1
	grep -q '^CONFIG_KALLSYMS_ABSOLUTE_PERCPU=y' "$obj/.config" && export KMS_ABSOLUTE_PERCPU=1
	"$w/decode" "$w/sizes" > "$w/tags" || exit 1
	cut -f 2- "$w/tags" | paste -d '\t' "$w/sizes" -
fi > "$w/symbols"

awk -v n="$n" -v coded="$w/coded" -v sfile="$s" '
function hex(h,   v, i) {	# the low 52 bits: exact in a double
	h = tolower(h)
	if (length(h) > 13) h = substr(h, length(h) - 12)
	for (i = 1; i <= length(h); i++)
		v = 16 * v + index("0123456789abcdef", substr(h, i, 1)) - 1
	return v
}
function blocks(k, per) { return int((k + per - 1) / per) }
function uleb(v,   b) { for (b = 1; v >= 128; b++) v = int(v / 128); return b }
function bits(v,   b) { for (b = 0; v >= 1; b++) v = int(v / 2); return b }
# One run stream: "value" is what symbol i carries, "" for none.
function stream(i, value, k) {
	if (i == 1 || value != last[k]) {
		all[k]++
		if (value != "") valued[k]++
		if (i > 1) split_runs[k] += int((i - start[k] - 1) / 65535)
		start[k] = i
	}
	if (value != "" && !((k, value) in seen)) { seen[k, value]; nvalues[k]++ }
	last[k] = value
}
# Code lengths of a Huffman code for freq[], and the bits of the names.
function huffman(   nn, live, i, a, b, d, m, total) {
	nn = 0
	for (ch in freq) { w[++nn] = freq[ch]; par[nn] = 0; used[nn] = 0 }
	nlet = nn
	for (live = nn; live > 1; live--) {
		a = b = 0
		for (i = 1; i <= nn; i++) {
			if (used[i]) continue
			if (!a || w[i] < w[a]) { b = a; a = i }
			else if (!b || w[i] < w[b]) b = i
		}
		w[++nn] = w[a] + w[b]; par[nn] = 0; used[nn] = 0
		par[a] = par[b] = nn; used[a] = used[b] = 1
	}
	maxlen = 0
	for (i = 1; i <= nlet; i++) {
		d = 0
		for (m = i; par[m]; m = par[m]) d++
		if (!d) d = 1
		if (d > maxlen) maxlen = d
		total += d * w[i]
	}
	return total
}
BEGIN { FS = "\t" }
{
	split($1, f, " "); addr[NR] = hex(f[1]); size[NR] = hex(f[2])
	tags = $2; obj = ""
	if ((p = index(tags, "{"))) { obj = substr(tags, p); tags = substr(tags, 1, p - 1) }
	sub(/ $/, "", tags)
	stream(NR, tags, "mods")
	stream(NR, obj == "" ? "" : obj tags, "tags")
}
END {
	if (NR != n) { printf "layers.sh: %d symbols, the tables have %d\n", NR, n; exit 1 }
	while ((getline line < coded) > 0) {
		split(line, f, " "); t = f[1]; b = f[2]
		if (t ~ /^kallmodsyms_modules_/) coded_run["mods"] += b
		else if (t ~ /^kallmodsyms_tags_/) coded_run["tags"] += b
		else if (t ~ /^kallmodsyms_size_/) c_sizes += b
		else if (t ~ /^kallmodsyms_(names_|module_index|object_index)/) c_names += b
		else c_other += b
	}
	# Runs as the encoder counted them, and the names it listed.
	while ((getline line < sfile) > 0) {
		if (line ~ /^kallmodsyms_(modules|tags)_num_runs:/) {
			k = line ~ /modules/ ? "mods" : "tags"
			getline line < sfile; split(line, f, " "); enc[k] = f[2] + 0
		} else if (line ~ /^\/\* (module|object) [0-9]+: /) {
			split(line, f, " "); nm = f[4]
			if (f[2] == "object") { sub(/\.o$/, "", nm); nobj++ } else nmod++
			chars += length(nm); names++
			for (i = 1; i <= length(nm); i++) freq[substr(nm, i, 1)]++
			freq["END"]++
		} else if (line ~ /^\/\* size letter /) {
			split(line, f, " "); letters[f[4] + 0] = f[5]
		}
	}
	for (k in all) {
		split_runs[k] += int((n - start[k]) / 65535)
		# Neighbours whose tags read alike ("cpu.o" in two directories)
		# are one run in the text, two in the tables: count two.
		if (valued[k] < enc[k]) {
			printf "note: %s: %d runs in the text, %d in the tables, counted\n", k, valued[k], enc[k]
			all[k] += enc[k] - valued[k]; valued[k] = enc[k]
		}
		if (valued[k] != enc[k])
			printf "layers.sh: %s: %d runs, the tables have %d\n", k, valued[k], enc[k]
		if (nvalues[k] > 65535)
			printf "layers.sh: %s: %d values do not fit a u16\n", k, nvalues[k]
		r = all[k] + split_runs[k]
		printf "%s %d %d %d %d %d %d %d\n", k, coded_run[k], 4 + 6 * all[k],
			4 + 4 * r + 4 * blocks(r, 256), 2 * n, valued[k], all[k], nvalues[k]
	}

	# Sizes, and the letters they would be coded with.
	for (i = 1; i <= n; i++) {
		if (size[i] >= 4294967296) print "layers.sh: a size does not fit a u32"
		for (j = i + 1; j <= n && addr[j] == addr[i]; j++) ;
		has_gap = j <= n && addr[j] > addr[i]; gap = has_gap ? addr[j] - addr[i] : 0
		if (!size[i]) l = 1
		else if (has_gap && size[i] == gap) l = 0
		else if (has_gap && size[i] < gap && gap - size[i] <= 190) l = 65 + gap - size[i]
		else { l = 1 + bits(size[i]); lits++ }
		mine[l]++
		leb += uleb(size[i])
	}
	for (l in letters) if (mine[l] != letters[l]) bad++
	for (l in mine) if (mine[l] != letters[l]) bad++
	if (bad) print "layers.sh: the size letters differ from those the tables were coded with"
	p_sizes = 4 * n
	m_sizes = leb + 4 * blocks(n, 256)
	l_sizes = n + 4 * lits + 4 * blocks(n, 256)

	# Names.
	p_names = chars + names + (chars + names < 65536 ? 2 : 4) * names
	hb = huffman()
	if (maxlen > 16) print "layers.sh: the names code is longer than 16 bits"
	m_names = int((hb + 7) / 8) + 2 + 1 + maxlen + nlet + 4 * (blocks(nmod, 32) + blocks(nobj, 32))

	printf "sizes %d %d %d %d %d\n", c_sizes, p_sizes, m_sizes, l_sizes, lits
	printf "names %d %d %d %d %d %d %d\n", c_names, p_names, m_names, nmod, nobj, chars, hb
	printf "other %d\n", c_other
}' "$w/symbols" > "$w/bytes" || exit 1
grep '^layers.sh' "$w/bytes" >&2
notes=$(grep '^note:' "$w/bytes")

# Lines of code: "layer side file definition...", "*" for the whole file.
awk -v top="$top" '
function strip(s,   r, t, i) {	# line s without comments and literals
	r = ""
	while (s != "") {
		if (incmt) {
			if (!(i = index(s, "*/"))) return r
			s = substr(s, i + 2); incmt = 0; continue
		}
		if (!match(s, /\/\*|\/\/|"([^"\\]|\\.)*"|'"'"'([^'"'"'\\]|\\.)*'"'"'/))
			return r s
		t = substr(s, RSTART, RLENGTH)
		r = r substr(s, 1, RSTART - 1)
		s = substr(s, RSTART + RLENGTH)
		if (t == "//") return r
		if (t == "/*") incmt = 1; else r = r "\"\""
	}
	return r
}
function count(side, file, name,    nl, i, j, start, re, d, code, all, s, t) {
	if (!(file in lines)) {
		while ((getline line < file) > 0) src[file, ++lines[file]] = line
		close(file)
	}
	nl = lines[file]
	start = 1
	if (name != "*") {
		re = "^(#define[ \t]+" name "([ \t(]|$)|struct " name " [{]|" \
		     "[^ \t*/}#].*[^A-Za-z0-9_]" name "[ \t]*[(=[;])"
		while (start <= nl && src[file, start] !~ re) start++
		if (start > nl) { print "layers.sh: " file ": no " name > "/dev/stderr"; return }
		for (j = start; j > 1 && src[file, j - 1] ~ /^[ \t]*(\/\*|\*)/; j--) ;
		all = start - j
	}
	incmt = 0; d = 0
	for (i = start; i <= nl; i++) {
		line = src[file, i]; all++
		s = strip(line)
		if (s ~ /[^ \t]/) code++
		if (name == "*") continue
		t = s; d += gsub(/[{]/, "", t); t = s; d -= gsub(/[}]/, "", t)
		if (line ~ /\\$/) continue
		if (src[file, start] ~ /^#/ || !d && (s ~ /[}]/ || s ~ /;[ \t]*$/)) break
	}
	if (debug) print side, file, name, code, all > "/dev/stderr"
	c[$1 side] += code; a[$1 side] += all
}
{ for (k = 4; k <= NF; k++) count($2, top "/" $3, $k) }
END {
	split("runs sizes names coder", order, " ")
	for (i = 1; i <= 4; i++)
		print order[i] "-loc", c[order[i] "host"] + 0, a[order[i] "host"] + 0,
		      c[order[i] "kernel"] + 0, a[order[i] "kernel"] + 0
}' <<EOF >> "$w/bytes"
runs host scripts/kallmodsyms_runs.c *
runs host scripts/kallmodsyms.h kms_write_run_stream
runs kernel kernel/kallmodsyms_runs.c *
runs kernel kernel/kallmodsyms_internal.h kallmodsyms_stream KALLMODSYMS_STREAM KALLMODSYMS_STREAM_TABLES kallmodsyms_run_cursor kallmodsyms_run_cursor_init kallmodsyms_run_value
runs kernel include/linux/kallmodsyms_format.h KALLMODSYMS_RUNS_PER_MARKER KALLMODSYMS_CODE_SMALL_BITS KALLMODSYMS_CODE_SMALL
sizes host scripts/kallmodsyms_sizes.c size_letter literal_bits gap_after kms_write_size_tables
sizes kernel kernel/kallmodsyms_sizes.c kms_size_code kms_letter kms_literal_bits kms_gap kms_size_seek kallmodsyms_size_cursor_init kms_size kallmodsyms_cursor_size
sizes kernel kernel/kallmodsyms_internal.h kallmodsyms_size_cursor kallmodsyms_size_cursor_init kallmodsyms_cursor_size
sizes kernel include/linux/kallmodsyms_format.h KALLMODSYMS_SIZES_PER_MARKER KALLMODSYMS_SIZE_EXACT KALLMODSYMS_SIZE_ZERO KALLMODSYMS_SIZE_LIT KALLMODSYMS_SIZE_PAD
names host scripts/kallmodsyms_names.c *
names kernel include/linux/kallmodsyms_format.h KALLMODSYMS_NAMES_PER_INDEX KALLMODSYMS_NAME_END
names kernel kernel/kallmodsyms_names.c kms_letters kms_letter kms_put_name kallmodsyms_names_cursor_init
names kernel kernel/kallmodsyms_internal.h kallmodsyms_names_cursor kallmodsyms_names_cursor_init
coder host scripts/kallmodsyms_code.c huffman_lengths kms_code_build kms_bits_put kms_code_put kms_code_letter kms_code_write kms_bits_write
coder host scripts/kallmodsyms.h KMS_CODE_LETTERS kms_code kms_bits kms_code_build kms_code_put kms_bits_put kms_code_letter kms_code_write kms_bits_write
coder kernel kernel/kallmodsyms_code.c kallmodsyms_read_bits kallmodsyms_read_letter
coder kernel kernel/kallmodsyms_internal.h kallmodsyms_code kallmodsyms_read_bits kallmodsyms_read_letter
coder kernel include/linux/kallmodsyms_format.h KALLMODSYMS_CODE_MAX_LEN
EOF

awk -v n="$n" -v from="$(test -f "$obj/guest/kallmodsyms" && echo "$obj/guest/kallmodsyms" || echo "the host decoder")" '
{ for (i = 2; i <= NF; i++) v[$1, i - 1] = $i }
function row(name, c, p, m, loc) {
	printf "%-22s %8s %8s %8s", name, c, p, m
	if (loc != "")
		printf "   %9s  %9s", v[loc, 1] "/" v[loc, 2], v[loc, 3] "/" v[loc, 4]
	printf "\n"
}
END {
	printf "kallmodsyms coding layers: %d symbols, per symbol from %s\n\n", n, from
	printf "%-22s %26s   %20s\n", "", "---------- bytes ---------", "- lines, code/all --"
	printf "%-22s %8s %8s %8s   %9s  %9s\n", "layer", "coded", "plain", "middle", "host", "kernel"
	row("run streams", v["mods", 1] + v["tags", 1], v["mods", 2] + v["tags", 2],
	    v["mods", 3] + v["tags", 3], "runs-loc")
	row("  modules", v["mods", 1], v["mods", 2], v["mods", 3])
	row("  object tags", v["tags", 1], v["tags", 2], v["tags", 3])
	row("sizes", v["sizes", 1], v["sizes", 2], v["sizes", 3], "sizes-loc")
	row("names", v["names", 1], v["names", 2], v["names", 3], "names-loc")
	row("Huffman coder", "-", "-", "-", "coder-loc")
	for (k = 1; k <= 3; k++)
		t[k] = v["mods", k] + v["tags", k] + v["sizes", k] + v["names", k]
	for (k = 1; k <= 4; k++)
		l[k] = v["runs-loc", k] + v["sizes-loc", k] + v["names-loc", k] + v["coder-loc", k]
	printf "%-22s %8d %8d %8d   %9s  %9s\n", "all", t[1], t[2], t[3], l[1] "/" l[2], l[3] "/" l[4]
	printf "\nrun streams: runs with a value (coded) / all runs (plain, middle) / values:\n"
	printf "  modules %d / %d / %d, object tags %d / %d / %d; a u16 per symbol: %d bytes a stream\n",
		v["mods", 5], v["mods", 6], v["mods", 7], v["tags", 5], v["tags", 6], v["tags", 7], v["mods", 4]
	printf "sizes: u8 letter + u32 literal (%d literals): %d bytes\n", v["sizes", 5], v["sizes", 4]
	printf "names: %d module and %d object names, %d characters; order-0 Huffman %d bits\n",
		v["names", 4], v["names", 5], v["names", 6], v["names", 7]
	printf "not in any layer (kallmodsyms_sets, _num_modules): %d bytes\n", v["other", 1]
}' "$w/bytes"
[ -z "$notes" ] || echo "$notes"
