#!/usr/bin/env bash
# Web benchmark (issue 15): `tourplan serve` (release) on 100,000 members, 20 events and 50
# volunteers; hey at 200 GET /calls per s (open loop, -q), then wrk paced at ~50 outcome POSTs per s; latency
# percentiles; then both at once (every write drops the kept call list); server peak RSS, and a
# count of the stored outcomes against the 200 answers.
# Usage: Benchmarks/web/run.sh [SECONDS]   (default 30). wrk shares the machine's cores.
set -euo pipefail
cd "$(dirname "$0")/../.."
SECONDS_EACH=${1:-30}
WORK=${WORK:-/tmp/tourplan-web-bench}
swift build -c release --product tourplan >/dev/null
BIN=.build/release/tourplan
Benchmarks/web/make-store.sh "$BIN" "$WORK"
DB="$WORK/tourplan.sqlite"
PORT=${PORT:-18080}
"$BIN" serve --db "$DB" --port "$PORT" >"$WORK/serve.out" 2>"$WORK/serve.log" &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
until curl -fsS "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1; do sleep 0.2; done
URL="http://127.0.0.1:$PORT"
# Sign in with curl (double-submit CSRF cookie); prints the session cookie.
sign_in() {
    local jar="$WORK/cookies-$1.txt" token
    rm -f "$jar"
    token=$(curl -fsS -c "$jar" "$URL/login" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1)
    curl -fsS -b "$jar" -c "$jar" -o /dev/null --data-urlencode "_csrf=$token" \
        --data-urlencode "username=$1" --data-urlencode "password=bench password 2014" "$URL/login"
    awk '$6 == "tp_session" { print $7 }' "$jar"
}
SESSION=$(sign_in bench)
ORGANIZER=$(sign_in bench-organizer)
[ -n "$SESSION" ] && [ -n "$ORGANIZER" ] || { echo "sign-in failed" >&2; exit 1; }
# The volunteer's busiest day (UTC date of the window start) and the organizer session's CSRF token.
DATE=$(sqlite3 "$DB" "SELECT date(windowStart) FROM tasks WHERE volunteer = 'Volunteer 01' AND status = 'pending'
  GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1")
CSRF=$(curl -fsS -b "tp_session=$ORGANIZER" "$URL/calls?volunteer=Volunteer%2001&date=$DATE" |
    sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1)
ITEMS=$(curl -fsS -b "tp_session=$SESSION" -H "Accept: application/json" "$URL/calls?date=$DATE" | grep -c '"taskId"' || true)
# Open calls of every volunteer as URL-safe path ids (base64url of the task id, no padding).
sqlite3 "$DB" "SELECT eventId || '/' || memberId || '/' || kind FROM tasks WHERE status = 'pending'
  AND kind != 'reminderText' ORDER BY windowStart, memberId" |
    while read -r id; do printf %s "$id" | base64 -w0 | tr '+/' '-_' | tr -d '='; echo; done >"$WORK/tasks.txt"
echo "day $DATE: Volunteer 01's list has $ITEMS calls; open calls for the POST run: $(wc -l <"$WORK/tasks.txt")"
BEFORE=$(sqlite3 "$DB" "SELECT count(*) FROM outcomes WHERE note = 'bench'")

# hey -q is a rate per worker: 20 workers x 10/s = 200 requests/s offered, whatever the answers.
echo "== GET /calls (Volunteer 01, $DATE), hey: 20 workers x 10/s (200/s offered), ${SECONDS_EACH}s"
hey -z "${SECONDS_EACH}s" -c 20 -q 10 -H "Cookie: tp_session=$SESSION" "$URL/calls?date=$DATE" | tee "$WORK/calls.txt"

echo "== POST /calls/TASK/outcome, wrk: 5 connections x 1 request / 100 ms (~50/s offered), ${SECONDS_EACH}s"
SESSION=$ORGANIZER CSRF=$CSRF TASKS="$WORK/tasks.txt" DELAY_MS=100 THREADS=1 wrk -t1 -c5 -d"${SECONDS_EACH}s" \
    --latency -s Benchmarks/web/outcome.lua "$URL" | tee "$WORK/outcome.txt"

# Both at once: every outcome commit changes the store's version, so the kept call list is
# dropped and the next page view reads and builds it again (the worst case for the cache).
echo "== both at once: GET /calls at 200/s offered while ~50 outcome POSTs/s are logged, ${SECONDS_EACH}s"
tail -n +4001 "$WORK/tasks.txt" >"$WORK/tasks-mixed.txt"
SESSION=$ORGANIZER CSRF=$CSRF TASKS="$WORK/tasks-mixed.txt" DELAY_MS=100 THREADS=1 wrk -t1 -c5 -d"${SECONDS_EACH}s" \
    --latency -s Benchmarks/web/outcome.lua "$URL" >"$WORK/mixed-outcome.txt" &
WRK=$!
hey -z "${SECONDS_EACH}s" -c 20 -q 10 -H "Cookie: tp_session=$SESSION" "$URL/calls?date=$DATE" | tee "$WORK/mixed-calls.txt"
wait $WRK
cat "$WORK/mixed-outcome.txt"

grep VmHWM "/proc/$SERVER/status" | sed 's/^/server peak RSS /'
AFTER=$(sqlite3 "$DB" "SELECT count(*) FROM outcomes WHERE note = 'bench'")
OK=$(sed -n 's/^status 200: //p' "$WORK/outcome.txt" "$WORK/mixed-outcome.txt" | awk '{ n += $1 } END { print n + 0 }')
echo "outcome POSTs answered 200 (both runs): ${OK:-0}; outcomes stored: $((AFTER - BEFORE))"
