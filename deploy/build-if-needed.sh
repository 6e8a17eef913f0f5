# Sourced by the scripts that run the built system (run-local.sh, bench.sh): builds it, tests skipped, when
# there is no build yet or a source or build file changed since the last one.
source deploy/launcher.sh
stamp="launcher/target/local-run.built"

needs_build() {
  [ -f "$stamp" ] || return 0
  for module in intake-service dispatch-service team-service feedback-service notification-service bench/baseline; do
    [ -f "$module/target/quarkus-app/quarkus-run.jar" ] || return 0
  done
  [ -f bench/runner/target/feiyan-bench-0.1.0-SNAPSHOT.jar ] || return 0
  [ -n "$(find . -path ./data -prune -o \( -path '*/src/*' -o -name pom.xml \) -newer "$stamp" -type f -print -quit)" ]
}

if needs_build; then
  echo "Building Feiyan (tests skipped; run ./mvnw verify for them)..."
  ./mvnw -q -B package -DskipTests
  touch "$stamp"
fi
