#!/bin/sh
# Bisectability: build the test kernel at every patch of the series, then
# the whole series with CONFIG_KALLMODSYMS=n and with CONFIG_KALLSYMS=n.
# The commits are those test/apply-series.sh made in the tree; a second
# checkout of it (a git worktree) moves from one to the next, so that each
# build after the first is incremental.  The worktree and its objdir are
# siblings, as the tree and the test objdirs are, so that the compiler
# cache, which sees paths relative to the objdir, serves them too.
# Prints PASS:/FAIL: per build and "N passed, N failed".
#
# Usage: test/check-series.sh <tree> <builddir> <fragment>...
tree=$(cd "$1" && pwd)
build=$2
shift 2
mkdir -p "$build"
build=$(cd "$build" && pwd)
wt=$build/bisect/$(basename "$tree")
obj=$build/bisect/obj${tree##*/linux}
mkdir -p "$build/bisect"
passed=0
failed=0

[ -d "$wt" ] || git -C "$tree" worktree add -q --detach "$wt" upstream || exit 1

# build <label> <commit> <fragment>...: one build, its log kept.
build() {
	label=$1 commit=$2
	shift 2
	log=$build/log.series-${tree##*/linux-}-$(echo "$label" | tr ' /=' '___')
	git -C "$wt" checkout -q --detach "$commit" &&
	CHECK_CONFIG=no test/build-kernel.sh "$wt" "$obj" "$@" > "$log" 2>&1
	if [ $? = 0 ]; then
		echo "PASS: series: builds $label"
		passed=$((passed + 1))
	else
		echo "FAIL: series: builds $label (log: $log)"
		tail -n 20 "$log" | sed 's/^/    | /'
		failed=$((failed + 1))
	fi
}

k=0
for c in $(git -C "$tree" rev-list --reverse upstream..HEAD); do
	k=$((k + 1))
	build "at patch $k ($(git -C "$tree" log -1 --format=%s "$c"))" "$c" "$@"
done
build "with CONFIG_KALLMODSYMS=n" HEAD "$@" test/config/kallmodsyms-n.config
build "with CONFIG_KALLSYMS=n" HEAD "$@" test/config/kallsyms-n.config

echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
