#!/bin/sh
# The inverse of test/mkseries.sh: read the series as commits upstream..HEAD
# of a kernel git tree (after editing it there with git rebase -i, say) and
# write it back in the repository's form: the new files at their kernel
# paths, and <series-dir>/series with a .log and a .diff per patch.
#
# Patch names are kept by position from the current series file; a patch
# beyond it is named after its subject.  So is a patch's reference to
# another version's log, while the log is still the same; and a file that
# a patch's current diff creates (see test/mkseries.sh) stays in the diff.
#
# Usage: test/import-series.sh <tree> <series-dir>
set -e

tree=$(cd "$1" && pwd)
dir=$2
top=$(pwd)

die() { echo "import-series: $*" >&2; exit 1; }

# test/mkseries.sh wrote the author for "@AUTHOR@": take it back.
author="${GIT_AUTHOR_NAME:-$(git config user.name)} <${GIT_AUTHOR_EMAIL:-$(git config user.email)}>"

old=$(awk '$1 == "patch" { print $2, (NF == 3 ? $3 : "-") }' "$dir/series" 2>/dev/null || true)
: > "$dir/created.new"
k=0
{
	echo "# The kallmodsyms series: one \"patch <name> [<log>]\" per patch, in"
	echo "# order, followed by the new files it adds (\"add <path>\").  See"
	echo "# test/mkseries.sh for how the series is made from this file, the"
	echo "# <name>.log and <name>.diff files beside it and the new files."
} > "$dir/series.new"
rm -f "$dir"/*.diff.new
for c in $(git -C "$tree" rev-list --reverse upstream..HEAD); do
	k=$((k + 1))
	name=$(echo "$old" | sed -n "${k}p" | cut -d' ' -f1)
	ref=$(echo "$old" | sed -n "${k}p" | cut -d' ' -f2)
	[ -n "$name" ] || name=$(git -C "$tree" log -1 --format=%f "$c")
	other=$(git -C "$tree" diff-tree -r --no-commit-id --name-only \
		--diff-filter=DRCT "$c")
	[ -z "$other" ] || die "$c deletes, renames or retypes $other"
	created=$(awk '/^diff --git a\// { p = $3; sub(/^a\//, "", p) }
		/^new file mode / { print p }' "$dir/$name.diff" 2>/dev/null || true)
	echo "$created" | sed '/^$/d' >> "$dir/created.new"
	git -C "$tree" log -1 --format=%B "$c" |
		sed '/^Signed-off-by: /d' | awk '{ l[NR] = $0 }
		END { n = NR; while (n && l[n] == "") n--; for (i = 1; i <= n; i++) print l[i] }' \
		> "$dir/$name.log.new"
	if [ "$ref" != - ] && cmp -s "$dir/$name.log.new" "$dir/$ref"; then
		rm -f "$dir/$name.log.new" "$dir/$name.log"
		printf '\npatch %s %s\n' "$name" "$ref" >> "$dir/series.new"
	else
		mv "$dir/$name.log.new" "$dir/$name.log"
		printf '\npatch %s\n' "$name" >> "$dir/series.new"
	fi
	git -C "$tree" diff-tree -r --no-commit-id --name-only --diff-filter=A "$c" |
		grep -vxF "$created" | sed 's/^/add /' >> "$dir/series.new"
	edited=$(git -C "$tree" diff-tree -r --no-commit-id --name-only --diff-filter=M "$c")
	[ -z "$edited$created" ] ||
	git -C "$tree" diff-tree -p --no-commit-id --no-color "$c" -- $edited $created |
		awk -v a="$author" '{
			while (a != "" && (i = index($0, a)))
				$0 = substr($0, 1, i - 1) "@AUTHOR@" substr($0, i + length(a))
			print
		}' > "$dir/$name.diff.new"
	if [ -s "$dir/$name.diff.new" ]; then
		mv "$dir/$name.diff.new" "$dir/$name.diff"
	else
		rm -f "$dir/$name.diff.new" "$dir/$name.diff"
	fi
done
mv "$dir/series.new" "$dir/series"

# The new files, as the last patch leaves them.
git -C "$tree" diff --name-only --diff-filter=A upstream HEAD |
	grep -vxF -f "$dir/created.new" | while read -r f; do
	mkdir -p "$top/$(dirname "$f")"
	git -C "$tree" show "HEAD:$f" > "$top/$f"
done
rm -f "$dir/created.new"
echo "  IMPORT  $k patches into $dir"
