#!/usr/bin/env bash
# Side by side: net-snmp's snmptrapd (numeric output to a file) and the correlator (full rules, every
# trap committed in MariaDB), at the same offered rates, with the same load generator and traps.
# Usage: bench/compare.sh [--cold] [seconds-per-rate] [rates...]
#   e.g. INVENTORY=5000 bench/compare.sh 10 5000 10000 15000 20000 30000 40000
# Warm (default): each receiver takes a 15 s warm-up at 10,000 traps/s (WARMUP_RATE, WARMUP_SECONDS),
# unreported, then each rate in turn. --cold: each receiver is started again for each rate, and the
# blast starts the moment it is ready (snmptrapd: its port is bound; the correlator: /health is UP),
# as when a correlator restarted during an outage meets the storm.
# The two take turns at each rate. The correlator is also run at twice snmptrapd's loss-free rate
# when that rate is not in the list.
# Loopback only; bounded (every wait has a limit); stops what it starts by PID. Installs snmptrapd
# (Debian's package snmptrapd) when it is missing. INVENTORY (default 5000) known devices are imported
# first, and the load generator sends from that many devices (DEVICES to change it).
set -euo pipefail
cd "$(dirname "$0")/.."
cold=0
if [ "${1:-}" = --cold ]; then cold=1; shift; fi
seconds=${1:-10}; shift || true
rates=("${@:-5000 10000 15000 20000 30000 40000}")
[ ${#rates[@]} -eq 1 ] && read -r -a rates <<< "${rates[0]}"
INVENTORY=${INVENTORY:-5000}
devices=${DEVICES:-$(( INVENTORY > 0 ? INVENTORY : 500 ))}
. bench/lib.sh
trapd_port=11164
trapd_pid=
stop_trapd() {
  [ -n "$trapd_pid" ] || return 0
  kill "$trapd_pid" 2>/dev/null || true; wait "$trapd_pid" 2>/dev/null || true; trapd_pid=
}
trap 'stop_trapd; stop_correlator; keep_log; rm -rf "$work"' EXIT

if ! command -v snmptrapd >/dev/null; then
  echo "installing snmptrapd (net-snmp)" >&2
  if [ "$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq snmptrapd >/dev/null
  else sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq snmptrapd >/dev/null; fi
fi

# snmptrapd: no authorization checks, no MIBs (numeric output), one line per trap in a file
printf 'disableAuthorization yes\nformat2 %%a %%v\\n\nformat1 %%a %%v\\n\n' > "$work/snmptrapd.conf"
start_trapd() {
  : > "$work/snmptrapd.out"
  snmptrapd -f -C -c "$work/snmptrapd.conf" -n -On -m '' -M /dev/null -Lf "$work/snmptrapd.out" \
    "udp:127.0.0.1:$trapd_port" 2> "$work/snmptrapd.err" &
  trapd_pid=$!
  for _ in $(seq 1 200); do
    [ "$(awk -v p=$(printf ':%04X' $trapd_port) '$2 ~ p"$" { n++ } END { print n + 0 }' /proc/net/udp)" -gt 0 ] && return 0
    kill -0 $trapd_pid 2>/dev/null || { cat "$work/snmptrapd.err" >&2; exit 1; }
    sleep 0.05
  done
  echo "snmptrapd did not bind udp:127.0.0.1:$trapd_port" >&2; exit 1
}
# traps snmptrapd has written out (its first line is its version banner)
trapd_handled() { local n; n=$(wc -l < "$work/snmptrapd.out"); echo $(( n > 0 ? n - 1 : 0 )); }

now() { date +%s.%N; }
loadgen() { # port rate: sends, prints how many were sent
  java -cp "$jar" noc.tools.LoadGenerator --target "127.0.0.1:$1" --rate "$2" --seconds "$seconds" \
    --devices "$devices" | awk '{ print $2 }'
}
results="$work/results"
row() { # receiver rate sent received kernel handled elapsed cpu-ms
  printf '%-12s %9d %9d %9d %9d %9d %10.0f %9.1f\n' "$1" "$2" "$3" "$4" "$5" "$6" \
    "$(echo "$6 / $7" | bc -l)" "$(echo "$8 * 1000 / ($6 + 1)" | bc -l)" | tee -a "$results"
}

# One rate through snmptrapd: handled when written to its file; done when its socket is empty and
# the file has not grown for a second (at most 300 s).
trapd_rate() {
  local rate=$1 h0 k0 c0 start sent h last changed k
  h0=$(trapd_handled); k0=$(kernel_drops $trapd_port); c0=$(cpu_ms $trapd_pid); start=$(now)
  sent=$(loadgen $trapd_port "$rate")
  last=-1; changed=$(now)
  for _ in $(seq 1 1500); do
    h=$(trapd_handled)
    if [ "$h" != "$last" ]; then last=$h; changed=$(now)
    elif [ "$(socket_backlog $trapd_port)" = 0 ] && [ "$(echo "$(now) - $changed > 1" | bc -l)" = 1 ]; then break; fi
    sleep 0.2
  done
  k=$(( $(kernel_drops $trapd_port) - k0 ))
  h=$(( h - h0 ))
  row snmptrapd "$rate" "$sent" $(( sent - k )) "$k" "$h" "$(echo "$changed - $start" | bc -l)" $(( $(cpu_ms $trapd_pid) - c0 ))
}

# One rate through the correlator: handled when committed in MariaDB.
correlator_rate() {
  local rate=$1 r0 d0 c0 k0 cpu0 start sent k c
  r0=$(metric noc_snmp_traps_received_total); d0=$(dropped); c0=$(committed); k0=$(kernel_drops $snmp)
  cpu0=$(( $(cpu_ms $pid) + $(mariadb_cpu_ms) )); start=$(now)
  sent=$(loadgen $snmp "$rate")
  await_committed "$r0" "$d0" "$c0"
  k=$(( $(kernel_drops $snmp) - k0 )); c=$(( $(committed) - c0 ))
  row correlator "$rate" "$sent" $(( $(metric noc_snmp_traps_received_total) - r0 )) "$k" "$c" \
    "$(echo "$(now) - $start" | bc -l)" $(( $(cpu_ms $pid) + $(mariadb_cpu_ms) - cpu0 ))
  said_dropped $(( $(dropped) - d0 ))
}

# Received is not handled: a datagram the correlator took off the socket and then dropped (its
# receive backlog full, malformed...) is counted by reason; says so under the row when there were any.
said_dropped() {
  [ "$1" -gt 0 ] || return 0
  echo "             of them dropped by the correlator, counted by reason: $1 (since its start:" \
    "$(drops_by_reason | paste -sd, - | sed 's/,/, /g'))"
}

# The correlator cold: started on the database the first start filled, the blast sent the moment
# /health is UP (the counters of a fresh start are zero).
correlator_cold_rate() {
  local rate=$1 start sent k c cpu0
  start_correlator
  start=$(now); cpu0=$(mariadb_cpu_ms)
  loadgen $snmp "$rate" > "$work/sent" &
  local lg=$!
  login
  wait $lg; sent=$(cat "$work/sent")
  await_committed 0 0 0
  k=$(kernel_drops $snmp); c=$(committed)
  row correlator "$rate" "$sent" "$(metric noc_snmp_traps_received_total)" "$k" "$c" \
    "$(echo "$(now) - $start" | bc -l)" $(( $(cpu_ms $pid) + $(mariadb_cpu_ms) - cpu0 ))
  said_dropped "$(dropped)"
  stop_correlator
}

database_args fresh
mode=$([ $cold = 1 ] && echo "cold: each receiver started again for each rate" || echo "warm: ${WARMUP_SECONDS:-15} s at ${WARMUP_RATE:-10000}/s first")
echo "$(date -u '+%Y-%m-%d %H:%M UTC'); machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f", $2 / 1048576 }' /proc/meminfo) GiB, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')"
echo "load average $(cut -d" " -f1-3 /proc/loadavg); $(java -version 2>&1 | head -1); $(snmptrapd --version 2>&1 | grep -m1 -io 'NET-SNMP version.*' | tr -s ' '); correlator on $db; inventory $INVENTORY devices; load from $devices devices; $seconds s per rate; $mode"
printf '%-12s %9s %9s %9s %9s %9s %10s %9s\n' receiver offered/s sent received kernel handled handled/s cpu-us/trap

# The two receivers take turns at each rate, so that a machine whose speed drifts (a virtual
# machine's neighbours) treats them alike.
if [ $cold = 1 ]; then
  start_correlator; login; import_inventory; stop_correlator
  for rate in "${rates[@]}"; do
    start_trapd; trapd_rate "$rate"; stop_trapd
    correlator_cold_rate "$rate"
  done
else
  start_trapd
  start_correlator; login; import_inventory
  loadgen $trapd_port "${WARMUP_RATE:-10000}" >/dev/null
  java -cp "$jar" noc.tools.LoadGenerator --target 127.0.0.1:$snmp --rate "${WARMUP_RATE:-10000}" \
    --seconds "${WARMUP_SECONDS:-15}" --devices "$devices" > /dev/null
  await_committed 0 0 0
  sleep 2
  for rate in "${rates[@]}"; do trapd_rate "$rate"; correlator_rate "$rate"; done
fi

# snmptrapd's loss-free rate (the highest offered rate it handled entirely) sets the correlator's
# target: twice that, run now when the rates did not include it.
trapd_free=$(awk '$1 == "snmptrapd" && $6 == $3 && $2 > m { m = $2 } END { print m + 0 }' "$results")
if [ "$trapd_free" -gt 0 ] && ! printf '%s\n' "${rates[@]}" | grep -qx $(( 2 * trapd_free )); then
  if [ $cold = 1 ]; then correlator_cold_rate $(( 2 * trapd_free )); else correlator_rate $(( 2 * trapd_free )); fi
fi
stop_trapd; stop_correlator

echo
awk -v free="$trapd_free" '
  { if ($7 > most[$1]) most[$1] = $7; if ($6 == $3 && $2 > lossless[$1]) lossless[$1] = $2
    if (!lowest || $2 < lowest) lowest = $2
    if ($1 == "correlator" && $2 == 2 * free) at2 = ($6 == $3) ? "no loss" : sprintf("LOST %d of %d", $3 - $6, $3) }
  END {
    printf "most handled/s:  snmptrapd %d, correlator %d: ratio %.2f (aim: 3)\n", most["snmptrapd"], most["correlator"],
      most["snmptrapd"] ? most["correlator"] / most["snmptrapd"] : 0
    if (lossless["snmptrapd"])
      printf "loss-free up to: snmptrapd %d/s, correlator %d/s: ratio %.2f (aim: 2)\n", lossless["snmptrapd"],
        lossless["correlator"], lossless["correlator"] / lossless["snmptrapd"]
    else # no ratio to take: snmptrapd lost traps even at the lowest rate, so its loss-free rate is below it
      printf "loss-free up to: snmptrapd none (it lost traps at every rate, %d/s the lowest), correlator %d/s: " \
        "ratio above %.2f (aim: 2)\n", lowest, lossless["correlator"], lossless["correlator"] / lowest
    if (free) printf "correlator at 2 x snmptrapd loss-free rate (%d/s): %s\n", 2 * free, at2 }' "$results"
