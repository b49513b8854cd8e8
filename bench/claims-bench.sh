#!/bin/sh
# The double-issuance check against 100,000 certified claims: loads bench/sql/claims-100k.sql into a fresh PostgreSQL
# database, then asks POST /api/v1/claims/check for new sites at random places (half of them inside the loaded area's
# densest part) and reports p50/p95/p99 and the largest time (target: under 100 ms) and how many conflicts were found.
# Needs: PostgreSQL at 127.0.0.1:5432 (user postgres, trust), psql, curl, and a built server
# (./mvnw -q -pl server -am package -DskipTests). Usage: bench/claims-bench.sh [requests] [warm-up requests]
# Environment: PORT (18082), DB (amamo_claims, dropped and created again), SERVER_JAR.
set -eu
REQUESTS=${1:-500}
WARM_UP=${2:-300}
PORT=${PORT:-18082}
DB=${DB:-amamo_claims}
PSQL="psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -q"
cd "$(dirname "$0")/.."

$PSQL -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB"
java -jar "${SERVER_JAR:-server/target/amamo-server.jar}" --spring.profiles.active=postgresql --server.port="$PORT" \
  --spring.datasource.url="jdbc:postgresql://127.0.0.1:5432/$DB" --logging.level.root=WARN > /tmp/$DB-server.log 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
until curl -sf "http://127.0.0.1:$PORT/actuator/health" > /dev/null; do sleep 1; done

START=$(date +%s)
$PSQL -d $DB -f bench/sql/claims-100k.sql > /dev/null
echo "loaded in $(( $(date +%s) - START )) s: $($PSQL -d $DB -At -c "SELECT COUNT(*) FROM claim") certified claims"
# A secretariat user with the API token amamo_bench_0.
$PSQL -d $DB <<'SQL'
INSERT INTO user_account (kind, email, password_hash, full_name, address, phone, enabled, created_at)
VALUES ('INDIVIDUAL', 'bench0@bench.example', '{noop}x', 'bench 0', '-', '-', TRUE, now());
INSERT INTO user_role (user_id, role) SELECT id, 'SECRETARIAT' FROM user_account WHERE email = 'bench0@bench.example';
INSERT INTO api_token (user_id, name, token_prefix, token_sha256, created_at)
SELECT id, 'bench', 'amamo_bench_', encode(sha256(convert_to('amamo_bench_0', 'UTF8')), 'hex'), now()
  FROM user_account WHERE email = 'bench0@bench.example';
SQL

# One request: a square of 0.01 degrees at a pseudo-random place; prints "seconds conflicts".
check() {
  awk -v seed="$1" 'BEGIN { srand(seed); w = 129 + rand() * 16; s = 31 + rand() * 13; d = 0.01;
    printf "{\"projectId\":1,\"yearStarts\":[\"2022-04-01\"],\"siteGeojson\":\"{\\\"type\\\":\\\"Polygon\\\",\\\"coordinates\\\":[[[%f,%f],[%f,%f],[%f,%f],[%f,%f],[%f,%f]]]}\"}",
      w, s, w + d, s, w + d, s + d, w, s + d, w, s }' > /tmp/$DB-request.json
  curl -s -o /tmp/$DB-response.json -w '%{time_total}' -H 'Authorization: Bearer amamo_bench_0' \
    -H 'Content-Type: application/json' --data @/tmp/$DB-request.json "http://127.0.0.1:$PORT/api/v1/claims/check"
  printf ' %s\n' "$(grep -o otherApplicationId /tmp/$DB-response.json | wc -l)"
}
i=0; while [ $i -lt "$WARM_UP" ]; do check $((100000 + i)) > /dev/null; i=$((i + 1)); done
i=0; while [ $i -lt "$REQUESTS" ]; do check $i; i=$((i + 1)); done > /tmp/$DB-times.txt
sort -n /tmp/$DB-times.txt | awk '{ t[NR] = $1 * 1000; c += $2 } END {
  printf "%d checks against 100,000 claims: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms; %d conflicts found\n",
    NR, t[int(NR * 0.5)], t[int(NR * 0.95)], t[int(NR * 0.99)], t[NR], c }'
