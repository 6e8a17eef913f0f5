#!/usr/bin/env bash
# Starts the whole of Feiyan on this machine: embedded PostgreSQL and Kafka (data in ./data), the four
# services, and the demo county. Builds first when the build is missing or older than the sources.
# Ctrl-C stops everything; the data stays for the next start.
#
# Usage: deploy/run-local.sh [--county[=SEED]]: --county also grows the demo county to the report's scale
# (13 towns, 660 villages, 6,600 飞燕 volunteers, residents; see deploy/county.sh) once the services are ready.
#
# Settings: FEIYAN_DATA (data folder, default ./data), FEIYAN_KAFKA_PORT (9092), FEIYAN_POSTGRES_PORT (5433).
set -euo pipefail

cd "$(dirname "$0")/.."
root="$(pwd)"
launcher="embedded/target/feiyan-embedded-0.1.0-SNAPSHOT.jar"
stamp="embedded/target/local-run.built"

# A build is needed when there is none, or a source or build file changed since the last one.
needs_build() {
  [ -f "$stamp" ] || return 0
  for service in intake-service dispatch-service team-service feedback-service; do
    [ -f "$service/target/quarkus-app/quarkus-run.jar" ] || return 0
  done
  [ -n "$(find . -path ./data -prune -o \( -path '*/src/*' -o -name pom.xml \) -newer "$stamp" -type f -print -quit)" ]
}

if needs_build; then
  echo "Building Feiyan (tests skipped; run ./mvnw verify for them)..."
  ./mvnw -q -B package -DskipTests
  touch "$stamp"
fi

export FEIYAN_HOME="$root"
exec java -cp "$launcher:embedded/target/lib/*" io.feiyan.embedded.LocalFeiyan "$@"
