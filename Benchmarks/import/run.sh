#!/usr/bin/env bash
# Import benchmark: tourplan import (CSV, XML) vs the sqlite3 shell's .import --csv, same run.
# Usage: Benchmarks/import/run.sh [N]   (default 1000000). Needs a release build.
set -euo pipefail
cd "$(dirname "$0")/../.."
N=${1:-1000000}
WORK=${WORK:-/tmp/tourplan-import-bench}
mkdir -p "$WORK"
swift build -c release --product tourplan >/dev/null
BIN=.build/release/tourplan
[ -f "$WORK/members-$N.csv" ] || python3 Benchmarks/import/generate_members.py "$N" "$WORK/members-$N"
ls -l "$WORK/members-$N.csv" "$WORK/members-$N.xml"
measure() {  # label, command...
    local label=$1; shift
    local out
    sync  # start each run with no dirty pages left by the previous one (it fsyncs, the peer at commit too)
    /usr/bin/time -o "$WORK/time.txt" -f "%e %M" "$@" >/dev/null 2>&1
    out=$(tail -1 "$WORK/time.txt")
    echo "$label: wall ${out% *} s, peak RSS $(( ${out#* } / 1024 )) MB"
}
for run in 1 2 3; do
    rm -f "$WORK"/sq.sqlite* "$WORK"/tp.sqlite* "$WORK"/tpx.sqlite*
    measure "run $run sqlite3 .import --csv" sqlite3 "$WORK/sq.sqlite" ".import --csv $WORK/members-$N.csv members"
    measure "run $run tourplan import CSV" $BIN import "$WORK/members-$N.csv" --db "$WORK/tp.sqlite" --no-resolve
    measure "run $run tourplan import XML" $BIN import "$WORK/members-$N.xml" --db "$WORK/tpx.sqlite" --no-resolve
done
measure "re-import CSV (all unchanged)" $BIN import "$WORK/members-$N.csv" --db "$WORK/tp.sqlite" --no-resolve
rm -f "$WORK"/tpr.sqlite*
measure "import CSV and resolve its places" $BIN import "$WORK/members-$N.csv" --db "$WORK/tpr.sqlite"
