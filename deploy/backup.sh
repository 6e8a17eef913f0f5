#!/usr/bin/env bash
# Backs up every database of the local run (the five services' and Keycloak's) into a new folder, with a manifest:
# while it runs, or while it is stopped (PostgreSQL is then started on ./data for the backup). Copy the folder off
# this machine: a backup on the disk it protects is lost with it (docs/backups.md).
#
# Usage: deploy/backup.sh [FOLDER (default backups/<UTC time>)]; FEIYAN_DATA (./data), FEIYAN_POSTGRES_PORT (5433).
set -euo pipefail

# the folder named as from where the script was called
if [ $# -ge 1 ] && [[ "$1" != -* ]]; then set -- "$(realpath -m "$1")" "${@:2}"; fi
cd "$(dirname "$0")/.."
source deploy/launcher.sh
if [ ! -f "$launcher_jar" ]; then
  echo "No build yet: start the system once with deploy/run-local.sh." >&2
  exit 1
fi
run_tool backup.Backup "$@"
