#!/usr/bin/env bash
# Grows the demo county of a running local system (start it first with deploy/run-local.sh) to the scale of
# the report it is modelled on, through the services' APIs: 13 towns, 660 villages with a 飞燕 team and ten
# 飞燕 volunteers each (6,600, on a one-day duty in turn), 17 county teams across 6 categories and 72
# projects, an institute team per town, residents with their household situations, and this month's menu.
# The same seed makes the same county; running it again adds nothing.
#
# Usage: deploy/county.sh [random seed (1)] [villages (660)] [residents per village (15)];
# FEIYAN_HOST (default localhost), FEIYAN_DATA (default ./data, where the local Keycloak's secrets are).
set -euo pipefail

cd "$(dirname "$0")/.."
source deploy/against-running.sh
require_running 8083
run_tool demo.CountyGenerator "$@"
echo "Try it: source data/tokens.env; curl -s -H \"Authorization: Bearer \$FEIYAN_TOKEN_OPERATOR_COUNTY\" \\"
echo "  'http://${FEIYAN_HOST:-localhost}:8083/api/volunteers/on-duty?village=371322101201'"
