#!/bin/sh
# The bank test, in the manner of Jepsen's: faults are survived without losing or inventing a unit.
# 32 clients (BankTest) transfer and retire credits through the REST API of two server instances on one PostgreSQL
# database for three minutes; every 30 s one instance is killed with kill -9 and started again, and PostgreSQL is
# crash-stopped (pg_ctlcluster ... stop -m immediate) and started again once. Each client sends each operation again,
# with its Idempotency-Key, until it has a definite answer. Then the ledger is checked against what the clients were
# told (docs/registry.md#surviving-faults).
#
# Needs: root (pg_ctlcluster), a PostgreSQL cluster of its own that may be crashed (never a shared one), created with
#   pg_createcluster 15 bank -p 5440 -- --auth=trust && pg_ctlcluster --skip-systemctl-redirect 15 bank start
# and a built server and bench (./mvnw -q -pl server,bench -am package -DskipTests).
# Usage: bench/bank-test.sh [clients 32] [seconds 180] [kill interval 30]
# Environment: PG_VERSION (15), PG_CLUSTER (bank), PG_PORT (5440), PORTS ("8083 8093"), DB (amamo_bank), OUT
# (/tmp/amamo-bank), PG_CRASH_AT (seconds into the run, 45), PG_DOWN (seconds PostgreSQL stays down, 10).
set -eu
CLIENTS=${1:-32}
SECONDS_RUN=${2:-180}
KILL_EVERY=${3:-30}
PG_VERSION=${PG_VERSION:-15}
PG_CLUSTER=${PG_CLUSTER:-bank}
PG_PORT=${PG_PORT:-5440}
PORTS=${PORTS:-"8083 8093"}
DB=${DB:-amamo_bank}
OUT=${OUT:-/tmp/amamo-bank}
PG_CRASH_AT=${PG_CRASH_AT:-45}
PG_DOWN=${PG_DOWN:-10}
GRACE=120
PSQL="psql -h 127.0.0.1 -p $PG_PORT -U postgres -v ON_ERROR_STOP=1 -q"
cd "$(dirname "$0")/.."
if [ "$PG_PORT" = 5432 ]; then echo "refusing to crash the PostgreSQL on 5432: give a cluster of its own" >&2; exit 2; fi
rm -rf "$OUT" && mkdir -p "$OUT"

$PSQL -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB"

# One server instance per port; its process id in $OUT/server-<port>.pid, its log appended to $OUT/server-<port>.log.
# C1 only: an instance killed every 30 s must come back quickly; its steady-state speed matters less here.
start_server() {
  java -Xmx768m -XX:TieredStopAtLevel=1 -jar server/target/amamo-server.jar --spring.profiles.active=postgresql --server.port="$1" \
    --spring.datasource.url="jdbc:postgresql://127.0.0.1:$PG_PORT/$DB" --logging.level.root=WARN \
    --logging.level.org.amamo=INFO >> "$OUT/server-$1.log" 2>&1 &
  echo $! > "$OUT/server-$1.pid"
}
healthy() { curl -sf -o /dev/null "http://127.0.0.1:$1/actuator/health/liveness"; }
wait_healthy() { until healthy "$1"; do sleep 1; done; }
stop_all() { for port in $PORTS; do kill "$(cat "$OUT/server-$port.pid" 2>/dev/null)" 2>/dev/null || true; done; }
trap stop_all EXIT

# The first instance migrates the empty database; the others start once it has.
for port in $PORTS; do start_server "$port"; wait_healthy "$port"; done
FIRST=$(echo $PORTS | cut -d' ' -f1)

# 20 holders and one secretariat user, each with an API token amamo_bank_<n> (only its SHA-256 is stored).
$PSQL -d $DB <<'SQL'
INSERT INTO user_account (kind, email, password_hash, full_name, address, phone, enabled, created_at)
SELECT 'INDIVIDUAL', 'bank' || n || '@bank.example', '{noop}x', 'bank ' || n, '-', '-', TRUE, now()
  FROM generate_series(0, 20) AS n;
INSERT INTO user_role (user_id, role)
SELECT id, CASE WHEN email = 'bank0@bank.example' THEN 'SECRETARIAT' ELSE 'HOLDER' END
  FROM user_account WHERE email LIKE 'bank%@bank.example';
INSERT INTO api_token (user_id, name, token_prefix, token_sha256, created_at)
SELECT id, 'bank', 'amamo_bank_', encode(sha256(convert_to('amamo_bank_' || substring(email from 5 for position('@' in email) - 5), 'UTF8')), 'hex'), now()
  FROM user_account WHERE email LIKE 'bank%@bank.example';
SQL
# One issuance of 1,000,000 units (100,000 t), 5 % to each holder, through the API.
HOLDERS=$($PSQL -d $DB -At -c "SELECT string_agg('{\"userId\":' || id || ',\"sharePercent\":5}', ',' ORDER BY id)
  FROM user_account WHERE email LIKE 'bank%@bank.example' AND email <> 'bank0@bank.example'")
curl -sf -o /dev/null -H "Authorization: Bearer amamo_bank_0" -H 'Content-Type: application/json' -H 'Idempotency-Key: bank-issuance' \
  -d "{\"projectId\":1,\"projectCode\":\"BANK\",\"projectName\":\"bank test\",\"programmePrefix\":\"JBC\",\"vintage\":2024,\"methodologyVersion\":\"JBE-2.3\",\"creditType\":\"REMOVAL\",\"certifier\":\"bank\",\"creditUnits\":1000000,\"holders\":[$HOLDERS]}" \
  "http://127.0.0.1:$FIRST/api/v1/registry/issuances"
$PSQL -d $DB -At -F ' ' -c "SELECT a.id, 'amamo_bank_' || substring(u.email from 5 for position('@' in u.email) - 5)
  FROM registry_account a JOIN user_account u ON u.id = a.owner_user_id WHERE a.kind = 'HOLDING'" > "$OUT/accounts.txt"

URLS=$(for port in $PORTS; do printf 'http://127.0.0.1:%s,' "$port"; done | sed 's/,$//')
java -cp bench/target/amamo-bench.jar org.amamo.bench.BankTest "$OUT/accounts.txt" "$URLS" "$CLIENTS" "$SECONDS_RUN" \
  "$GRACE" "$OUT" "$(date +%s)" > "$OUT/client.txt" 2>&1 &
CLIENT=$!

# The faults: every KILL_EVERY seconds the next instance in turn is killed with kill -9 and started again at once;
# PostgreSQL is crash-stopped once, at PG_CRASH_AT, and started again PG_DOWN seconds later.
KILLS=0
PG_RESTARTS=0
START=$(date +%s)
NEXT_KILL=$KILL_EVERY
TURN=0
while [ $(( $(date +%s) - START )) -lt "$SECONDS_RUN" ]; do
  NOW=$(( $(date +%s) - START ))
  if [ "$NOW" -ge "$NEXT_KILL" ]; then
    set -- $PORTS; shift $(( TURN % $# )); PORT=$1; TURN=$(( TURN + 1 ))
    kill -9 "$(cat "$OUT/server-$PORT.pid")" 2>/dev/null && KILLS=$(( KILLS + 1 )) && echo "t=${NOW}s kill -9 instance :$PORT"
    start_server "$PORT"
    NEXT_KILL=$(( NEXT_KILL + KILL_EVERY ))
  fi
  if [ "$PG_RESTARTS" = 0 ] && [ "$NOW" -ge "$PG_CRASH_AT" ]; then
    echo "t=${NOW}s PostgreSQL crash-stopped (-m immediate)"
    pg_ctlcluster --skip-systemctl-redirect "$PG_VERSION" "$PG_CLUSTER" stop -m immediate
    sleep "$PG_DOWN"
    pg_ctlcluster --skip-systemctl-redirect "$PG_VERSION" "$PG_CLUSTER" start
    PG_RESTARTS=1
    echo "t=$(( $(date +%s) - START ))s PostgreSQL started again"
  fi
  sleep 1
done
wait $CLIENT || { cat "$OUT/client.txt"; exit 1; }
for port in $PORTS; do wait_healthy "$port"; done
cat "$OUT/client.txt"

# The checks. An operation's outcome is what its client was finally told: APPLIED (201), REFUSED (a 4xx the ledger
# decided) or UNKNOWN (no definite answer within the grace period: it may or may not have been applied).
$PSQL -d $DB <<SQL
CREATE TABLE bank_op (key TEXT PRIMARY KEY, kind CHAR(1), from_id BIGINT, to_id BIGINT, units BIGINT, outcome TEXT,
                      attempts INT);
\copy bank_op FROM '$OUT/ops.tsv'
CREATE TABLE bank_entry AS
SELECT o.*, j.id AS entry_id, j.operation, j.credit_units AS entry_units
  FROM bank_op o LEFT JOIN registry_journal_entry j ON j.idempotency_key = o.key;
SQL
q() { $PSQL -d $DB -At -c "$1"; }
LOST=$(q "SELECT count(*) FROM bank_entry WHERE outcome = 'APPLIED' AND entry_id IS NULL")
REFUSED_APPLIED=$(q "SELECT count(*) FROM bank_entry WHERE outcome = 'REFUSED' AND entry_id IS NOT NULL")
UNKNOWN=$(q "SELECT count(*) || ' (' || count(entry_id) || ' of them in the journal)' FROM bank_entry WHERE outcome = 'UNKNOWN'")
STRANGERS=$(q "SELECT count(*) FROM registry_journal_entry j WHERE j.idempotency_key LIKE 'bank-%'
  AND j.idempotency_key <> 'bank-issuance' AND NOT EXISTS (SELECT 1 FROM bank_op o WHERE o.key = j.idempotency_key)")
WRONG=$(q "SELECT count(*) FROM bank_entry e WHERE e.entry_id IS NOT NULL AND (e.entry_units <> e.units
  OR e.operation <> CASE e.kind WHEN 'T' THEN 'TRANSFER' ELSE 'RETIRE' END
  OR (SELECT sum(m.last_serial - m.first_serial + 1) FROM registry_movement m WHERE m.entry_id = e.entry_id) <> e.units
  OR EXISTS (SELECT 1 FROM registry_movement m WHERE m.entry_id = e.entry_id
             AND (m.from_account_id <> e.from_id OR (e.kind = 'T' AND m.to_account_id <> e.to_id))))")
# Each holding account: what was issued to it, plus the applied transfers it received, minus those it sent and its
# applied retirements (applied: the client was told so, or the journal holds an operation whose answer was lost),
# against the units its active blocks hold.
$PSQL -d $DB -At -F ' ' > "$OUT/balances.txt" <<'SQL'
WITH applied AS (SELECT * FROM bank_entry WHERE outcome = 'APPLIED' OR (outcome = 'UNKNOWN' AND entry_id IS NOT NULL)),
issued AS (SELECT m.to_account_id AS account_id, sum(m.last_serial - m.first_serial + 1) AS units
             FROM registry_movement m JOIN registry_journal_entry j ON j.id = m.entry_id
            WHERE j.operation = 'ISSUE' AND m.from_account_id IS NOT NULL GROUP BY m.to_account_id),
expected AS (
  SELECT a.id, coalesce((SELECT units FROM issued WHERE account_id = a.id), 0)
         + coalesce((SELECT sum(units) FROM applied WHERE kind = 'T' AND to_id = a.id), 0)
         - coalesce((SELECT sum(units) FROM applied WHERE from_id = a.id), 0) AS units
    FROM registry_account a WHERE a.kind = 'HOLDING'),
actual AS (SELECT account_id, sum(last_serial - first_serial + 1) AS units FROM registry_block
            WHERE status = 'ACTIVE' GROUP BY account_id)
SELECT e.id, e.units, coalesce(x.units, 0) FROM expected e LEFT JOIN actual x ON x.account_id = e.id ORDER BY e.id;
SQL
ACCOUNTS_WRONG=$(awk '$2 != $3' "$OUT/balances.txt" | wc -l)
UNITS_LOST=$(awk '{d = $2 - $3; s += (d < 0 ? -d : d)} END {print s + 0}' "$OUT/balances.txt")
RETIRED=$(q "SELECT coalesce(sum(units), 0) FROM bank_entry WHERE kind = 'R' AND entry_id IS NOT NULL")
RETIRED_BLOCKS=$(q "SELECT coalesce(sum(last_serial - first_serial + 1), 0) FROM registry_block WHERE status = 'RETIRED'")
INVARIANTS=$(curl -sf -H 'Authorization: Bearer amamo_bank_0' "http://127.0.0.1:$FIRST/api/v1/registry/invariants")
JOURNAL=$(curl -sf -H 'Authorization: Bearer amamo_bank_0' "http://127.0.0.1:$FIRST/api/v1/registry/journal/verify")
SERVER_500=$(cat "$OUT"/server-*.log | grep -c 'status=500\|Servlet.service() .* threw exception' || true)

echo "faults: $KILLS kill -9 of a server instance, $PG_RESTARTS PostgreSQL crash-stop and restart"
echo "acknowledged operations missing from the journal: $LOST"
echo "refused operations found in the journal: $REFUSED_APPLIED"
echo "journal entries of bank keys no client sent: $STRANGERS"
echo "journal entries unlike their request (units, operation, accounts): $WRONG"
echo "operations without a definite answer: $UNKNOWN"
echo "accounts whose balance is not issuance + received - sent - retired: $ACCOUNTS_WRONG of $(wc -l < "$OUT/balances.txt"); units lost: $UNITS_LOST"
echo "retired: $RETIRED units by the journal, $RETIRED_BLOCKS in retired blocks"
echo "invariants: $INVARIANTS"
echo "journal:    $JOURNAL"
echo "server errors logged: $SERVER_500"
echo "$INVARIANTS" | grep -q '"violations":\[\]' && echo "$JOURNAL" | grep -q '"intact":true' \
  && [ "$LOST" = 0 ] && [ "$REFUSED_APPLIED" = 0 ] && [ "$STRANGERS" = 0 ] && [ "$WRONG" = 0 ] \
  && [ "$ACCOUNTS_WRONG" = 0 ] && [ "$RETIRED" = "$RETIRED_BLOCKS" ] && echo "bank test: PASSED" && exit 0
echo "bank test: FAILED"
exit 1
