#!/usr/bin/env bash
# The benchmark: measures this machine's limits (PostgreSQL commits, Kafka produce→consume, a bare Quarkus POST
# that inserts a row), then drives a Feiyan of its own (durable PostgreSQL, the county at the report's scale) at
# its maximum, at 100 and at 10 orders a second, measures intake's POST alone, and prints the figures before
# (issue 15) and now against their targets. The report and the services' logs are kept in bench-results/. Builds
# first when needed. Takes about twelve minutes (twenty-five with --history 1000000); --quick about four, with
# rough figures. Stop other loads first: everything runs on this machine's cores.
#
# Usage: deploy/bench.sh [--quick] [--history N] [--profile] [--post] [--flood]
#   --history N  measures again with N past orders written into every service's tables, side by side
#   --profile    each service records a CPU profile (Java Flight Recorder) kept with its log
#   --post       only intake's POST alone against the bare POST, three rounds on a small county (a few minutes)
#   --flood      only a flood of 2,000 order requests a second from one account against another's orders
set -euo pipefail

cd "$(dirname "$0")/.."
source deploy/build-if-needed.sh

export FEIYAN_HOME="$(pwd)"
# the benchmark's process holds the Kafka broker beside the load: a bounded heap, as the local run's launcher has
exec java -Xms64m -Xmx768m -XX:-UsePerfData -cp "bench/runner/target/feiyan-bench-0.1.0-SNAPSHOT.jar:bench/runner/target/lib/*" io.feiyan.bench.Bench "$@"
