#!/usr/bin/env bash
# Trap throughput, end to end: sent by the load generator -> committed in MariaDB.
# Usage: bench/trap-throughput.sh [seconds-per-step] [rates...]
#   e.g. bench/trap-throughput.sh 10 5000 10000 20000 40000 60000
# A warm-up of 15 s at 10,000 traps/s (WARMUP_RATE, WARMUP_SECONDS) comes first, unreported.
# With PROFILE=1, each step also prints where the CPU went: CPU milliseconds per 1,000 committed
# traps, by correlator thread group, MariaDB server and load generator (from /proc, utime+stime).
# Uses the MariaDB on 127.0.0.1:3306 (database noc_bench, recreated) when it answers, else the
# embedded one. Builds the jar first if it is missing. Prints one line per offered rate.
# INVENTORY=N imports N known devices first (see bench/lib.sh); DEVICES=N sends from N devices (500).
# JFR=1 records the measured steps (not the start, not the warm-up) with JFR's profile settings into
# target/bench.jfr (stack depth 256); ASYNC_PROFILER=path of libasyncProfiler.so samples them into
# target/bench-cpu.collapsed. bench/README.md says how to read both.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-10}; shift || true
rates=("${@:-5000 10000 20000 40000 60000}")
[ ${#rates[@]} -eq 1 ] && read -r -a rates <<< "${rates[0]}"
. bench/lib.sh

database_args fresh
start_correlator; login; import_inventory

# Warm-up, not reported: the JIT compiles the hot paths in the first seconds.
java -cp "$jar" noc.tools.LoadGenerator --target 127.0.0.1:$snmp --rate ${WARMUP_RATE:-10000} --seconds ${WARMUP_SECONDS:-15} \
  --devices ${DEVICES:-500} >/dev/null
await_committed 0 0 0
sleep 2

profile_start bench
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(java -version 2>&1 | head -1), $db, inventory ${INVENTORY:-0} devices"
printf '%10s %10s %10s %10s %10s %10s %12s %14s %15s\n' offered/s sent received dropped kernel committed committed/s \
  rules-us/event commit-us/event
for rate in "${rates[@]}"; do
  r0=$(metric noc_snmp_traps_received_total); d0=$(dropped); k0=$(kernel_drops $snmp); c0=$(committed)
  ru0=$(micros noc_engine_cycle_rules_seconds_sum); cu0=$(micros noc_engine_cycle_commit_seconds_sum)
  start=$(date +%s.%N)
  [ "${PROFILE:-0}" = 1 ] && cpu_snapshot > "$work/cpu-before"
  TIMEFORMAT='%U %S'
  { time java -cp "$jar" noc.tools.LoadGenerator --target 127.0.0.1:$snmp --rate "$rate" --seconds "$seconds" \
      --devices ${DEVICES:-500} > "$work/loadgen.out" ; } 2> "$work/loadgen.time"
  sent=$(awk '{print $2}' "$work/loadgen.out")
  # every trap received committed or counted as dropped (the listener may still be reading the
  # socket, the engine still committing its last cycle)
  await_committed "$r0" "$d0" "$c0"
  r=$(( $(metric noc_snmp_traps_received_total) - r0 )); d=$(( $(dropped) - d0 )); c=$(( $(committed) - c0 ))
  end=$(date +%s.%N)
  k=$(( $(kernel_drops $snmp) - k0 ))
  elapsed=$(echo "$end - $start" | bc -l)
  ru=$(( $(micros noc_engine_cycle_rules_seconds_sum) - ru0 )); cu=$(( $(micros noc_engine_cycle_commit_seconds_sum) - cu0 ))
  printf '%10d %10d %10d %10d %10d %10d %12.0f %14.1f %15.1f\n' "$rate" "$sent" "$r" "$d" "$k" "$c" \
    "$(echo "$c / $elapsed" | bc -l)" "$(echo "$ru / ($c + 1)" | bc -l)" "$(echo "$cu / ($c + 1)" | bc -l)"
  if [ "${PROFILE:-0}" = 1 ]; then
    cpu_snapshot > "$work/cpu-after"
    awk '{ printf "loadgen %d\n", ($1 + $2) * 1000 }' "$work/loadgen.time" >> "$work/cpu-after"
    cpu_per_thousand "$work/cpu-before" "$work/cpu-after" "$c" traps
  fi
done
profile_stop bench
