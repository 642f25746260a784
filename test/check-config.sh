#!/bin/sh
# Fail when kconfig dropped or changed an option a fragment asked for.
# Where several fragments set one option, the last one counts, as in
# merge_config.sh.
#
# Usage: test/check-config.sh <.config> <fragment>...
config=$1
shift
awk -v config="$config" '
	FNR == 1 && FILENAME != config { frag = FILENAME }
	FILENAME != config {
		if ($0 ~ /^CONFIG_[A-Za-z0-9_]+=/) {
			sym = $0; sub(/=.*/, "", sym)
		} else if ($0 ~ /^# CONFIG_[A-Za-z0-9_]+ is not set$/) {
			sym = $2
		} else {
			next
		}
		want[sym] = $0; where[sym] = frag ":" FNR
		if (!(sym in seen)) { seen[sym] = 1; order[n++] = sym }
		next
	}
	/^CONFIG_/ { s = $0; sub(/=.*/, "", s); have[s] = $0 }
	/^# CONFIG_.* is not set$/ { have[$2] = $0 }
	END {
		bad = 0
		for (i = 0; i < n; i++) {
			s = order[i]
			h = (s in have) ? have[s] : "unset"
			if (want[s] ~ /^#/ && h == "unset")
				continue
			if (h != want[s]) {
				printf "%s: asked for \047%s\047, got \047%s\047\n", where[s], want[s], h > "/dev/stderr"
				bad = 1
			}
		}
		exit bad
	}' "$@" "$config"
