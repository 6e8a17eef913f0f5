# Sourced by the scripts that drive a running local system (demo-activity.sh, county.sh): the built
# launcher, a check that the system answers, and running one of its tools.
source deploy/launcher.sh

# require_running PORT: stops the script unless the build is there and the service on PORT is ready.
require_running() {
  if [ ! -f "$launcher_jar" ]; then
    echo "No build yet: start the system with deploy/run-local.sh first." >&2
    exit 1
  fi
  if ! curl -sf "http://${FEIYAN_HOST:-localhost}:$1/q/health/ready" > /dev/null; then
    echo "Feiyan is not running on ${FEIYAN_HOST:-localhost}: start it with deploy/run-local.sh first." >&2
    exit 1
  fi
}
