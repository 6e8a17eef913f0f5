#!/usr/bin/env bash
# Prints a bearer token for a demo user of the local run, signed with its key (data/keys), valid 7 days.
# Usage: deploy/token.sh resident <residentId> | volunteer <village> | operator <village|town|county>
#        | team-member <team> | team-lead <team> | analyst | admin
# Example: curl -H "Authorization: Bearer $(deploy/token.sh operator 371322206)" http://localhost:8084/api/me
set -euo pipefail

cd "$(dirname "$0")/.."
source deploy/launcher.sh
if [ ! -f "${FEIYAN_DATA:-data}/keys/private.pem" ]; then
  echo "No signing key yet: start the system once with deploy/run-local.sh." >&2
  exit 1
fi
exec_tool DemoUsers "$@"
