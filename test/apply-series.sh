#!/bin/sh
# Bring the kernel tree to the generated series: git am of its patches
# onto the pristine source (tag "upstream"), as a user applies them; a
# whitespace error git would warn about (a blank line added at the end
# of a file, say) fails it.
#
# Files the new series leaves as they were keep their modification time,
# so that kbuild rebuilds only what the change touches.
#
# Usage: test/apply-series.sh <tree> <series-dir>
set -e

tree=$(cd "$1" && pwd)
series=$(cd "$2" && pwd)
state=$tree/.git/kallmodsyms
mkdir -p "$state"

patches=$(ls "$series"/[0-9][0-9][0-9][0-9]-*.patch | grep -v '/0000-')
sum=$(cat $patches | cksum)
[ "$sum" = "$(cat "$state/applied" 2>/dev/null)" ] && exit 0

cd "$tree"
# The files the applied and the new series touch, with their contents and
# modification times.
{ git diff --name-only upstream HEAD; sed -n 's|^+++ b/||p' $patches; } |
	sort -u > "$state/files"
while read -r f; do
	[ -f "$f" ] && echo "$(git hash-object "$f") $(stat -c %y "$f" | tr ' ' _) $f"
done < "$state/files" > "$state/before"

echo "  AM      $(echo "$patches" | wc -l) patches from $series"
git reset -q --hard upstream
rm -f "$state/applied"
git -c user.name="${GIT_COMMITTER_NAME:-kallmodsyms harness}" \
    -c user.email="${GIT_COMMITTER_EMAIL:-harness@invalid}" \
    am -q --whitespace=error $patches || {
	git am --abort 2>/dev/null
	echo "apply-series: git am failed; the tree is left at upstream" >&2
	exit 1
}

while read -r hash mtime f; do
	[ -f "$f" ] && [ "$(git hash-object "$f")" = "$hash" ] &&
		touch -d "$(echo "$mtime" | tr _ ' ')" "$f"
done < "$state/before"
echo "$sum" > "$state/applied"
