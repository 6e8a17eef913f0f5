#!/usr/bin/env bash
# The benchmark: measures this machine's limits (PostgreSQL commits, Kafka produce→consume, a bare Quarkus POST
# that inserts a row), then drives a Feiyan of its own (durable PostgreSQL, the county at the report's scale) at
# its maximum, at half of it and at 200 orders a second, and prints each figure beside its limit as a ratio. The
# report and the services' logs are kept in bench-results/. Builds first when needed. Takes about twelve minutes;
# --quick about four, with rough figures. Stop other loads first: everything runs on this machine's cores.
#
# Usage: deploy/bench.sh [--quick]
set -euo pipefail

cd "$(dirname "$0")/.."
source deploy/build-if-needed.sh

export FEIYAN_HOME="$(pwd)"
exec_tool bench.Bench "$@"
