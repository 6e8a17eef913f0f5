#!/usr/bin/env bash
# Starts the whole of Feiyan on this machine: embedded PostgreSQL and Kafka (data in ./data), the five
# services, and the demo county. Builds first when the build is missing or older than the sources.
# Ctrl-C stops everything; the data stays for the next start.
#
# Usage: deploy/run-local.sh [--county[=SEED]]: --county also grows the demo county to the report's scale
# (13 towns, 660 villages, 6,600 飞燕 volunteers, residents; see deploy/county.sh) once the services are ready.
#
# Settings: FEIYAN_DATA (data folder, default ./data), FEIYAN_KAFKA_PORT (9092), FEIYAN_POSTGRES_PORT (5433);
# an SMSC for the residents' texts: FEIYAN_NOTIFICATION_SMS_ENABLED=true, _HOST, _PORT, _SYSTEM_ID, _PASSWORD,
# _SOURCE_ADDRESS.
set -euo pipefail

cd "$(dirname "$0")/.."
root="$(pwd)"
source deploy/build-if-needed.sh

export FEIYAN_HOME="$root"
exec_tool LocalFeiyan "$@"
