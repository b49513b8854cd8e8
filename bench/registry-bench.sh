#!/bin/sh
# Registry throughput against PostgreSQL, compared with pgbench on the same database server.
# Needs: PostgreSQL at 127.0.0.1:5432 (user postgres, trust), psql and pgbench, and a built server
# (./mvnw -q -pl server,bench -am package -DskipTests). Usage: bench/registry-bench.sh [clients] [seconds] [warm-up]
# Environment: PORT (18080), DB (amamo_bench, dropped and created again), POOL (the server's connection pool, 10).
# SERVER_JAR (server/target/amamo-server.jar) runs another build, e.g. an older one for a before/after comparison.
# SERVER_JAVA_OPTS adds JVM options to the server, e.g. -XX:StartFlightRecording=filename=/tmp/server.jfr.
# STATEMENTS=1 prints the registry's statements by the database time they took during the measured run; it needs
# PostgreSQL started with shared_preload_libraries = 'pg_stat_statements'.
# VARIANTS (default,batch) chooses the registry loads measured, in this order, before pgbench: "default" lets the
# registry draw the largest blocks first (wrk/registry.lua); "batch" names in every request a batch the sending
# account holds (wrk/registry-batch.lua, fed from /tmp/$DB-batches.txt, which this script writes). Each variant gets
# its own warm-up and run and prints its lines and its ratio to pgbench; the default's lines read as they always did.
set -eu
CLIENTS=${1:-64}
SECONDS_RUN=${2:-30}
# The server's JIT compilers keep working for minutes under this load: after 20 s of warm-up the server spent about
# 3.9 ms of CPU per operation, after 150 s about 2.3 ms. Two minutes of uncounted load measure the steady state.
WARM_UP=${3:-120}
# wrk needs at least one connection per thread.
THREADS=$(( CLIENTS < 2 ? 1 : 2 ))
POOL=${POOL:-10}
PORT=${PORT:-18080}
DB=${DB:-amamo_bench}
# The metrics need a credential: this run's own scrape password, given to the server and used by groups() below.
METRICS_PASSWORD=${METRICS_PASSWORD:-bench-$$}
PSQL="psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -q"
VARIANTS=${VARIANTS:-default,batch}
for variant in $(echo "$VARIANTS" | tr ',' ' '); do
  case $variant in default|batch) ;; *) echo "unknown variant: $variant (default, batch)" >&2; exit 2 ;; esac
done
cd "$(dirname "$0")/.."

$PSQL -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB"
java ${SERVER_JAVA_OPTS:-} -jar "${SERVER_JAR:-server/target/amamo-server.jar}" --spring.profiles.active=postgresql --server.port="$PORT" \
  --spring.datasource.url="jdbc:postgresql://127.0.0.1:5432/$DB" --logging.level.root=WARN \
  --spring.datasource.hikari.maximum-pool-size="$POOL" --amamo.metrics.password="$METRICS_PASSWORD" \
  > /tmp/$DB-server.log 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
until curl -sf "http://127.0.0.1:$PORT/actuator/health" > /dev/null; do sleep 1; done

# 100 holders and one secretariat user, each with an API token amamo_bench_<n> (only its SHA-256 is stored).
$PSQL -d $DB <<'SQL'
INSERT INTO user_account (kind, email, password_hash, full_name, address, phone, enabled, created_at)
SELECT 'INDIVIDUAL', 'bench' || n || '@bench.example', '{noop}x', 'bench ' || n, '-', '-', TRUE, now()
  FROM generate_series(0, 100) AS n;
INSERT INTO user_role (user_id, role)
SELECT id, CASE WHEN email = 'bench0@bench.example' THEN 'SECRETARIAT' ELSE 'HOLDER' END
  FROM user_account WHERE email LIKE 'bench%@bench.example';
INSERT INTO api_token (user_id, name, token_prefix, token_sha256, created_at)
SELECT id, 'bench', 'amamo_bench_', encode(sha256(convert_to('amamo_bench_' || substring(email from 6 for position('@' in email) - 6), 'UTF8')), 'hex'), now()
  FROM user_account WHERE email LIKE 'bench%@bench.example';
SQL
# Five issuances of 20 holders x 100,000 units (10,000 t) each, through the API.
for batch in 0 1 2 3 4; do
  HOLDERS=$($PSQL -d $DB -At -c "SELECT string_agg('{\"userId\":' || id || ',\"sharePercent\":5}', ',' ORDER BY id)
    FROM (SELECT id FROM user_account WHERE email LIKE 'bench%@bench.example' AND email <> 'bench0@bench.example'
          ORDER BY id OFFSET $((batch * 20)) LIMIT 20) h")
  curl -sf -o /dev/null -H "Authorization: Bearer amamo_bench_0" -H 'Content-Type: application/json' \
    -d "{\"projectId\":$batch,\"projectCode\":\"B00$batch\",\"projectName\":\"bench\",\"programmePrefix\":\"JBC\",\"vintage\":2024,\"methodologyVersion\":\"JBE-2.3\",\"creditType\":\"REMOVAL\",\"certifier\":\"bench\",\"creditUnits\":2000000,\"holders\":[$HOLDERS]}" \
    "http://127.0.0.1:$PORT/api/v1/registry/issuances"
done
$PSQL -d $DB -At -F ' ' -c "SELECT a.id, 'amamo_bench_' || substring(u.email from 6 for position('@' in u.email) - 6)
  FROM registry_account a JOIN user_account u ON u.id = a.owner_user_id WHERE a.kind = 'HOLDING'" > /tmp/$DB-accounts.txt

# The load comes from wrk, a small C client (as pgbench's own client is C), so that the client takes as little of the
# machine's CPU from the server and PostgreSQL as pgbench's does. Warm-up first (uncounted, for the JIT), then the run.
command -v wrk > /dev/null || { apt-get update -qq && apt-get install -y -qq wrk > /dev/null; }
# CPU time (clock ticks) of the server, of all PostgreSQL processes, and of the whole machine, to show where the
# cores went during the measured run.
cpu_ticks() {
  server=$(awk '{print $14 + $15}' /proc/$SERVER/stat)
  # Every PostgreSQL process, plus what the postmaster's children that ended (pgbench's connections) used.
  postgres=$( (for pid in $(pgrep -x postgres); do awk '{print $14 + $15}' /proc/$pid/stat 2>/dev/null; done;
    awk '{print $16 + $17}' /proc/$(pgrep -o -x postgres)/stat) | awk '{s += $1} END {print s + 0}')
  machine=$(awk '/^cpu / {print $2 + $3 + $4 + $7 + $8}' /proc/stat)
  echo "$server $postgres $machine"
}
# Group commit's own figures (GroupCommit's meters): transactions, requests in them, requests left to a later group.
groups() {
  curl -sf -u "prometheus:$METRICS_PASSWORD" "http://127.0.0.1:$PORT/actuator/prometheus" | awk '/^amamo_registry_group_size_count/ {c = $2}
    /^amamo_registry_group_size_sum/ {s = $2} /^amamo_registry_group_deferred_total/ {d = $2}
    END {printf "%d %d %d", c, s, d}'
}
# Every account with at least 1,000 active units (100 t) of a batch, and that batch's serial prefix, for the batch
# variant: written just before its warm-up, so that each line names a batch the account then holds.
write_batches() {
  $PSQL -d $DB -At -F ' ' -c "SELECT a.id, 'amamo_bench_' || substring(u.email from 6 for position('@' in u.email) - 6),
      b.programme_prefix || '-' || b.vintage || '-' || b.project_code || '-' || lpad(b.batch_number::text, 2, '0')
    FROM registry_account a JOIN user_account u ON u.id = a.owner_user_id
    JOIN registry_block k ON k.account_id = a.id AND k.status = 'ACTIVE' JOIN registry_batch b ON b.id = k.batch_id
    WHERE a.kind = 'HOLDING' GROUP BY a.id, u.email, b.id
    HAVING SUM(k.last_serial - k.first_serial + 1) >= 1000 ORDER BY a.id, b.id" > /tmp/$DB-batches.txt
}
# One variant: warm-up, then the measured run, printing its lines under the label (registry, registry-batch).
# The default's files keep their old names (/tmp/$DB-wrk.txt, /tmp/$DB-registry.txt).
measure() {
  label=$1 lua=$2 files=$3
  ACCOUNTS=/tmp/$DB-accounts.txt BATCHES=/tmp/$DB-batches.txt wrk -t"$THREADS" -c"$CLIENTS" -d"${WARM_UP}s" \
    -s "$lua" "http://127.0.0.1:$PORT" > /dev/null
  # pgbench vacuums its tables before it runs (unless -n); the registry's get the same, as autovacuum may be off.
  $PSQL -d $DB -c "VACUUM ANALYZE"
  if [ "${STATEMENTS:-0}" = 1 ]; then
    $PSQL -d $DB -c "CREATE EXTENSION IF NOT EXISTS pg_stat_statements" -c "SELECT pg_stat_statements_reset()" > /dev/null
  fi
  GROUPS_BEFORE=$(groups)
  BEFORE=$(cpu_ticks)
  ACCOUNTS=/tmp/$DB-accounts.txt BATCHES=/tmp/$DB-batches.txt wrk -t"$THREADS" -c"$CLIENTS" -d"${SECONDS_RUN}s" \
    --timeout 30s -s "$lua" "http://127.0.0.1:$PORT" > /tmp/$DB-wrk$files.txt
  AFTER=$(cpu_ticks)
  GROUPS_AFTER=$(groups)
  APPLIED=$(sed -n 's/.*\b201=\([0-9]*\).*/\1/p' /tmp/$DB-wrk$files.txt)
  echo "$label: $CLIENTS clients, $SECONDS_RUN s, ${APPLIED:-0} operations applied, $(echo "${APPLIED:-0} $SECONDS_RUN" \
    | awk '{printf "%.1f", $1 / $2}') ops/s; $(grep '^answers' /tmp/$DB-wrk$files.txt)" | tee /tmp/$DB-registry$files.txt
  grep '^latency' /tmp/$DB-wrk$files.txt | sed "s/^/$label /"
  echo "$BEFORE $AFTER $SECONDS_RUN ${APPLIED:-0} $(getconf CLK_TCK)" | awk -v label="$label" '{t = $9; s = $7 * t; n = ($8 > 0 ? $8 : 1);
    printf "%s cpu: server %.2f cores (%.2f ms per operation), PostgreSQL %.2f cores (%.2f ms), everything else %.2f cores\n",
    label, ($4 - $1) / s, ($4 - $1) * 1000 / t / n, ($5 - $2) / s, ($5 - $2) * 1000 / t / n, (($6 - $3) - ($4 - $1) - ($5 - $2)) / s}'
  echo "$GROUPS_BEFORE $GROUPS_AFTER" | awk -v label="$label" '{g = $4 - $1; n = $5 - $2; printf "%s groups: %d transactions, %.1f requests each, %.1f %% of requests left to a later group\n",
    label, g, (g > 0 ? n / g : 0), (n > 0 ? ($6 - $3) * 100 / n : 0)}'
  if [ "${STATEMENTS:-0}" = 1 ]; then
    $PSQL -d $DB -P pager=off -c "SELECT calls, round(total_exec_time::numeric, 0) AS total_ms, round(total_plan_time::numeric, 0) AS plan_ms,
        round((total_exec_time / calls)::numeric, 3) AS mean_ms, rows / calls AS rows_per_call,
        left(regexp_replace(query, '\s+', ' ', 'g'), 110) AS query
      FROM pg_stat_statements WHERE calls > 0 AND dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
      ORDER BY total_exec_time DESC LIMIT 15" | tee /tmp/$DB-statements$files.txt
  fi
}
for variant in $(echo "$VARIANTS" | tr ',' ' '); do
  case $variant in
    default) measure registry bench/wrk/registry.lua "" ;;
    batch) write_batches; measure registry-batch bench/wrk/registry-batch.lua -batch ;;
  esac
done
echo "invariants: $(curl -sf -H 'Authorization: Bearer amamo_bench_0' http://127.0.0.1:$PORT/api/v1/registry/invariants)"
echo "journal:    $(curl -sf -H 'Authorization: Bearer amamo_bench_0' http://127.0.0.1:$PORT/api/v1/registry/journal/verify)"

pgbench -h 127.0.0.1 -U postgres -i -s 10 -q $DB > /dev/null 2>&1
BEFORE=$(cpu_ticks)
pgbench -h 127.0.0.1 -U postgres -b tpcb-like -c "$CLIENTS" -j 4 -T "$SECONDS_RUN" $DB 2>/dev/null \
  | grep -E '^tps|latency average' | tee /tmp/$DB-pgbench.txt
AFTER=$(cpu_ticks)
TPS=$(sed -n 's/^tps = \([0-9.]*\).*/\1/p' /tmp/$DB-pgbench.txt)
echo "$BEFORE $AFTER $SECONDS_RUN $TPS $(getconf CLK_TCK)" | awk '{t = $9; s = $7 * t; n = $7 * ($8 > 0 ? $8 : 1);
  printf "pgbench cpu: PostgreSQL %.2f cores (%.2f ms per transaction), everything else (pgbench itself) %.2f cores\n",
  ($5 - $2) / s, ($5 - $2) * 1000 / t / n, (($6 - $3) - ($4 - $1) - ($5 - $2)) / s}'
for variant in $(echo "$VARIANTS" | tr ',' ' '); do
  case $variant in default) label=registry files= ;; batch) label=registry-batch files=-batch ;; esac
  OPS=$(sed -n 's/.* \([0-9.]*\) ops\/s.*/\1/p' /tmp/$DB-registry$files.txt)
  echo "ratio: $label $OPS ops/s / pgbench $TPS tps = $(echo "$OPS $TPS" | awk '{printf "%.3f", ($2 > 0 ? $1 / $2 : 0)}')"
done
