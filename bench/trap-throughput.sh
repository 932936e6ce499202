#!/usr/bin/env bash
# Trap throughput, end to end: sent by the load generator -> committed in MariaDB.
# Usage: bench/trap-throughput.sh [seconds-per-step] [rates...]
#   e.g. bench/trap-throughput.sh 10 5000 10000 20000 40000 60000
# A warm-up of 15 s at 10,000 traps/s (WARMUP_RATE, WARMUP_SECONDS) comes first, unreported.
# With PROFILE=1, each step also prints where the CPU went: CPU milliseconds per 1,000 committed
# traps, by correlator thread group, MariaDB server and load generator (from /proc, utime+stime).
# Uses the MariaDB on 127.0.0.1:3306 (database noc_bench, recreated) when it answers, else the
# embedded one. Builds the jar first if it is missing. Prints one line per offered rate.
# INVENTORY=N imports N known devices first (see below).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-10}; shift || true
rates=("${@:-5000 10000 20000 40000 60000}")
[ ${#rates[@]} -eq 1 ] && read -r -a rates <<< "${rates[0]}"
jar=target/noc-correlator.jar
[ -f "$jar" ] || mvn -B -q package -DskipTests
http=18080; snmp=11162
work=$(mktemp -d); trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true; rm -rf "$work"' EXIT

args=(--micronaut.server.port=$http --noc.snmp.port=$snmp --noc.snmp.bind-address=127.0.0.1
      --noc.rules.directory=rules --noc.mibs.directories=mibs --noc.embedded-database.directory="$work/data"
      --noc.security.bootstrap-admin-password=bench-admin-password)
if command -v mariadb >/dev/null && mariadb -h127.0.0.1 -uroot -e 'DROP DATABASE IF EXISTS noc_bench; CREATE DATABASE noc_bench' 2>/dev/null; then
  args+=(--datasources.default.url=jdbc:mariadb://127.0.0.1:3306/noc_bench --datasources.default.username=root --datasources.default.password=)
  db="MariaDB server 127.0.0.1:3306"
else
  db="embedded MariaDB"
fi
java ${JAVA_OPTS:--Xmx2g} -jar "$jar" "${args[@]}" > "$work/correlator.log" 2>&1 &
pid=$!
for _ in $(seq 1 120); do curl -sf "localhost:$http/health" >/dev/null && break; sleep 0.5; done
# /prometheus needs the metrics role: log in as the admin the first start made
token=$(curl -s "localhost:$http/login" -H 'Content-Type: application/json' \
  -d '{"username": "admin", "password": "bench-admin-password"}' | sed 's/.*"access_token":"\([^"]*\)".*/\1/')

metric() { curl -s -H "Authorization: Bearer $token" "localhost:$http/prometheus" | awk -v m="$1" '$1 == m { v = $2 } END { printf "%d", v + 0 }'; }
# seconds as microseconds
micros() { curl -s -H "Authorization: Bearer $token" "localhost:$http/prometheus" | awk -v m="$1" '$1 == m { v = $2 } END { printf "%d", v * 1000000 }'; }
dropped() { curl -s -H "Authorization: Bearer $token" "localhost:$http/prometheus" | awk '/^noc_snmp_traps_dropped_total\{/ { s += $2 } END { printf "%d", s + 0 }'; }
# the listener's socket may be IPv4 or dual-stack IPv6: look in both tables
kernel_drops() { awk -v p=$(printf ':%04X' $snmp) '$2 ~ p"$" { d += $NF } END { print d + 0 }' /proc/net/udp /proc/net/udp6; }
# CPU milliseconds so far, by thread group of the correlator, and of the MariaDB server
cpu_snapshot() {
  for t in /proc/$pid/task/*/stat; do cat "$t" 2>/dev/null; echo; done | awk '
    NF { name = substr($0, index($0, "(") + 1); name = substr(name, 1, index(name, ")") - 1)
         rest = substr($0, index($0, ") ") + 2); split(rest, f, " ")
         g = name ~ /^DefaultUDP/ ? "listener" : name == "engine" ? "engine-rules" : name == "engine-commit" ? "engine-commit" \
           : name ~ /^(GC|G1)/ ? "gc" : name ~ /^C[12] / ? "jit" : "other-java"
         ms[g] += (f[12] + f[13]) * 10 }
    END { for (g in ms) print g, ms[g] }'
  for p in $(pgrep -x mariadbd); do awk '{ rest = substr($0, index($0, ") ") + 2); split(rest, f, " "); s += (f[12] + f[13]) * 10 } END { print "mariadb", s }' /proc/$p/stat; done \
    | awk '{ s += $2 } END { print "mariadb", s }'
}
queue() { curl -s "localhost:$http/health" | grep -o '"queueSize":[0-9]*' | cut -d: -f2; }

# With INVENTORY=N, an inventory of N devices is imported first: device i has the address the load
# generator's device i sends from (10.x.y.z) and one service of one of 100 customers, so that the
# rules join alarms to devices, services and customers as in a NOC whose equipment is all known.
if [ "${INVENTORY:-0}" -gt 0 ]; then
  awk -v n="$INVENTORY" 'BEGIN {
    printf "{\"customers\": ["; for (c = 0; c < 100; c++) printf "%s{\"name\": \"customer-%d\", \"contract\": \"standard\"}", (c ? "," : ""), c
    printf "], \"services\": ["; for (i = 0; i < n; i++) printf "%s{\"reference\": \"svc-%d\", \"customer\": \"customer-%d\", \"criticality\": \"high\", \"redundant\": %s}", (i ? "," : ""), i, i % 100, (i % 2 ? "true" : "false")
    printf "], \"devices\": ["; for (i = 0; i < n; i++) printf "%s{\"name\": \"dev-%d\", \"addresses\": [\"10.%d.%d.%d\"], \"services\": [\"svc-%d\"]}", (i ? "," : ""), i, int(i / 65536) % 256, int(i / 256) % 256, i % 256, i
    printf "]}" }' > "$work/inventory.json"
  curl -sf -X POST "localhost:$http/api/v1/inventory/import" -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    --data-binary @"$work/inventory.json" > /dev/null || { echo "inventory import failed" >&2; exit 1; }
fi

# Warm-up, not reported: the JIT compiles the hot paths in the first seconds.
java -cp "$jar" noc.tools.LoadGenerator --target 127.0.0.1:$snmp --rate ${WARMUP_RATE:-10000} --seconds ${WARMUP_SECONDS:-15} >/dev/null
for _ in $(seq 1 1200); do [ "$(queue)" = "0" ] && break; sleep 0.5; done
sleep 2

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(java -version 2>&1 | head -1), $db, inventory ${INVENTORY:-0} devices"
printf '%10s %10s %10s %10s %10s %10s %12s %14s %15s\n' offered/s sent received dropped kernel committed committed/s \
  rules-us/event commit-us/event
for rate in "${rates[@]}"; do
  r0=$(metric noc_snmp_traps_received_total); d0=$(dropped); k0=$(kernel_drops)
  c0=$(metric 'noc_engine_events_committed_total{source="snmp"}')
  ru0=$(micros noc_engine_cycle_rules_seconds_sum); cu0=$(micros noc_engine_cycle_commit_seconds_sum)
  start=$(date +%s.%N)
  [ "${PROFILE:-0}" = 1 ] && cpu_snapshot > "$work/cpu-before"
  TIMEFORMAT='%U %S'
  { time java -cp "$jar" noc.tools.LoadGenerator --target 127.0.0.1:$snmp --rate "$rate" --seconds "$seconds" \
      > "$work/loadgen.out" ; } 2> "$work/loadgen.time"
  sent=$(awk '{print $2}' "$work/loadgen.out")
  # wait until every trap received is committed or counted as dropped (the listener may still be
  # reading the socket, the engine still committing its last cycle)
  for _ in $(seq 1 3000); do
    r=$(( $(metric noc_snmp_traps_received_total) - r0 )); d=$(( $(dropped) - d0 ))
    c=$(( $(metric 'noc_engine_events_committed_total{source="snmp"}') - c0 ))
    [ "$c" -ge $(( r - d )) ] && [ "$(queue)" = "0" ] && break
    sleep 0.2
  done
  end=$(date +%s.%N)
  k=$(( $(kernel_drops) - k0 ))
  elapsed=$(echo "$end - $start" | bc -l)
  ru=$(( $(micros noc_engine_cycle_rules_seconds_sum) - ru0 )); cu=$(( $(micros noc_engine_cycle_commit_seconds_sum) - cu0 ))
  printf '%10d %10d %10d %10d %10d %10d %12.0f %14.1f %15.1f\n' "$rate" "$sent" "$r" "$d" "$k" "$c" \
    "$(echo "$c / $elapsed" | bc -l)" "$(echo "$ru / ($c + 1)" | bc -l)" "$(echo "$cu / ($c + 1)" | bc -l)"
  if [ "${PROFILE:-0}" = 1 ]; then
    cpu_snapshot > "$work/cpu-after"
    awk '{ printf "loadgen %d\n", ($1 + $2) * 1000 }' "$work/loadgen.time" >> "$work/cpu-after"
    awk -v n="$c" 'NR == FNR { before[$1] = $2; next } { used[$1] += $2 - before[$1] }
      END { printf "    CPU ms per 1,000 traps:"; for (g in used) printf " %s %.1f", g, used[g] * 1000 / (n + 1); print "" }' \
      "$work/cpu-before" "$work/cpu-after"
  fi
done
