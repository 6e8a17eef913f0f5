#!/usr/bin/env bash
# Backs up every database of the local run (the five services' and Keycloak's) into a new folder, with a manifest:
# while it runs, or while it is stopped (PostgreSQL is then started on ./data for the backup). Copy the folder off
# this machine: a backup on the disk it protects is lost with it (docs/backups.md).
#
# Usage: deploy/backup.sh [FOLDER (default backups/<UTC time>)]; FEIYAN_DATA (./data), FEIYAN_POSTGRES_PORT (5433).
source "$(dirname "$0")/backup-tool.sh" Backup "$@"
