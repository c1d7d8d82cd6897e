#!/usr/bin/env bash
# How late does a due deadline step fire? Starts the standalone app (embedded PostgreSQL, fresh
# data) once per poll interval, makes N issues' BLUE step due at the same instant T0, and
# measures, for each issue, record time of its IssueEscalated event minus T0.
# Side by side: poll interval 1 s and the default 5 s. Report: bench/DEADLINES.md.
#   bash bench/deadline-delay.sh [issues]
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-20}
PSQL=${PSQL:-psql}
command -v "$PSQL" >/dev/null || { echo "needs psql (apt-get install postgresql-client)"; exit 1; }
./duban mvn -B -q -DskipTests install -pl standalone -am
work=$(mktemp -d)
report=bench/DEADLINES.md
{
  echo "# Deadline firing delay"
  echo
  echo "Command: \`bash bench/deadline-delay.sh $N\` — $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB,"
  echo "$(./duban java -version 2>&1 | head -1), embedded PostgreSQL 17, standalone app, $N issues whose BLUE step falls due at the same instant."
  echo
  echo "Delay = record time of the IssueEscalated event − the instant the step fell due."
  echo
  echo "| poll interval | steps fired | min ms | median ms | p90 ms | max ms |"
  echo "|---|---|---|---|---|---|"
} > "$work/report"
for interval in 1s 5s; do
  port=$((18500 + RANDOM % 400)); pgport=$((25500 + RANDOM % 400))
  ./duban java -jar standalone/target/duban-standalone.jar --server.port=$port \
    --duban.embedded-postgres.data-dir="$work/pg-$interval" --duban.embedded-postgres.port=$pgport \
    --duban.demo.seed-data=false --duban.deadlines.poll-interval=$interval > "$work/app-$interval.log" 2>&1 &
  app=$!
  for _ in $(seq 1 120); do curl -sf "localhost:$port/actuator/health" >/dev/null && break; sleep 1; done
  ids=()
  for i in $(seq 1 "$N"); do
    id=$(curl -sf -u inspector:inspector -H 'Content-Type: application/json' "localhost:$port/api/issues" \
      -d "{\"title\":\"延迟测量 $i\",\"description\":\"d\",\"source\":\"HOTLINE\",\"category\":\"OTHER\"}" | sed 's/.*"id":"\([^"]*\)".*/\1/')
    curl -sf -o /dev/null -u inspector:inspector -H 'Content-Type: application/json' "localhost:$port/api/issues/$id/assignment" -d '{"department":"PHARMACY"}'
    ids+=("$id")
  done
  db="$PSQL -h localhost -p $pgport -U postgres -d duban -tAq"
  for _ in $(seq 1 60); do [ "$($db -c "select count(*) from issue_clock where version >= 1")" -ge "$N" ] && break; sleep 0.5; done
  t0=$($db -c "update issue_deadline set fires_at = clock_timestamp() where kind = 'OVERDUE' returning fires_at" | head -1)
  for _ in $(seq 1 60); do [ "$($db -c "select count(*) from domain_event_entry where payload_type like '%IssueEscalated'")" -ge "$N" ] && break; sleep 0.5; done
  row=$($db -F ' | ' -c "with d as (select extract(epoch from (time_stamp::timestamptz - '$t0'::timestamptz)) * 1000 as ms
        from domain_event_entry where payload_type like '%IssueEscalated')
        select count(*), round(min(ms)), round(percentile_cont(0.5) within group (order by ms)),
               round(percentile_cont(0.9) within group (order by ms)), round(max(ms)) from d")
  echo "| $interval | $row |" >> "$work/report"
  kill "$app"; wait "$app" 2>/dev/null || true
done
{
  echo
  echo "The poller wakes every interval (fixed delay after the previous run finishes), so a step waits"
  echo "for up to one interval; firing itself (claim, command, event, delete in one transaction) is"
  echo "the small remainder. Steps are due at midnight in practice, so the 5 s default costs nothing."
} >> "$work/report"
cp "$work/report" "$report"
cat "$report"
rm -rf "$work"
