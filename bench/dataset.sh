#!/usr/bin/env bash
# Read models at size: fills a fresh database on the external PostgreSQL with N generated issues
# (about 10 events each; default 100,000 issues ≈ 1,000,000 events), starts the app (profile
# postgres) on it and measures, side by side in one run:
#   - generation (rows/s written through plain JDBC batches: the database's write floor),
#   - projection catch-up from scratch (every processor, events/s) and the integrity chain's,
#   - query latency of the dashboards, rankings, lists and point-in-time views (median/max of 10),
#     beside the baseline of the database itself scanning every event once.
# Report: bench/DATASET.md.    bash bench/dataset.sh [issues]
#   KEEP=1   keep the filled database (its name is printed) instead of dropping it at the end
#   NO_VACUUM=1  measure without the vacuum the script otherwise runs where autovacuum is off
#   DB=name  measure again on a database kept earlier: no generation; the catch-up figures are the
#            ones that run recorded (table bench_run), and a processor still behind catches up first
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-100000}
PGHOST=${PGHOST:-127.0.0.1}; PGPORT=${PGPORT:-5432}; PGUSER=${PGUSER:-postgres}
export PGHOST PGPORT PGUSER
command -v psql >/dev/null || { echo "needs psql and a PostgreSQL server (PGHOST/PGPORT/PGUSER)"; exit 1; }
pg_isready -q || { echo "no PostgreSQL at $PGHOST:$PGPORT"; exit 1; }
[ -n "${SKIP_BUILD:-}" ] || ./duban mvn -B -q -DskipTests package -pl standalone,benchmark -am
reuse=""
if [ -n "${DB:-}" ]; then db=$DB; reuse=1; else db="duban_bench_$(date +%s)"; psql -qc "create database $db"; fi
work=$(mktemp -d)
# Run copies, so a rebuild during a long catch-up cannot pull the jar from under the app.
cp standalone/target/duban-standalone.jar benchmark/target/benchmark.jar "$work/"
port=$((18900 + RANDOM % 400))
url="jdbc:postgresql://$PGHOST:$PGPORT/$db?user=$PGUSER"
start_app() {
  SPRING_PROFILES_ACTIVE=postgres SPRING_DATASOURCE_URL="jdbc:postgresql://$PGHOST:$PGPORT/$db" \
  SPRING_DATASOURCE_USERNAME=$PGUSER DUBAN_DEMO_ENABLED=true \
    ./duban java -Xmx2g -jar "$work/duban-standalone.jar" --server.port=$port --duban.demo.seed-data=false \
    > "$work/app-$1.log" 2>&1 &
  app=$!
  for _ in $(seq 1 180); do curl -sf "localhost:$port/actuator/health" >/dev/null && return; sleep 1; done
  echo "app did not start; see $work/app-$1.log"; exit 1
}
q() { psql -d "$db" -tAqc "$1"; }
if [ -z "$reuse" ]; then
  start_app schema; kill $app; wait $app 2>/dev/null || true
  gen=$(./duban java -Xmx6g -jar "$work/benchmark.jar" "$url" "$N" | tail -1)
  q "create table bench_run (key text primary key, value text)"
  q "insert into bench_run values ('generator', \$\$$gen\$\$), ('issues', '$N'), ('head', (select max(global_index)::text from domain_event_entry))"
fi
gen=$(q "select value from bench_run where key = 'generator'")
N=$(q "select value from bench_run where key = 'issues'")
events=$(q "select count(*) from domain_event_entry")
# the generated head: events the app appends itself (recurrence flags) come after it
head=$(q "select value from bench_run where key = 'head'")

t0=$(date +%s.%N)
start_app catchup
# Every processor's every segment at the head (pooled streaming tokens: GapAware, possibly wrapped).
caught_up() {
  q "select count(*) from token_entry where coalesce((convert_from(token,'UTF8')::jsonb->>'index')::bigint,
       (convert_from(token,'UTF8')::jsonb->'tokenAtReset'->>'index')::bigint, -1) < $head" 2>/dev/null || echo 999
}
polls=0
while [ "$(caught_up)" != "0" ]; do
  sleep 2; polls=$((polls + 1))
  [ $((polls % 30)) = 0 ] && echo "$(date -u +%T) slowest processor at $(q "select min(coalesce((convert_from(token,'UTF8')::jsonb->>'index')::bigint, -1)) from token_entry") of $head; load $(cut -d' ' -f1 /proc/loadavg)" >&2
done
t1=$(date +%s.%N)
processors=$(q "select string_agg(distinct processor_name, ', ' order by processor_name) from token_entry")
while [ "$(q "select coalesce(max(global_index),0) from event_chain" 2>/dev/null || echo 0)" -lt "$head" ]; do sleep 2; done
t2=$(date +%s.%N)

# A production server vacuums and analyzes as it goes. This one may run with autovacuum off (the
# machine's PostgreSQL here does): then the read models carry every dead row version of the
# catch-up and the planner has no statistics, so do once what autovacuum would have done.
autovacuum=$(q "show autovacuum")
vacuum_note="autovacuum is on on this server: nothing done by hand"
if [ "$autovacuum" = "off" ] && [ -z "${NO_VACUUM:-}" ]; then
  v0=$(date +%s.%N); psql -d "$db" -qc "vacuum (analyze)"; v1=$(date +%s.%N)
  vacuum_note="autovacuum is **off** on this server, so the script ran \`vacuum (analyze)\` on the database before measuring ($(awk -v a="$v0" -v b="$v1" 'BEGIN{printf "%.0f", b-a}') s), as autovacuum would have"
fi

auth="-u inspector:inspector"
# an issue raised about 18 months before the end, so it existed a year ago and has a long history
id=$(q "select aggregate_identifier from domain_event_entry where payload_type like '%IssueRaised' and global_index >= $head / 4 order by global_index limit 1")
month=$(date -u -d "$(date -u +%Y-%m-01) -1 month" +%Y-%m)
yearago=$(date -u -d '-365 days' +%Y-%m-%dT%H:%M:%SZ)
baseline_ms=$(psql -d "$db" -qAt -c '\timing on' -c "select count(*), sum(length(payload)) from domain_event_entry" | sed -n 's/^Time: \([0-9.]*\) ms.*/\1/p' | tail -1)
measure() { # name url
  local codes="" times=()
  curl -s -o /dev/null $auth "localhost:$port$2" || true
  for _ in $(seq 1 10); do
    out=$(curl -s -o /dev/null -w '%{http_code} %{time_total}' $auth "localhost:$port$2")
    codes=${out% *}; times+=("$(awk -v t="${out#* }" 'BEGIN{printf "%.0f", t*1000}')")
  done
  sorted=($(printf '%s\n' "${times[@]}" | sort -n))
  echo "| $1 | \`$2\` | $codes | ${sorted[4]} | ${sorted[9]} |" >> "$work/queries"
}
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
: > "$work/queries"
measure "issue list (page 1)" "/api/issues?size=20"
measure "issue list, filtered" "/api/issues?status=IN_PROGRESS&department=PHARMACY&size=20"
measure "issue list as of a year ago" "/api/issues?size=20&asOf=$yearago"
measure "one issue" "/api/issues/$id"
measure "one issue as of a year ago" "/api/issues/$id?asOf=$yearago"
measure "issue history" "/api/issues/$id/history"
measure "dashboard, all time" "/api/dashboard"
measure "dashboard, last month" "/api/dashboard?from=$month-01&to=$(date -u -d "$month-01 +1 month -1 day" +%F)"
measure "dashboard as of a year ago" "/api/dashboard?asOf=$yearago"
measure "wall chart" "/api/dashboard/wall"
measure "trends, 24 months" "/api/dashboard/trends?months=24"
measure "ranking, last month" "/api/rankings?period=$month"
measure "ranking, this year so far (年评比)" "/api/rankings?period=$(date -u +%Y)"
measure "ranking export, last month (xlsx)" "/api/rankings/export?period=$month"
measure "ranking as of a year ago" "/api/rankings?period=$(date -u -d '-13 months' +%Y-%m)&asOf=$yearago"
auth="-u auditor:auditor"
measure "audit explorer page" "/api/audit/events?type=IssueClosed"
measure "integrity: verify whole chain" "/api/audit/integrity"
heap=$(curl -s "localhost:$port/actuator/prometheus" | awk '/^jvm_memory_used_bytes\{.*area="heap"/{s+=$NF} END{print s+0}')
kill $app; wait $app 2>/dev/null || true

if [ -z "$reuse" ]; then
  catchup_s=$(awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.0f", b-a}')
  chain_s=$(awk -v a="$t0" -v b="$t2" 'BEGIN{printf "%.0f", b-a}')
  q "insert into bench_run values ('catchup_s', '$catchup_s'), ('chain_s', '$chain_s'), ('catchup_load', '$(cut -d' ' -f1-3 /proc/loadavg)')"
fi
catchup_s=$(q "select value from bench_run where key = 'catchup_s'")
chain_s=$(q "select value from bench_run where key = 'chain_s'")
catchup_load=$(q "select value from bench_run where key = 'catchup_load'")
{
  echo "# Read models at size"
  echo
  echo "Command: \`bash bench/dataset.sh $N\` — $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB,"
  echo "$(./duban java -version 2>&1 | head -1), PostgreSQL $(q 'show server_version'), standalone app, profile \`postgres\`, heap -Xmx2g."
  echo
  echo "## Data set"
  echo
  echo "- generator: \`$gen\` (plain JDBC batches of 5,000 rows: the database's own write rate for Axon-shaped rows)"
  echo "- event store: **$events events** of $N issues; database size $(q "select pg_size_pretty(pg_database_size('$db'))")"
  echo
  echo "## Catch-up from scratch (app started on the filled store)"
  echo
  echo "Load average (1, 5, 15 min) when the catch-up ended: $catchup_load; autovacuum on this server: $autovacuum. The events/s figure is the event store's events over the wall time until the slowest processor segment reached the head; every event goes through every processor."
  echo
  echo "| what | seconds | events/s |"
  echo "|---|---|---|"
  echo "| all projections at the head ($processors) | $catchup_s | $(awk -v e="$events" -v s="$catchup_s" 'BEGIN{printf "%.0f", e/(s>0?s:1)}') |"
  echo "| integrity chain hashed to the head | $chain_s | $(awk -v e="$events" -v s="$chain_s" 'BEGIN{printf "%.0f", e/(s>0?s:1)}') |"
  echo
  echo "## Query latency at this size (curl, 10 runs after one warm-up; ms)"
  echo
  echo "Vacuum: $vacuum_note. Load average before the queries: $load_before."
  echo
  echo "Baseline in the same run: the database scanning every event once (\`select count(*), sum(length(payload)) from domain_event_entry\`): **${baseline_ms} ms**."
  echo
  echo "| query | request | HTTP | median ms | max ms |"
  echo "|---|---|---|---|---|"
  cat "$work/queries"
  echo
  echo "Heap used at the end: $(awk -v h="${heap:-0}" 'BEGIN{printf "%.0f MiB", h/1048576}')."
} > bench/DATASET.md
cat bench/DATASET.md
if [ -n "${KEEP:-}${reuse}" ]; then echo "kept database $db: measure again with DB=$db bash bench/dataset.sh"; else psql -qc "drop database $db" || true; fi
rm -rf "$work"
