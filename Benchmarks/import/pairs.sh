#!/usr/bin/env bash
# Paired import benchmark (issue 14): sqlite3's `.import --csv` and `tourplan import` alternate on the
# same file in the same run, so both see the same machine load; prints every pair and the median and
# spread of the ratio, for the default path (place resolution included) and for --no-resolve.
# Usage: Benchmarks/import/pairs.sh FILE.csv [PAIRS] [BINARY]   (default 5 pairs, .build/release/tourplan)
set -euo pipefail
FILE=$1
PAIRS=${2:-5}
BIN=${3:-.build/release/tourplan}
WORK=${WORK:-/tmp/tourplan-import-pairs}
mkdir -p "$WORK"
run() {  # prints "wall peakKB cpu" of one command (cpu = user + sys seconds)
    sync
    /usr/bin/time -o "$WORK/time.txt" -f "%e %M %U %S" "$@" >/dev/null 2>&1
    tail -1 "$WORK/time.txt" | awk '{ printf "%s %s %.2f", $1, $2, $3 + $4 }'
}
for mode in ${MODES:-resolve no-resolve}; do
    ratios=()
    for pair in $(seq "$PAIRS"); do
        rm -f "$WORK"/sq.sqlite* "$WORK"/tp.sqlite*
        peer=$(run sqlite3 "$WORK/sq.sqlite" ".import --csv $FILE members")
        flag=(); [ "$mode" = no-resolve ] && flag=(--no-resolve)
        ours=$(run "$BIN" import "$FILE" --db "$WORK/tp.sqlite" "${flag[@]}")
        read -r pw pm pc <<<"$peer"
        read -r ow om oc <<<"$ours"
        ratio=$(awk -v a="$ow" -v b="$pw" 'BEGIN { printf "%.2f", a / b }')
        ratios+=("$ratio")
        echo "$mode pair $pair: sqlite3 $pw s (cpu $pc s), tourplan $ow s (cpu $oc s, $(( om / 1024 )) MB): ${ratio}x"
    done
    printf '%s\n' "${ratios[@]}" | sort -n | awk -v mode="$mode" '
        { r[NR] = $1 } END { m = (NR % 2) ? r[(NR + 1) / 2] : (r[NR / 2] + r[NR / 2 + 1]) / 2
        printf "%s: median %.2fx, spread %.2f-%.2fx over %d pairs\n", mode, m, r[1], r[NR], NR }'
done
