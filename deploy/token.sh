#!/usr/bin/env bash
# Prints a bearer token from the local run's Keycloak for a demo account of the role (made there when missing; the
# demo password printed at start), valid 8 hours.
# Usage: deploy/token.sh resident <residentId> | volunteer <village> | operator <village|town|county>
#        | team-member <team> | team-lead <team> | analyst | admin
# Example: curl -H "Authorization: Bearer $(deploy/token.sh operator 371322206)" http://localhost:8084/api/me
set -euo pipefail

cd "$(dirname "$0")/.."
source deploy/launcher.sh
if [ ! -f "${FEIYAN_DATA:-data}/keycloak/secrets.properties" ]; then
  echo "No Keycloak yet: start the system once with deploy/run-local.sh." >&2
  exit 1
fi
exec_tool DemoUsers "$@"
