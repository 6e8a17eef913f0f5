#!/usr/bin/env bash
# Puts the local run's databases back as a backup made by deploy/backup.sh holds them: all of them, or those named
# (intake, dispatch, team, feedback, notification, keycloak, or a service's name). Stop the local run first; when
# it starts again, each restored service takes again, from Kafka, the events since the backup (docs/backups.md).
#
# Usage: deploy/restore.sh BACKUP [DATABASE...]; FEIYAN_DATA (./data), FEIYAN_POSTGRES_PORT (5433).
source "$(dirname "$0")/backup-tool.sh" Restore "$@"
