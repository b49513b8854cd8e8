#!/bin/sh
# What the holder mails' job (HolderNotices) costs: the CPU the server and its PostgreSQL connections spend to read the
# whole journal of a database again, as the job does behind the ledger. Use it on the database a registry-bench.sh run
# left (its holders have no confirmed address, so the job reads and looks up but queues no mail).
# Usage: bench/notices-catchup.sh [gaps]. GAPS (0) adds that many one-id gaps that never fill, as group commit leaves
# about one id in ten (docs/benchmarks.md). Environment: PORT (18080), DB (amamo_bench), SERVER_JAR.
set -eu
GAPS=${1:-0}
PORT=${PORT:-18080}
DB=${DB:-amamo_bench}
PSQL="psql -h 127.0.0.1 -U postgres -d $DB -v ON_ERROR_STOP=1 -qAt"
cd "$(dirname "$0")/.."
java -jar "${SERVER_JAR:-server/target/amamo-server.jar}" --spring.profiles.active=postgresql --server.port="$PORT" \
  --spring.datasource.url="jdbc:postgresql://127.0.0.1:5432/$DB" --logging.level.root=WARN \
  --amamo.registry.notices.delay-ms=1000 --amamo.demo-data.enabled=false > /tmp/$DB-catchup-server.log 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
until curl -sf "http://127.0.0.1:$PORT/actuator/health" > /dev/null; do sleep 1; done
MAX=$($PSQL -c "SELECT max(id) FROM registry_journal_entry")
cursor() { $PSQL -c "SELECT entry_id FROM registry_notice_cursor WHERE name = 'holder-mail'"; }
until [ "$(cursor)" = "$MAX" ]; do sleep 1; done
sleep 3
# The server's own connections only: the machine's PostgreSQL may serve others.
PIDS=$(pgrep -f "postgres: .*postgres $DB 127.0.0.1" | tr '\n' ' ')
pg_ticks() { for pid in $PIDS; do awk '{print $14 + $15}' /proc/$pid/stat 2>/dev/null; done | awk '{s += $1} END {print s + 0}'; }
server_ticks() { awk '{print $14 + $15}' /proc/$SERVER/stat; }
$PSQL > /dev/null <<SQL
BEGIN;
SELECT entry_id FROM registry_notice_cursor WHERE name = 'holder-mail' FOR UPDATE;
DELETE FROM registry_notice_gap;
UPDATE registry_notice_cursor SET entry_id = 0 WHERE name = 'holder-mail';
INSERT INTO registry_notice_gap (first_entry_id, last_entry_id, seen_at)
SELECT 100000000 + 2 * n, 100000000 + 2 * n, now() FROM generate_series(1, $GAPS) AS n;
COMMIT;
SQL
S0=$(server_ticks); P0=$(pg_ticks); T0=$(date +%s)
until [ "$(cursor)" = "$MAX" ]; do sleep 0.2; done
sleep 2
S1=$(server_ticks); P1=$(pg_ticks); T1=$(date +%s)
ENTRIES=$($PSQL -c "SELECT count(*) FROM registry_journal_entry")
echo "$S0 $S1 $P0 $P1 $ENTRIES $(getconf CLK_TCK) $((T1 - T0))" | awk -v gaps="$GAPS" '{t = $6; n = $5;
  printf "catch-up: %d entries, %d added gaps, %d s; server %.2f s CPU (%.3f ms per entry), PostgreSQL %.2f s (%.3f ms)\n",
  n, gaps, $7, ($2 - $1) / t, ($2 - $1) * 1000 / t / n, ($4 - $3) / t, ($4 - $3) * 1000 / t / n}'
