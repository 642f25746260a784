#!/bin/sh
# The tree the harness builds is the series applied with git am: check
# that it holds exactly the repository's new files, byte for byte, and
# that their kernel-doc is clean.
#
# Usage: test/check-tree.sh <tree>
tree=$1
status=0

git ls-files -- kernel scripts include init lib Documentation tools arch |
	sort > "$tree/.git/kallmodsyms/repo-files"
git -C "$tree" diff --name-only --diff-filter=A upstream HEAD |
	sort > "$tree/.git/kallmodsyms/added-files"
if cmp -s "$tree/.git/kallmodsyms/repo-files" "$tree/.git/kallmodsyms/added-files"; then
	echo "PASS: the series adds exactly the repository's new files"
else
	diff "$tree/.git/kallmodsyms/repo-files" "$tree/.git/kallmodsyms/added-files"
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

docs=$(cd "$tree" && grep -l '^/\*\*' include/linux/kallmodsyms*.h kernel/kallmodsyms*.c)
out=$(cd "$tree" && scripts/kernel-doc -Wall -none $docs 2>&1)
if [ -n "$docs" ] && [ -z "$out" ]; then
	echo "PASS: kernel-doc -Wall clean:" $docs
else
	echo "$out"
	echo "FAIL: kernel-doc -Wall clean:" $docs
	status=1
fi
exit $status
