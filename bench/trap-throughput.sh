#!/usr/bin/env bash
# Trap throughput, end to end: sent by the load generator -> committed in MariaDB.
# Usage: bench/trap-throughput.sh [seconds-per-step] [rates...]
#   e.g. bench/trap-throughput.sh 10 5000 10000 20000 40000 60000
# Uses the MariaDB on 127.0.0.1:3306 (database noc_bench, recreated) when it answers, else the
# embedded one. Builds the jar first if it is missing. Prints one line per offered rate.
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
      --noc.rules.directory=rules --noc.mibs.directories=mibs --noc.embedded-database.directory="$work/data")
if command -v mariadb >/dev/null && mariadb -h127.0.0.1 -uroot -e 'DROP DATABASE IF EXISTS noc_bench; CREATE DATABASE noc_bench' 2>/dev/null; then
  args+=(--datasources.default.url=jdbc:mariadb://127.0.0.1:3306/noc_bench --datasources.default.username=root --datasources.default.password=)
  db="MariaDB server 127.0.0.1:3306"
else
  db="embedded MariaDB"
fi
java ${JAVA_OPTS:--Xmx2g} -jar "$jar" "${args[@]}" > "$work/correlator.log" 2>&1 &
pid=$!
for _ in $(seq 1 120); do curl -sf "localhost:$http/health" >/dev/null && break; sleep 0.5; done

metric() { curl -s "localhost:$http/prometheus" | awk -v m="$1" '$1 == m { v = $2 } END { printf "%d", v + 0 }'; }
dropped() { curl -s "localhost:$http/prometheus" | awk '/^noc_snmp_traps_dropped_total\{/ { s += $2 } END { printf "%d", s + 0 }'; }
# the listener's socket may be IPv4 or dual-stack IPv6: look in both tables
kernel_drops() { awk -v p=$(printf ':%04X' $snmp) '$2 ~ p"$" { d += $NF } END { print d + 0 }' /proc/net/udp /proc/net/udp6; }
queue() { curl -s "localhost:$http/health" | grep -o '"queueSize":[0-9]*' | cut -d: -f2; }

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(java -version 2>&1 | head -1), $db"
printf '%10s %10s %10s %10s %10s %10s %12s\n' offered/s sent received dropped kernel committed committed/s
for rate in "${rates[@]}"; do
  r0=$(metric noc_snmp_traps_received_total); d0=$(dropped); k0=$(kernel_drops)
  c0=$(metric 'noc_engine_events_committed_total{source="snmp"}')
  start=$(date +%s.%N)
  sent=$(java -cp "$jar" noc.tools.LoadGenerator --target 127.0.0.1:$snmp --rate "$rate" --seconds "$seconds" | awk '{print $2}')
  # wait for the engine to drain its queue and commit
  prev=-1
  for _ in $(seq 1 600); do
    c=$(metric 'noc_engine_events_committed_total{source="snmp"}')
    [ "$(queue)" = "0" ] && [ "$c" = "$prev" ] && break
    prev=$c; sleep 0.5
  done
  end=$(date +%s.%N)
  r=$(( $(metric noc_snmp_traps_received_total) - r0 )); d=$(( $(dropped) - d0 )); k=$(( $(kernel_drops) - k0 ))
  c=$(( $(metric 'noc_engine_events_committed_total{source="snmp"}') - c0 ))
  # the last 0.5 s poll only confirmed the drain
  elapsed=$(echo "$end - $start - 0.5" | bc -l)
  printf '%10d %10d %10d %10d %10d %10d %12.0f\n' "$rate" "$sent" "$r" "$d" "$k" "$c" "$(echo "$c / $elapsed" | bc -l)"
done
