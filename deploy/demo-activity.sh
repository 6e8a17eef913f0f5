#!/usr/bin/env bash
# Brings the demo county to life against a running local system (start it first with
# deploy/run-local.sh): residents are registered and ordered for, operators review, teams accept,
# decline and deliver, residents rate, village stations follow up. Then it prints the three rates and
# the demand, as feedback-service counts them from the topics.
#
# Usage: deploy/demo-activity.sh [orders (60)] [random seed (1)]; FEIYAN_HOST (default localhost).
set -euo pipefail

cd "$(dirname "$0")/.."
launcher="embedded/target/feiyan-embedded-0.1.0-SNAPSHOT.jar"
if [ ! -f "$launcher" ]; then
  echo "No build yet: start the system with deploy/run-local.sh first." >&2
  exit 1
fi
if ! curl -sf "http://${FEIYAN_HOST:-localhost}:8084/q/health/ready" > /dev/null; then
  echo "Feiyan is not running on ${FEIYAN_HOST:-localhost}: start it with deploy/run-local.sh first." >&2
  exit 1
fi
exec java -cp "$launcher:embedded/target/lib/*" io.feiyan.embedded.DemoActivity "$@"
