#!/usr/bin/env bash
# Puts the local run's databases back as a backup made by deploy/backup.sh holds them: all of them, or those named
# (intake, dispatch, team, feedback, notification, keycloak, or a service's name). Stop the local run first; when
# it starts again, each restored service takes again, from Kafka, the events since the backup (docs/backups.md).
#
# Usage: deploy/restore.sh BACKUP [DATABASE...]; FEIYAN_DATA (./data), FEIYAN_POSTGRES_PORT (5433).
set -euo pipefail

# the folder named as from where the script was called
if [ $# -ge 1 ] && [[ "$1" != -* ]]; then set -- "$(realpath -m "$1")" "${@:2}"; fi
cd "$(dirname "$0")/.."
source deploy/launcher.sh
if [ ! -f "$launcher_jar" ]; then
  echo "No build yet: start the system once with deploy/run-local.sh." >&2
  exit 1
fi
run_tool backup.Restore "$@"
