#!/usr/bin/env bash
# A county month in about a second: the report's county (660 villages, 6,600 飞燕 volunteers' teams, the towns'
# institutes, 17 county teams, 72 projects) on a simulated clock, its demand from a profile built into the county
# plan, its teams behaving as README "Simulating a month" says, every order routed by dispatch's own rule. Prints the
# month's dispatch measures by town and writes them, with the month's picture (SVG), to simulation-results/.
#
# Usage: deploy/simulate.sh [--seed N] [--month 2027-01] [--demand x2] [--without TEAM]... [--capacity TEAM|all=N]...
#                           [--villages 660] [--residents 15] [--out simulation-results] [--from-running FEEDBACK_URL]
#                           [--decline 0.08] [--answer TIER=90m]... [--hours 7-21] [--days-off TIER=sat+sun|none]...
# --from-running takes a running system's month of demand (the last month unless --month says) from its feedback
# service's metrics, with the analyst's token in FEIYAN_TOKEN_ANALYST (source data/tokens.env).
# The teams' behaviour (README "Simulating a month"): --decline 0.08, --answer TIER=90m (median time to answer),
# --hours 7-21 (when teams answer), --days-off TIER=sat+sun|none.
set -euo pipefail

cd "$(dirname "$0")/.."
if [ ! -f simulation/target/feiyan-simulation-0.1.0-SNAPSHOT.jar ] \
    || [ -n "$(find routing/src simulation/src launcher/src dispatch-service/src/main/resources -newer simulation/target/feiyan-simulation-0.1.0-SNAPSHOT.jar -type f -print -quit)" ]; then
  echo "Building the simulation (tests skipped)..."
  ./mvnw -q -B package -DskipTests -pl simulation -am
fi
exec java -cp "simulation/target/feiyan-simulation-0.1.0-SNAPSHOT.jar:simulation/target/lib/*" \
  io.feiyan.simulation.Simulate "$@"
