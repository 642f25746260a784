#!/bin/sh
# Fail when kconfig dropped or changed an option a fragment asked for.
#
# Usage: test/check-config.sh <.config> <fragment>...
config=$1
shift
bad=0
for frag in "$@"; do
	n=0
	while IFS= read -r line; do
		n=$((n + 1))
		case "$line" in
		CONFIG_*=*)
			want=$line ;;
		"# CONFIG_"*" is not set")
			want=$line ;;
		*)
			continue ;;
		esac
		sym=$(echo "$want" | sed -e 's/^# //' -e 's/[= ].*//')
		have=$(grep -E "^(# )?$sym[= ]" "$config" || true)
		[ -z "$have" ] && case "$want" in "#"*) continue ;; esac
		if [ "$have" != "$want" ]; then
			echo "$frag:$n: asked for '$want', got '${have:-unset}'" >&2
			bad=1
		fi
	done < "$frag"
done
exit $bad
