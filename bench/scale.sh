#!/usr/bin/env bash
# Scale benchmark (issues 5 and 11): Planflow's policy rounds vs. the naive multi-instance design on a bare
# Camunda 7.24, and the dashboard's p95, on one PostgreSQL started from the local binaries. Not a test.
# Knobs and what is measured: bench/README.md. Example: SMALL=300 LARGE=3000 COMPLETE=500 bash bench/scale.sh
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
export ROOT

if [[ "${SKIP_BUILD:-}" != "1" ]]; then
  echo "[bench] building planflow (jar + test classes) and the baseline"
  mvn -B -q -DskipTests package
  (cd bench/baseline && mvn -B -q -DskipTests package)
fi
mkdir -p target/bench-scale
mvn -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-scale/classpath.txt >/dev/null
JAVA=${JAVA:-${JAVA_HOME:+$JAVA_HOME/bin/java}}
JAVA=${JAVA:-java}
exec "$JAVA" -Xmx512m -cp "target/test-classes:$(cat target/bench-scale/classpath.txt)" th.planflow.bench.ScaleBench
