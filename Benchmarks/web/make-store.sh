#!/usr/bin/env bash
# Builds the web benchmark's store: 100,000 members, 20 events, 50 volunteers, the reminder
# schedule, a volunteer account `bench` (calls as "Volunteer 01") and an organizer `bench-organizer`.
# Usage: Benchmarks/web/make-store.sh BIN WORK   (BIN: a release tourplan; WORK: a scratch folder)
set -euo pipefail
BIN=$1
WORK=$2
cd "$(dirname "$0")/../.."
mkdir -p "$WORK"
DB="$WORK/tourplan.sqlite"
rm -f "$DB" "$DB-wal" "$DB-shm"
# Real city names from the gazetteer, so that the events' metros hold many members to call.
[ -f "$WORK/members-100000.csv" ] ||
    python3 Benchmarks/import/generate_members.py 100000 "$WORK/members-100000" --gazetteer Cities/gazetteer.tsv
"$BIN" import "$WORK/members-100000.csv" --db "$DB" >/dev/null 2>&1
# 20 events: the ten best-ranked metros, twice each (Saturdays in June and July 2014).
mapfile -t metros < <("$BIN" rank --db "$DB" --format csv --limit 10 | tail -n +2 | cut -d, -f2)
i=0
for metro in "${metros[@]}"; do
    for date in 2014-06-21 2014-07-19; do
        "$BIN" events add --db "$DB" --place "$metro" --date "$date" --start 10:00 --venue "Hall $i" >/dev/null 2>&1
        i=$((i + 1))
    done
done
{
    echo "name,phone,time_zone,languages,max_calls_per_day"
    for n in $(seq -w 1 50); do echo "Volunteer $n,+1 212 555 01$n,America/New_York,English,40"; done
} >"$WORK/volunteers.csv"
"$BIN" remind schedule --db "$DB" --volunteers "$WORK/volunteers.csv" --now 2014-06-01T09:00:00-04:00 >/dev/null
echo "bench password 2014" | "$BIN" users add bench --role volunteer --volunteer "Volunteer 01" --password-stdin --db "$DB" >/dev/null
# The outcome run logs one outcome on each of 1,500+ different calls: an organizer may log any.
echo "bench password 2014" | "$BIN" users add bench-organizer --role organizer --password-stdin --db "$DB" >/dev/null
"$BIN" events list --db "$DB" | tail -n +3 | wc -l | xargs echo "events:"
sqlite3 "$DB" "SELECT 'members: ' || count(*) FROM members; SELECT 'tasks: ' || count(*) FROM tasks;
  SELECT 'Volunteer 01 open calls: ' || count(*) FROM tasks WHERE volunteer = 'Volunteer 01' AND status = 'pending' AND kind != 'reminderText';"
