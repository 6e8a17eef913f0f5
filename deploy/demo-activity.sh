#!/usr/bin/env bash
# Brings the demo county to life against a running local system (start it first with
# deploy/run-local.sh): residents are registered and ordered for, operators review, teams accept,
# decline and deliver, residents rate, village stations follow up. Then it prints the three rates and
# the demand, as feedback-service counts them from the topics.
#
# Usage: deploy/demo-activity.sh [orders (60)] [random seed (1)]; FEIYAN_HOST (default localhost).
set -euo pipefail

cd "$(dirname "$0")/.."
source deploy/against-running.sh
require_running 8084
run_tool demo.DemoActivity "$@"
