#!/bin/sh
# The tree the harness builds is the series applied with git am: check
# that it holds exactly the repository's new files, byte for byte, besides
# the files the series' diffs create (see test/mkseries.sh), and that
# their kernel-doc is clean.
#
# Usage: test/check-tree.sh <tree> <series-dir>
tree=$1
dir=$2
status=0

git ls-files -- kernel scripts include init lib Documentation tools arch |
	sort > "$tree/.git/kallmodsyms/repo-files"
{ cat "$tree/.git/kallmodsyms/repo-files"
  awk '/^diff --git a\// { p = $3; sub(/^a\//, "", p) }
	/^new file mode / { print p }' /dev/null "$dir"/*.diff; } |
	sort > "$tree/.git/kallmodsyms/expected-files"
git -C "$tree" diff --name-only --diff-filter=A upstream HEAD |
	sort > "$tree/.git/kallmodsyms/added-files"
if cmp -s "$tree/.git/kallmodsyms/expected-files" "$tree/.git/kallmodsyms/added-files"; then
	echo "PASS: the series adds exactly the repository's new files"
else
	diff "$tree/.git/kallmodsyms/expected-files" "$tree/.git/kallmodsyms/added-files"
	echo "FAIL: the series adds exactly the repository's new files"
	status=1
fi
differ=
for f in $(cat "$tree/.git/kallmodsyms/repo-files"); do
	cmp -s "$f" "$tree/$f" || differ="$differ $f"
done
if [ -z "$differ" ]; then
	echo "PASS: the tree's new files are byte-identical to the repository's"
else
	echo "differ:$differ"
	echo "FAIL: the tree's new files are byte-identical to the repository's"
	status=1
fi

# The tree's kernel-doc, with all its warnings: -Wall, or before there was
# -Wall (6.1) -v, less the lines it says what it scans on.
docs=$(cd "$tree" && grep -l '^/\*\*' include/linux/kallmodsyms*.h kernel/kallmodsyms*.c)
wall=-Wall
grep -q -- '-Wall' "$tree/scripts/kernel-doc" || wall=-v
out=$(cd "$tree" && scripts/kernel-doc $wall -none $docs 2>&1 | grep -v ': info: Scanning doc for ')
if [ -n "$docs" ] && [ -z "$out" ]; then
	echo "PASS: kernel-doc $wall clean:" $docs
else
	echo "$out"
	echo "FAIL: kernel-doc $wall clean:" $docs
	status=1
fi
exit $status
