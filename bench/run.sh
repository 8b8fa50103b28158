#!/usr/bin/env bash
# Start-up time and memory of Planflow against a bare Camunda 7.24 Spring Boot app.
# Usage: bash bench/run.sh            (see bench/README.md for the knobs)
# A benchmark, not a test: it prints PASS/OVER against the goal and always exits 0
# (unless the baseline itself cannot be built or run).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
BASE_DIR="$ROOT/bench/baseline"

RUNS=${RUNS:-3}                  # runs per app, interleaved
XMX=${XMX:-512m}
JAVA_OPTS=${JAVA_OPTS:-}         # extra JVM flags, applied to both apps
SETTLE=${SETTLE:-5}              # seconds between the first 200 and the RSS sample
REQUESTS=${REQUESTS:-20}         # requests before the second RSS sample
TIMEOUT=${TIMEOUT:-240}          # seconds to wait for the page before giving up
PF_PATH=${PF_PATH:-/login}      # Planflow page whose first 200 ends the start-up
PF_ARGS=${PF_ARGS:-}             # extra Planflow arguments, e.g. --spring.profiles.active=x
GOAL=${GOAL:-1.2}                # goal for planflow/baseline, both metrics
DEMO=${DEMO:-true}               # false: start as production does, without demo users and data
SKIP_BUILD=${SKIP_BUILD:-}       # set to 1 to reuse the jars already built
JAVA=${JAVA:-java}
[[ -n ${JAVA_HOME:-} && $JAVA == java ]] && JAVA="$JAVA_HOME/bin/java"

WORK=$(mktemp -d "${TMPDIR:-/tmp}/planflow-bench.XXXXXX")
APP_PID=
# Stop the JVM under test (TERM, then KILL after 15 s).
cleanup_app() {
  [[ -n $APP_PID ]] || return 0
  kill "$APP_PID" 2>/dev/null || true
  for _ in $(seq 1 150); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 0.1; done
  kill -9 "$APP_PID" 2>/dev/null || true
  wait "$APP_PID" 2>/dev/null || true
  APP_PID=
}
# shellcheck disable=SC2317  # called from the EXIT trap
cleanup() { cleanup_app; rm -rf "$WORK"; }
trap cleanup EXIT
trap 'exit 130' INT TERM

log() { printf '%s\n' "$*" >&2; }

# A free TCP port on the loopback interface (nothing answers a connect to it).
free_port() {
  local p
  for _ in $(seq 1 200); do
    p=$((20000 + RANDOM % 20000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then echo "$p"; return; fi
  done
  log "no free port found"; return 1
}

# The runnable Spring Boot jar in DIR/target (not the -plain one).
boot_jar() {
  find "$1/target" -maxdepth 1 -name '*.jar' ! -name '*-plain.jar' ! -name '*-sources.jar' \
    -printf '%s %p\n' 2>/dev/null | sort -n | tail -n1 | cut -d' ' -f2-
}

now() { date +%s.%N; }
# CPU seconds (user+sys, all threads) the process has used so far.
cpu_s() { awk -v hz="$(getconf CLK_TCK)" '{printf "%.2f", ($14 + $15) / hz}' "/proc/$1/stat"; }
rss_mib() { awk '/^VmRSS:/ {printf "%.0f", $2/1024}' "/proc/$1/status"; }
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {if (NR==0) print "n/a"; else if (NR%2) print a[(NR+1)/2]; else printf "%.3f\n", (a[NR/2]+a[NR/2+1])/2}'; }

# ---------------------------------------------------------------------------
# Build
PLANFLOW_OK=1
if [[ -z $SKIP_BUILD ]]; then
  log "==> building Planflow (mvn -B -q -DskipTests package)"
  if ! (cd "$ROOT" && mvn -B -q -DskipTests package) >"$WORK/build-planflow.log" 2>&1; then
    log "Planflow did not build; last lines:"; tail -n 30 "$WORK/build-planflow.log" >&2
    PLANFLOW_OK=
  fi
  log "==> building baseline (bench/baseline)"
  (cd "$BASE_DIR" && mvn -B -q -DskipTests package) >"$WORK/build-baseline.log" 2>&1 || {
    log "baseline did not build:"; tail -n 30 "$WORK/build-baseline.log" >&2; exit 1; }
fi
BASE_JAR=$(boot_jar "$BASE_DIR")
PF_JAR=
if [[ -n $PLANFLOW_OK ]]; then PF_JAR=$(boot_jar "$ROOT"); fi
[[ -n $BASE_JAR ]] || { log "no baseline jar in $BASE_DIR/target"; exit 1; }
[[ -n $PF_JAR ]] || { log "no Planflow jar: its half is skipped"; PLANFLOW_OK=; }

# ---------------------------------------------------------------------------
# One measured run: start the jar, poll the page until HTTP 200, settle, sample RSS.
# Runs in the main shell (not in $(...)) so that the EXIT trap can always kill the JVM.
# On success sets RES_T (seconds), RES_C (CPU seconds used by then), RES_R and RES_R2
# (MiB) and returns 0.
run_once() { # name jar path-to-poll run-number [app args...]
  local name=$1 jar=$2 path=$3 n=$4; shift 4
  local port dir url t0 t1 code started=
  port=$(free_port)
  dir="$WORK/$name-$n"; mkdir -p "$dir"
  url="http://127.0.0.1:$port$path"
  # Fresh working dir and database each run; loopback only; default profile.
  t0=$(now)
  # shellcheck disable=SC2086
  (cd "$dir" && exec env -u SPRING_PROFILES_ACTIVE "$JAVA" -Xmx"$XMX" $JAVA_OPTS -jar "$jar" \
      --server.port="$port" --server.address=127.0.0.1 "$@" >"$dir/app.log" 2>&1) &
  APP_PID=$!
  code=000
  while :; do
    if ! kill -0 "$APP_PID" 2>/dev/null; then log "$name run $n: the process exited"; break; fi
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$url" || true)
    [[ $code == 200 ]] && break
    # Context up but the page still not 200 a few seconds later: wrong path, not slowness.
    if [[ -z $started ]] && grep -q 'Started .* in .* seconds' "$dir/app.log"; then started=$(date +%s); fi
    if [[ -n $started ]] && (( $(date +%s) - started > 10 )); then
      log "$name run $n: started, but $url answers $code"; break; fi
    if (( $(date +%s) - ${t0%.*} > TIMEOUT )); then
      log "$name run $n: no 200 from $url after ${TIMEOUT}s (last $code)"; break; fi
    sleep 0.05
  done
  t1=$(now)
  RES_C=$(cpu_s "$APP_PID" 2>/dev/null || echo 0)
  if [[ $code != 200 ]]; then
    log "--- last lines of the $name log ---"; tail -n 25 "$dir/app.log" >&2
    cleanup_app; return 1
  fi
  sleep "$SETTLE"
  RES_R=$(rss_mib "$APP_PID")
  for _ in $(seq 1 "$REQUESTS"); do curl -s -o /dev/null --max-time 10 "$url" || true; done
  sleep 1
  RES_R2=$(rss_mib "$APP_PID")
  cleanup_app
  RES_T=$(awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.2f", b-a}')
}


declare -a B_T=() B_C=() B_R=() B_R2=() P_T=() P_C=() P_R=() P_R2=()
log "==> $RUNS runs each, -Xmx$XMX ${JAVA_OPTS:+$JAVA_OPTS }(java: $("$JAVA" -version 2>&1 | head -n1))"
for n in $(seq 1 "$RUNS"); do
  if run_once baseline "$BASE_JAR" /camunda/app/welcome/default/ "$n" \
       --spring.datasource.url="jdbc:h2:file:$WORK/baseline-$n/db"; then
    B_T+=("$RES_T"); B_C+=("$RES_C"); B_R+=("$RES_R"); B_R2+=("$RES_R2")
    log "baseline run $n: ${RES_T}s (CPU ${RES_C}s)  RSS ${RES_R} MiB  (after $REQUESTS requests ${RES_R2} MiB)"
  fi
  if [[ -n $PLANFLOW_OK ]]; then
    # shellcheck disable=SC2086  # PF_ARGS is a word list
    if run_once planflow "$PF_JAR" "$PF_PATH" "$n" \
         --spring.datasource.url="jdbc:h2:file:$WORK/planflow-$n/planflow" \
         --planflow.demo.enabled="$DEMO" $PF_ARGS; then
      P_T+=("$RES_T"); P_C+=("$RES_C"); P_R+=("$RES_R"); P_R2+=("$RES_R2")
      log "planflow run $n: ${RES_T}s (CPU ${RES_C}s)  RSS ${RES_R} MiB  (after $REQUESTS requests ${RES_R2} MiB)"
    else
      log "planflow did not come up: its remaining runs are skipped"; PLANFLOW_OK=
    fi
  fi
done

(( ${#B_T[@]} )) || { log "the baseline never started"; exit 1; }

# ---------------------------------------------------------------------------
bt=$(median "${B_T[@]}"); bc=$(median "${B_C[@]}"); br=$(median "${B_R[@]}"); br2=$(median "${B_R2[@]}")
pt=n/a; pc=n/a; pr=n/a; pr2=n/a
if (( ${#P_T[@]} )); then pt=$(median "${P_T[@]}"); pc=$(median "${P_C[@]}"); pr=$(median "${P_R[@]}"); pr2=$(median "${P_R2[@]}"); fi

row() { # label base planflow goal?
  awk -v l="$1" -v b="$2" -v p="$3" -v g="$4" 'BEGIN {
    if (p == "n/a") { printf "%-32s %10s %10s %7s %7s  %s\n", l, b, p, "-", (g == "" ? "-" : "<=" g), "NOT RUN"; exit }
    r = p / b
    v = (g == "" ? "(info)" : (r <= g + 1e-9 ? "PASS" : "OVER"))
    printf "%-32s %10s %10s %7.2f %7s  %s\n", l, b, p, r, (g == "" ? "-" : "<=" g), v }'
}

echo
echo "Planflow vs bare Camunda 7.24 — median of ${#B_T[@]} baseline / ${#P_T[@]} Planflow runs, -Xmx$XMX, $(nproc) CPUs, load $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-32s %10s %10s %7s %7s  %s\n' metric baseline planflow ratio goal verdict
row "start-up to HTTP 200 (s)" "$bt" "$pt" "$GOAL"
row "CPU time to HTTP 200 (s)" "$bc" "$pc" ""
row "RSS after ${SETTLE}s settle (MiB)" "$br" "$pr" "$GOAL"
row "RSS after $REQUESTS requests (MiB)" "$br2" "$pr2" ""
echo "raw baseline: start ${B_T[*]} s; CPU ${B_C[*]} s; RSS ${B_R[*]} MiB"
echo "raw planflow: start ${P_T[*]:-n/a} s; CPU ${P_C[*]:-n/a} s; RSS ${P_R[*]:-n/a} MiB"
exit 0
