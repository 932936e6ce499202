# Shared by the benchmarks (sourced, not run, from the repository's root): build the jar if it is
# missing, start the correlator, read its metrics, read the kernel's drops and the CPU time of
# processes. Sets $jar, $http, $snmp and $work, and an EXIT trap that stops the correlator, keeps
# its log and removes $work (a script that starts more extends it).

jar=${JAR:-target/noc-correlator.jar}
[ -f "$jar" ] || mvn -B -q package -DskipTests
http=18080; snmp=11162
work=$(mktemp -d)
password=bench-admin-password
pid=
trap 'stop_correlator; keep_log; rm -rf "$work"' EXIT

# The MariaDB server on 127.0.0.1:3306 when it answers (database noc_bench), else the embedded one
# (its data in $work/data). With "fresh", noc_bench is dropped and created again.
database_args() {
  if command -v mariadb >/dev/null && mariadb -h127.0.0.1 -uroot -e 'SELECT 1' >/dev/null 2>&1; then
    [ "${1:-}" = fresh ] && mariadb -h127.0.0.1 -uroot -e 'DROP DATABASE IF EXISTS noc_bench; CREATE DATABASE noc_bench'
    db_args=(--datasources.default.url=jdbc:mariadb://127.0.0.1:3306/noc_bench --datasources.default.username=root
             --datasources.default.password=)
    db="MariaDB server 127.0.0.1:3306"
  else
    db_args=(--noc.embedded-database.directory="$work/data")
    db="embedded MariaDB"
  fi
}

# Starts the correlator in the background (call it in this shell, not in $(...)) and waits for
# /health UP, at most 120 s.
start_correlator() {
  local jfr=()
  [ "${JFR:-0}" = 1 ] && jfr=(-XX:FlightRecorderOptions=stackdepth=256)
  java ${JAVA_OPTS:--Xmx2g} "${jfr[@]}" -jar "$jar" --micronaut.server.port=$http --noc.snmp.port=$snmp \
    --noc.snmp.bind-address=127.0.0.1 --noc.rules.directory=${RULES:-rules} --noc.mibs.directories=mibs \
    --noc.rules.watch=false --noc.security.bootstrap-admin-password=$password "${db_args[@]}" \
    ${CORRELATOR_ARGS:-} >> "$work/correlator.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 2400); do
    curl -sf --max-time 2 "localhost:$http/health" 2>/dev/null | grep -q '"status":"UP"' && break
    kill -0 $pid 2>/dev/null || { tail -50 "$work/correlator.log" >&2; echo "the correlator did not start" >&2; exit 1; }
    sleep 0.05
  done
}

# Profiles the measured steps, from profile_start to profile_stop, into target/$1.jfr (JFR=1: JFR's
# profile settings) or target/$1-cpu.collapsed (ASYNC_PROFILER=path of libasyncProfiler.so: CPU samples
# every millisecond of every thread, JIT and GC threads included, as collapsed stacks).
profile_start() {
  mkdir -p target
  if [ "${JFR:-0}" = 1 ]; then
    jcmd "$pid" JFR.start name=bench settings=profile filename="$PWD/target/$1.jfr" > /dev/null
  fi
  if [ -n "${ASYNC_PROFILER:-}" ]; then
    jcmd "$pid" JVMTI.agent_load "$ASYNC_PROFILER" "\"start,event=cpu,interval=1ms,threads\"" > /dev/null
  fi
}
profile_stop() {
  if [ "${JFR:-0}" = 1 ]; then
    jcmd "$pid" JFR.stop name=bench > /dev/null; echo "recording: target/$1.jfr"
  fi
  if [ -n "${ASYNC_PROFILER:-}" ]; then
    jcmd "$pid" JVMTI.agent_load "$ASYNC_PROFILER" "\"stop,collapsed,file=$PWD/target/$1-cpu.collapsed\"" > /dev/null
    echo "cpu samples: target/$1-cpu.collapsed"
  fi
}

# /prometheus needs the metrics role: logs in as the admin the first start made ($token).
login() {
  token=$(curl -s "localhost:$http/login" -H 'Content-Type: application/json' \
    -d "{\"username\": \"admin\", \"password\": \"$password\"}" | sed 's/.*"access_token":"\([^"]*\)".*/\1/')
}

# Stops the correlator started last (SIGTERM, then waits; SIGKILL after 60 s).
stop_correlator() {
  [ -n "$pid" ] || return 0
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 600); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  pid=
}

# The correlator's log of the run, kept as target/bench-correlator.log.
keep_log() { [ -f "$work/correlator.log" ] && mkdir -p target && cp "$work/correlator.log" target/bench-correlator.log || true; }

prometheus() { curl -s --max-time 5 -H "Authorization: Bearer $token" "localhost:$http/prometheus"; }
metric() { prometheus | awk -v m="$1" '$1 == m { v = $2 } END { printf "%d", v + 0 }'; }
# seconds as microseconds
micros() { prometheus | awk -v m="$1" '$1 == m { v = $2 } END { printf "%d", v * 1000000 }'; }
# The correlator's dropped traps so far, a line "reason count" each (those above 0), and their sum.
drops_by_reason() {
  prometheus | awk -F'[{}]' '/^noc_snmp_traps_dropped_total\{/ { split($3, v, " "); r = $2
    gsub(/^reason="|"$/, "", r); if (v[1] > 0) printf "%s %d\n", r, v[1] }'
}
dropped() { drops_by_reason | awk '{ s += $2 } END { printf "%d", s + 0 }'; }
committed() { metric 'noc_engine_events_committed_total{source="snmp"}'; }
queue() { curl -s --max-time 2 "localhost:$http/health" | grep -o '"queueSize":[0-9]*' | cut -d: -f2; }

# 1 while the UDP socket on port $1 holds datagrams its owner has not read yet, else 0.
socket_backlog() { awk -v p=$(printf ':%04X' "$1") '$2 ~ p"$" { split($5, q, ":"); if (q[2] !~ /^0+$/) b = 1 } END { print b + 0 }' /proc/net/udp /proc/net/udp6; }
# Datagrams the kernel dropped on UDP port $1 (a socket may be IPv4 or dual-stack IPv6: both tables).
kernel_drops() { awk -v p=$(printf ':%04X' "$1") '$2 ~ p"$" { d += $NF } END { print d + 0 }' /proc/net/udp /proc/net/udp6; }

# CPU milliseconds (user + system) a process has used so far, all its threads.
cpu_ms() { awk '{ rest = substr($0, index($0, ") ") + 2); split(rest, f, " "); print (f[12] + f[13]) * 10 }' "/proc/$1/stat" 2>/dev/null || echo 0; }
# The same for every mariadbd on the machine (the server the correlator writes to).
mariadb_cpu_ms() { local s=0; for p in $(pgrep -x mariadbd); do s=$(( s + $(cpu_ms "$p") )); done; echo $s; }
# CPU milliseconds so far, by thread group of the correlator ($pid), and of the MariaDB server:
# listener (SNMP reading and decoding), http (Netty's event loops: HTTP, JSON, decoding), engine-rules,
# engine-commit, the collector's gc-pause, gc-refine, gc-mark and gc-other, jit, other-java; mariadb.
cpu_snapshot() {
  for t in /proc/$pid/task/*/stat; do cat "$t" 2>/dev/null; echo; done | awk '
    NF { name = substr($0, index($0, "(") + 1); name = substr(name, 1, index(name, ")") - 1)
         rest = substr($0, index($0, ") ") + 2); split(rest, f, " ")
         g = name ~ /^(DefaultUDP|snmp-)/ ? "listener" : name ~ /eventLo/ ? "http" \
           : name == "engine" ? "engine-rules" : name == "engine-commit" ? "engine-commit" \
           : name ~ /^GC Thread/ ? "gc-pause" : name ~ /^G1 Refine/ ? "gc-refine" \
           : name ~ /^G1 (Conc|Main)/ ? "gc-mark" : name ~ /^(GC|G1)/ ? "gc-other" : name ~ /^C[12] / ? "jit" : "other-java"
         ms[g] += (f[12] + f[13]) * 10 }
    END { for (g in ms) print g, ms[g] }'
  echo "mariadb $(mariadb_cpu_ms)"
}
# Prints the CPU milliseconds per 1,000 of n ($3) units ($4: traps, alerts) between two snapshots
# ($1, $2), by group.
cpu_per_thousand() {
  awk -v n="$3" -v unit="$4" 'NR == FNR { before[$1] = $2; next } { used[$1] += $2 - before[$1] }
    END { printf "    CPU ms per 1,000 %s:", unit; for (g in used) printf " %s %.1f", g, used[g] * 1000 / (n + 1); print "" }' \
    "$1" "$2"
}

# With INVENTORY=N, imports N known devices: device i has the address the load generator's device i
# sends from (10.x.y.z) and one service of one of 100 customers, so that the rules join alarms to
# devices, services and customers as in a NOC whose equipment is all known.
import_inventory() {
  [ "${INVENTORY:-0}" -gt 0 ] || return 0
  awk -v n="$INVENTORY" 'BEGIN {
    printf "{\"customers\": ["; for (c = 0; c < 100; c++) printf "%s{\"name\": \"customer-%d\", \"contract\": \"standard\"}", (c ? "," : ""), c
    printf "], \"services\": ["; for (i = 0; i < n; i++) printf "%s{\"reference\": \"svc-%d\", \"customer\": \"customer-%d\", \"criticality\": \"high\", \"redundant\": %s}", (i ? "," : ""), i, i % 100, (i % 2 ? "true" : "false")
    printf "], \"devices\": ["; for (i = 0; i < n; i++) printf "%s{\"name\": \"dev-%d\", \"addresses\": [\"10.%d.%d.%d\"], \"services\": [\"svc-%d\"]}", (i ? "," : ""), i, int(i / 65536) % 256, int(i / 256) % 256, i % 256, i
    printf "]}" }' > "$work/inventory.json"
  curl -sf -X POST "localhost:$http/api/v1/inventory/import" -H "Authorization: Bearer $token" \
    -H 'Content-Type: application/json' --data-binary @"$work/inventory.json" > /dev/null \
    || { echo "inventory import failed" >&2; exit 1; }
}

# Waits, at most 600 s, until every trap received since the counters $1 (received), $2 (dropped)
# and $3 (committed) were read is committed or counted dropped, and the queue is empty. One scrape
# of /prometheus a step, every 0.2 s: a scrape per figure (and /health for the queue) made the
# correlator answer 20 requests a second while it drained a backlog, CPU counted as its own.
await_committed() {
  local r d c q scrape
  for _ in $(seq 1 3000); do
    scrape=$(prometheus)
    read -r r d c q <<< "$(awk '$1 == "noc_snmp_traps_received_total" { r = $2 }
      /^noc_snmp_traps_dropped_total\{/ { d += $2 }
      $1 == "noc_engine_events_committed_total{source=\"snmp\"}" { c = $2 }
      $1 == "noc_engine_queue_size" { q = $2 }
      END { printf "%d %d %d %d", r + 0, d + 0, c + 0, (q == "" ? -1 : q) }' <<< "$scrape")"
    r=$(( r - $1 )); d=$(( d - $2 )); c=$(( c - $3 ))
    [ "$c" -ge $(( r - d )) ] && [ "$q" = "0" ] && [ "$(socket_backlog "$snmp")" = 0 ] && return 0
    sleep 0.2
  done
  echo "gave up waiting for the commits after 600 s" >&2
}
