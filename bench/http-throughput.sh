#!/usr/bin/env bash
# HTTP intake throughput, end to end: Alertmanager webhooks (version 4, 100 alerts a request) sent to
# POST /api/v1/alertmanager -> answered 2xx, which the correlator does only once the alerts' cycle is
# committed in MariaDB. Compared with Prometheus Alertmanager's own ingest on the development machine
# (issue #13): 13,000 alerts/s with 1 connection, 20,000/s with 2.
# Usage: bench/http-throughput.sh [seconds-per-step] [connections...]   (default: 10 s, 1 2)
#   e.g. INVENTORY=5000 flock /tmp/noc-mvn.lock bench/http-throughput.sh 10 1 2 4
# Each connection is one keep-alive HTTP/1.1 connection whose thread waits for an answer before
# sending the next request, as Alertmanager's webhook sender does (noc.tools.AlertLoadGenerator).
# The sender authenticates with an API token of the intake role, made here by the admin, as an
# Alertmanager would. A warm-up of 15 s with 2 connections (WARMUP_SECONDS, WARMUP_CONNECTIONS) comes
# first, unreported. INVENTORY=N imports N known devices (bench/lib.sh; the alerts' instance labels
# are those devices' addresses); SOURCES (default INVENTORY, else 5000) sets how many sources send,
# SERIES (20000) how many distinct alert series, BATCH (100) alerts per request; SEVERITY=warning
# gives every alert that severity (no monitoring rule opens a ticket then), instead of the mix of
# alert names where a third are critical or major and open or join their source's ticket.
# JFR=1 records the measured steps with JFR's profile settings into target/bench-http.jfr;
# ASYNC_PROFILER=path of libasyncProfiler.so samples them into target/bench-http-cpu.collapsed. PROFILE=1
# prints, per step, the CPU milliseconds per 1,000 committed alerts by thread group of the correlator
# (http: Netty's event loops; see bench/lib.sh, cpu_snapshot) and of the MariaDB server.
# Uses the MariaDB on 127.0.0.1:3306 (database noc_bench, recreated) when it answers, else the
# embedded one. Loopback only; bounded; stops what it starts by PID. Run it under
# flock /tmp/noc-mvn.lock on a shared machine.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-10}; shift || true
connections=("${@:-1 2}")
[ ${#connections[@]} -eq 1 ] && read -r -a connections <<< "${connections[0]}"
. bench/lib.sh
sources=${SOURCES:-$(( ${INVENTORY:-0} > 0 ? INVENTORY : 5000 ))}
batch=${BATCH:-100}

alertmanager_committed() { metric 'noc_engine_events_committed_total{source="alertmanager"}'; }
# Alertmanager's ingest on this machine, as issue #13 measured it; none for other connection counts.
alertmanager_rate() { case $1 in 1) echo 13000 ;; 2) echo 20000 ;; *) echo 0 ;; esac; }
loadgen() { # connections seconds: the generator's two lines (counts, latency)
  java -cp "$jar" noc.tools.AlertLoadGenerator --target 127.0.0.1:$http --token "$intake_token" \
    --connections "$1" --seconds "$2" --sources "$sources" --series "${SERIES:-20000}" --batch "$batch" \
    ${SEVERITY:+--severity "$SEVERITY"}
}
field() { awk -v k="$1" '{ for (i = 1; i < NF; i++) if ($i == k) { print $(i + 1); exit } }' "$2"; }

database_args fresh
start_correlator; login; import_inventory
# The sender's credential: an API token with the intake role, as Alertmanager is given.
intake_token=$(curl -sf -X POST "localhost:$http/api/v1/api-tokens" -H "Authorization: Bearer $token" \
  -H 'Content-Type: application/json' -d '{"name": "bench-alertmanager", "roles": ["intake"]}' \
  | sed 's/.*"token":"\([^"]*\)".*/\1/')
[ -n "$intake_token" ] || { echo "could not make the intake API token" >&2; exit 1; }

# Warm-up, not reported: the JIT compiles the hot paths in the first seconds.
loadgen "${WARMUP_CONNECTIONS:-2}" "${WARMUP_SECONDS:-15}" > "$work/warmup.out"
grep -q ' errors 0 ' "$work/warmup.out" || { cat "$work/warmup.out" >&2; echo "the warm-up had errors" >&2; }
for _ in $(seq 1 600); do [ "$(queue)" = 0 ] && break; sleep 0.1; done
sleep 2

profile_start bench-http
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(java -version 2>&1 | head -1), $db," \
  "inventory ${INVENTORY:-0} devices, $sources sources, $batch alerts a request, $(date -u '+%Y-%m-%d %H:%M UTC')"
printf '%5s %9s %9s %9s %9s %9s %10s %10s %6s %7s %7s %12s %6s %7s %9s %10s\n' conns requests alerts 2xx-alerts committed \
  other alerts/s alertmgr/s ratio p50-ms p99-ms cpu-us/alert db-us cycles rules-ms commit-ms
for n in "${connections[@]}"; do
  c0=$(alertmanager_committed); j0=$(cpu_ms "$pid"); m0=$(mariadb_cpu_ms)
  y0=$(metric noc_engine_cycles_total); ru0=$(micros noc_engine_cycle_rules_seconds_sum)
  cu0=$(micros noc_engine_cycle_commit_seconds_sum)
  [ "${PROFILE:-0}" = 1 ] && cpu_snapshot > "$work/cpu-before"
  loadgen "$n" "$seconds" > "$work/loadgen.out"
  # every 2xx was answered after its commit; other answers (503, errors) committed nothing
  for _ in $(seq 1 600); do [ "$(queue)" = 0 ] && break; sleep 0.1; done
  c=$(( $(alertmanager_committed) - c0 )); j=$(( $(cpu_ms "$pid") - j0 )); m=$(( $(mariadb_cpu_ms) - m0 ))
  y=$(( $(metric noc_engine_cycles_total) - y0 )); ru=$(( $(micros noc_engine_cycle_rules_seconds_sum) - ru0 ))
  cu=$(( $(micros noc_engine_cycle_commit_seconds_sum) - cu0 ))
  out="$work/loadgen.out"
  requests=$(field requests "$out"); alerts=$(field alerts "$out"); ok=$(field alerts-2xx "$out")
  rate=$(field alerts/s "$out"); statuses=$(field statuses "$out"); errors=$(field errors "$out")
  other=$(( requests - $(field answered-2xx "$out") ))
  am=$(alertmanager_rate "$n")
  ratio=$( [ "$am" -gt 0 ] && echo "$rate / $am" | bc -l || echo 0)
  printf '%5d %9d %9d %9d %9d %9d %10.0f %10s %6s %7s %7s %12.1f %6.1f %7d %9.2f %10.2f\n' "$n" "$requests" "$alerts" \
    "$ok" "$c" "$other" "$rate" "$( [ "$am" -gt 0 ] && echo "$am" || echo -)" \
    "$( [ "$am" -gt 0 ] && printf '%.2f' "$ratio" || echo -)" "$(field p50 <(sed -n 2p "$out"))" \
    "$(field p99 <(sed -n 2p "$out"))" "$(echo "($j + $m) * 1000 / ($c + 1)" | bc -l)" "$(echo "$m * 1000 / ($c + 1)" | bc -l)" "$y" \
    "$(echo "$ru / 1000 / ($y + 1)" | bc -l)" "$(echo "$cu / 1000 / ($y + 1)" | bc -l)"
  [ "$other" -eq 0 ] || echo "      answers by status: $statuses; connection errors: $errors ($(sed -n 3p "$out"))"
  if [ "${PROFILE:-0}" = 1 ]; then
    cpu_snapshot > "$work/cpu-after"
    cpu_per_thousand "$work/cpu-before" "$work/cpu-after" "$c" alerts
  fi
done
echo "cpu-us/alert: CPU of the correlator's JVM and of mariadbd (user + system, /proc) per committed alert, db-us" \
  "mariadbd's share;" \
  "cycles: engine cycles (transactions) in the step; rules-ms, commit-ms: a cycle's mean time firing the rules," \
  "committing"
profile_stop bench-http
