#!/usr/bin/env bash
# Startup with a full database: the time from launching the correlator to /health UP, and to the first
# alarm committed (the first cycle fires the rules over every loaded fact), on a database holding
# ALARMS raised alarms (default 100,000) attached to TICKETS open tickets (default 10,000), plus
# CLEARED alarms cleared 30 days ago (default 0: history the session must not load).
# Usage: bench/startup.sh [runs]      e.g. ALARMS=100000 TICKETS=10000 CLEARED=1000000 bench/startup.sh 3
# Needs the MariaDB server on 127.0.0.1:3306 (root, no password) and its client; uses the throwaway
# database noc_bench_startup, dropped at the end. Builds the jar first if it is missing.
# JFR=1 records each start (-XX:StartFlightRecording) into target/bench-startup.jfr; the last log is kept in target/bench-startup.log.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
alarms=${ALARMS:-100000}; tickets=${TICKETS:-10000}; cleared=${CLEARED:-0}
database=noc_bench_startup; http=18081; snmp=11163; password=bench-admin-password
jar=target/noc-correlator.jar
[ -f "$jar" ] || mvn -B -q package -DskipTests
sql() { mariadb -h127.0.0.1 -uroot "$@"; }
work=$(mktemp -d); pid=
stop() { if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi; pid=; }
trap 'stop || true; [ -f "$work/last.log" ] && mkdir -p target && cp "$work/last.log" target/bench-startup.log; sql -e "DROP DATABASE IF EXISTS $database" || true; rm -rf "$work"' EXIT

now_ms() { date +%s%3N; }
# Starts the correlator in the background (call it in this shell, not in $(...), so that stop sees it); prints the milliseconds to /health UP and to the first
# alarm committed, and the session's fact count from the log.
start() {
  local jfr=()
  [ "${JFR:-0}" = 1 ] && jfr=(-XX:StartFlightRecording=filename=target/bench-startup.jfr,settings=profile)
  local t0; t0=$(now_ms)
  java ${JAVA_OPTS:--Xmx2g} "${jfr[@]}" -jar "$jar" --micronaut.server.port=$http --noc.snmp.port=$snmp \
    --noc.rules.directory=rules --noc.mibs.directories=mibs --noc.rules.watch=false \
    --noc.security.bootstrap-admin-password=$password \
    --datasources.default.url=jdbc:mariadb://127.0.0.1:3306/$database \
    --datasources.default.username=root --datasources.default.password= > "$work/correlator.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 1200); do
    curl -sf --max-time 2 "localhost:$http/health" 2>/dev/null | grep -q '"status":"UP"' && break
    kill -0 $pid 2>/dev/null || { cat "$work/correlator.log" >&2; exit 1; }
    sleep 0.05
  done
  local up; up=$(( $(now_ms) - t0 ))
  local token
  token=$(curl -sf -X POST "localhost:$http/login" -H 'Content-Type: application/json' \
    -d "{\"username\": \"admin\", \"password\": \"$password\"}" | sed 's/.*"access_token":"\([^"]*\)".*/\1/')
  curl -sf -X POST "localhost:$http/api/v1/alarms" -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    -d '{"source": "bench-probe", "name": "Probe", "severity": "warning"}' > /dev/null
  local committed; committed=$(( $(now_ms) - t0 ))
  local facts; facts=$(grep -o 'session rebuilt with [0-9]* facts' "$work/correlator.log" | grep -o '[0-9]*' | tail -1)
  echo "$up $committed $facts"
}

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(java -version 2>&1 | head -1)," \
  "MariaDB $(sql -N -e 'SELECT VERSION()') on 127.0.0.1:3306"
sql -e "DROP DATABASE IF EXISTS $database; CREATE DATABASE $database"
start > /dev/null   # the migrations
stop
sql "$database" -e "DELETE FROM alarm WHERE source = 'bench-probe'"

# Multi-row INSERTs of 1,000 rows, in one transaction per table.
fill_started=$(now_ms)
awk -v n="$tickets" 'BEGIN {
  print "SET autocommit = 0;"
  for (i = 1; i <= n; i++) {
    if (i % 1000 == 1) printf "INSERT INTO ticket (reference, status, priority, title, priority_reason, group_key, opened_at, updated_at, restore_objective_ms) VALUES\n"
    printf "(\"INC-2026-%06d\", \"OPEN\", \"P3\", \"Link down on bench-%d\", \"bench\", \"device:bench-%d\", UTC_TIMESTAMP(3) - INTERVAL 1 HOUR, UTC_TIMESTAMP(3) - INTERVAL 1 HOUR, 86400000)%s\n", i, i, i, (i % 1000 == 0 || i == n) ? ";" : ","
  }
  printf "INSERT INTO ticket_reference_counter (year, last_value) VALUES (2026, %d) ON DUPLICATE KEY UPDATE last_value = GREATEST(last_value, %d);\n", n, n
  print "COMMIT;" }' | sql "$database"
# name IF-MIB::linkDown, one alarm per interface, ten interfaces per ticket's device
alarm_rows() { # first count state ticketed age
  awk -v first="$1" -v n="$2" -v state="$3" -v t="$tickets" -v age="$4" 'BEGIN {
    print "SET autocommit = 0;"
    for (i = first; i < first + n; i++) {
      if ((i - first) % 1000 == 0) printf "INSERT INTO alarm (reduction_key, source_kind, source, name, oid, resource, severity, state, occurrences, first_seen, last_seen, cleared_at, ticket_reference, attributes, raises) VALUES\n"
      d = i % t + 1
      cleared = state == "CLEARED" ? "UTC_TIMESTAMP(3) - INTERVAL " age : "NULL"
      ticket = state == "CLEARED" ? "NULL" : sprintf("\"INC-2026-%06d\"", d)
      printf "(\"10.0.%d.%d|IF-MIB::linkDown|ifIndex.%d\", \"SNMP\", \"10.%d.%d.%d\", \"IF-MIB::linkDown\", \"1.3.6.1.6.3.1.1.5.3\", \"ifIndex.%d\", \"%s\", \"%s\", 1, UTC_TIMESTAMP(3) - INTERVAL %s, UTC_TIMESTAMP(3) - INTERVAL %s, %s, %s, \"{\\\"ifIndex\\\":\\\"%d\\\"}\", \"\")%s\n", \
        int(i / 256), i % 256, i, int(i / 65536) % 256, int(i / 256) % 256, i % 256, i, (state == "CLEARED" ? "CLEARED" : "MAJOR"), state, age, age, cleared, ticket, i, \
        ((i - first) % 1000 == 999 || i == first + n - 1) ? ";" : ","
    }
    print "COMMIT;" }'
}
alarm_rows 0 "$alarms" RAISED "1 HOUR" | sql "$database"
[ "$cleared" -gt 0 ] && alarm_rows "$alarms" "$cleared" CLEARED "30 DAY" | sql "$database"
echo "filled in $(( $(now_ms) - fill_started )) ms: $(sql -N "$database" -e "SELECT CONCAT(
  (SELECT COUNT(*) FROM alarm WHERE state = 'RAISED'), ' raised alarms, ',
  (SELECT COUNT(*) FROM alarm WHERE state = 'CLEARED'), ' cleared alarms, ',
  (SELECT COUNT(*) FROM ticket WHERE status <> 'CLOSED'), ' open tickets')")"

printf '%4s %12s %20s %14s\n' run health-up-ms first-commit-ms session-facts
for run in $(seq 1 "$runs"); do
  start > "$work/run"   # not in a subshell: stop must see the pid
  stop
  cp "$work/correlator.log" "$work/last.log"
  read -r up committed facts < "$work/run"
  printf '%4s %12s %20s %14s\n' "$run" "$up" "$committed" "$facts"
  # the probe alarm opened nothing (a warning); take it out so that every run starts the same
  sql "$database" -e "DELETE FROM ticket_journal WHERE ticket_reference IN (SELECT ticket_reference FROM alarm WHERE source = 'bench-probe'); DELETE FROM alarm WHERE source = 'bench-probe'"
done
