#!/bin/sh
# Generate the git format-patch series from the repository: the new files
# at their kernel paths, and <series-dir>/series, which declares the split:
#
#   patch <name> [<log>]
#                    a patch: its commit log is <series-dir>/<name>.log, or
#                    <log> (relative to <series-dir>: another kernel
#                    version's log, where they are the same), as subject,
#                    blank line, body; its edits to files that exist before
#                    it are <series-dir>/<name>.diff (optional)
#   add <path>       a new file the patch adds whole
#
# A new file is added by one patch.  What that patch adds is the file as
# the repository holds it, less the edits later patches' diffs make to it;
# upstream files are the pristine ones plus the diffs so far, and a file a
# diff creates ("new file mode": a file of a later kernel that this one
# lacks) is not a new file of the repository; "@AUTHOR@" in a diff stands
# for the author.  The cover letter is
# <series-dir>/cover.log (its first paragraph the subject).
# Author, date and Signed-off-by: git's user.name and user.email, and the
# date of the repository's last commit.
#
# Usage: test/mkseries.sh <tree> <series-dir> <outdir>
#   <tree> is a git repository whose tag "upstream" is the pristine source.
set -e

tree=$(cd "$1" && pwd)
dir=$(cd "$2" && pwd)
out=$3
top=$(pwd)

die() { echo "mkseries: $*" >&2; exit 1; }

# A commit log must not keep a placeholder for a figure (@AUTHOR@ is in diffs).
filled() {
	left=$(grep -n -o "@[A-Z][A-Z0-9_]*@" "$1" | head -n 1)
	[ -z "$left" ] || die "$1:${left%%:*}: ${left#*:} was never filled in"
}

name=${GIT_AUTHOR_NAME:-$(git config user.name || true)}
email=${GIT_AUTHOR_EMAIL:-$(git config user.email || true)}
[ -n "$name" ] && [ -n "$email" ] ||
	die "set git config user.name and user.email: the series is yours to sign off"
date=$(git log -1 --format=%aI)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The split: "<k> <name> <log>" per patch and "<k> <path>" per added file.
awk -v f="$dir/series" '
	/^[ \t]*(#|$)/ { next }
	$1 == "patch" && (NF == 2 || NF == 3) {
		print ++k, $2, (NF == 3 ? $3 : $2 ".log") > "/dev/stderr"; next
	}
	$1 == "add" && NF == 2 && k { print k, $2; next }
	{ printf "%s:%d: expected \"patch <name> [<log>]\" or \"add <path>\"\n", f, NR > "/dev/stderr"; exit 1 }
' "$dir/series" > "$work/adds" 2> "$work/patches" || { cat "$work/patches" >&2; exit 1; }
grep -q ':[0-9]*: expected' "$work/patches" && { cat "$work/patches" >&2; exit 1; }
n=$(wc -l < "$work/patches")

# Every new file of the repository is added by exactly one patch.
git ls-files -- kernel scripts include init lib Documentation tools arch |
	sort > "$work/files"
cut -d' ' -f2 "$work/adds" | sort > "$work/added"
dup=$(uniq -d "$work/added")
[ -z "$dup" ] || die "added by more than one patch: $dup"
missing=$(comm -23 "$work/files" "$work/added")
[ -z "$missing" ] || die "in the repository but in no patch: $missing"
extra=$(comm -13 "$work/files" "$work/added")
[ -z "$extra" ] || die "added by a patch but not in the repository: $extra"

# Split each diff into one piece per file: pieces/<k>/<i>, listed in
# pieces/<k>.list as "<i> <path>"; the paths of files a piece creates go
# to "created".
: > "$work/created"
filled "$dir/cover.log"
while read -r k p log; do
	[ -f "$dir/$log" ] || die "$dir/$log: missing"
	filled "$dir/$log"
	mkdir -p "$work/pieces/$k"
	[ -f "$dir/$p.diff" ] || { : > "$work/pieces/$k.list"; continue; }
	awk -v d="$work/pieces/$k" -v f="$dir/$p.diff" -v c="$work/created" '
		/^diff --git a\// {
			path = $3; sub(/^a\//, "", path)
			out = d "/" ++i; print i, path
		}
		/^new file mode / && out { print path >> c }
		!out { printf "%s:%d: not a git diff\n", f, NR > "/dev/stderr"; exit 1 }
		{ print > out }
	' "$dir/$p.diff" > "$work/pieces/$k.list"
done < "$work/patches"
created=$(sort -u "$work/created" | comm -12 - "$work/added")
[ -z "$created" ] || die "created by a diff but a new file of the repository: $created"

# "@AUTHOR@" in a diff (the MAINTAINERS entry) stands for the author.
for f in "$work"/pieces/*/*; do
	[ -f "$f" ] || continue
	awk -v a="$name <$email>" '{
		while ((i = index($0, "@AUTHOR@")))
			$0 = substr($0, 1, i - 1) a substr($0, i + 8)
		print
	}' "$f" > "$f.tmp" && mv "$f.tmp" "$f"
done

# added_at <path>: the patch that adds it, or nothing for upstream files.
added_at() {
	awk -v p="$1" '$2 == p { print $1 }' "$work/adds"
}

# New files, backwards from the repository's: state/<k> holds those that
# exist after patch k, as they are there.
mkdir -p "$work/new"
(cd "$top" && cp --parents $(cut -d' ' -f2 "$work/adds") "$work/new/")
k=$n
while [ "$k" -gt 0 ]; do
	mkdir -p "$work/state/$k"
	awk -v k="$k" '$1 <= k { print $2 }' "$work/adds" |
		(cd "$work/new" && xargs -r cp --parents -t "$work/state/$k")
	while read -r i path; do
		at=$(added_at "$path")
		[ -z "$at" ] && continue
		[ "$at" -lt "$k" ] ||
			die "$(sed -n "${k}p" "$work/patches" | cut -d' ' -f2).diff edits $path, which a later or the same patch adds"
		(cd "$work/new" && git apply -R "$work/pieces/$k/$i") ||
			die "$(sed -n "${k}p" "$work/patches" | cut -d' ' -f2).diff: its edit of $path does not match the repository's $path"
	done < "$work/pieces/$k.list"
	k=$((k - 1))
done

# Upstream files, forwards from the pristine ones (none yet for a file a
# diff creates).
mkdir -p "$work/up"
cat "$work"/pieces/*.list | cut -d' ' -f2 | sort -u | while read -r path; do
	[ -n "$(added_at "$path")" ] && continue
	mkdir -p "$work/up/$(dirname "$path")"
	grep -qxF "$path" "$work/created" && continue
	git -C "$tree" show "upstream:$path" > "$work/up/$path" 2>/dev/null ||
		die "a diff edits $path, which is neither upstream nor added"
	if git -C "$tree" ls-tree upstream -- "$path" | grep -q '^100755'; then
		chmod +x "$work/up/$path"
	fi
done
cp -r "$work/up" "$work/base"
while read -r k p log; do
	while read -r i path; do
		[ -n "$(added_at "$path")" ] && continue
		(cd "$work/up" && git apply "$work/pieces/$k/$i") ||
			die "$p.diff: its edit of $path does not apply"
	done < "$work/pieces/$k.list"
	cp -r "$work/up/." "$work/state/$k/"
done < "$work/patches"

# Commit each state and format the series.
repo=$work/repo
git init -q -b series "$repo"
cp -r "$work/base/." "$repo/"
git -C "$repo" add -A
GIT_AUTHOR_DATE=$date GIT_COMMITTER_DATE=$date \
	git -C "$repo" -c user.name=upstream -c user.email=upstream@invalid \
	commit -q -m upstream
while read -r k p log; do
	(cd "$repo" && git ls-files -z | xargs -0 rm -f)
	cp -r "$work/state/$k/." "$repo/"
	git -C "$repo" add -A
	GIT_AUTHOR_NAME=$name GIT_AUTHOR_EMAIL=$email GIT_AUTHOR_DATE=$date \
	GIT_COMMITTER_NAME=$name GIT_COMMITTER_EMAIL=$email \
	GIT_COMMITTER_DATE=$date \
		git -C "$repo" commit -q -s -F "$dir/$log"
done < "$work/patches"

git -C "$repo" config branch.series.description "$(cat "$dir/cover.log")"
rm -rf "$out"
mkdir -p "$out"
git -C "$repo" -c user.name="$name" -c user.email="$email" format-patch -q \
	--cover-letter --cover-from-description=subject --no-signature \
	-o "$(cd "$out" && pwd)" HEAD~"$n"
echo "  SERIES  $out: $(ls "$out" | wc -l) files"
