#!/bin/sh
# Registry reads with 1,000,000 serial blocks: loads bench/sql/registry-million.sql into a fresh PostgreSQL database
# through the registry's own tables, checks the ledger invariants through the API, then measures p50/p95/p99 of serial
# lookup and the public registry pages over HTTP (target: p99 under 50 ms).
# Needs: PostgreSQL at 127.0.0.1:5432 (user postgres, trust), psql, and a built server and bench
# (./mvnw -q -pl server,bench -am package -DskipTests). Usage: bench/registry-million.sh [requests per kind] [clients] [warm-up rounds]
# Environment: PORT (18081), DB (amamo_million, dropped and created again), SERVER_JAR.
set -eu
REQUESTS=${1:-500}
CLIENTS=${2:-4}
# Uncounted rounds over every kind before the measured one (the server's JIT compilers keep working for minutes).
WARM_UP_ROUNDS=${3:-2}
PORT=${PORT:-18081}
DB=${DB:-amamo_million}
PSQL="psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -q"
cd "$(dirname "$0")/.."

$PSQL -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB"
java -jar "${SERVER_JAR:-server/target/amamo-server.jar}" --spring.profiles.active=postgresql --server.port="$PORT" \
  --spring.datasource.url="jdbc:postgresql://127.0.0.1:5432/$DB" --logging.level.root=WARN > /tmp/$DB-server.log 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
until curl -sf "http://127.0.0.1:$PORT/actuator/health" > /dev/null; do sleep 1; done

START=$(date +%s)
$PSQL -d $DB -f bench/sql/registry-million.sql > /dev/null
echo "loaded in $(( $(date +%s) - START )) s: $($PSQL -d $DB -At -c "SELECT (SELECT COUNT(*) FROM registry_block) || ' blocks, '
  || (SELECT COUNT(*) FROM registry_batch) || ' batches, ' || (SELECT COUNT(*) FROM registry_movement) || ' movements, '
  || (SELECT COUNT(*) FROM registry_retirement) || ' retirements'")"
# A secretariat user with the API token amamo_bench_0, for the invariant check.
$PSQL -d $DB <<'SQL'
INSERT INTO user_account (kind, email, password_hash, full_name, address, phone, enabled, created_at)
VALUES ('INDIVIDUAL', 'bench0@bench.example', '{noop}x', 'bench 0', '-', '-', TRUE, now());
INSERT INTO user_role (user_id, role) SELECT id, 'SECRETARIAT' FROM user_account WHERE email = 'bench0@bench.example';
INSERT INTO api_token (user_id, name, token_prefix, token_sha256, created_at)
SELECT id, 'bench', 'amamo_bench_', encode(sha256(convert_to('amamo_bench_0', 'UTF8')), 'hex'), now()
  FROM user_account WHERE email = 'bench0@bench.example';
SQL
START=$(date +%s)
echo "invariants: $(curl -sf -H 'Authorization: Bearer amamo_bench_0' http://127.0.0.1:$PORT/api/v1/registry/invariants) ($(( $(date +%s) - START )) s)"

java -cp bench/target/amamo-bench.jar org.amamo.bench.RegistryPagesBenchmark "http://127.0.0.1:$PORT" "$REQUESTS" "$CLIENTS" \
  "$WARM_UP_ROUNDS"
