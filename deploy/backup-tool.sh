# Sourced by backup.sh and restore.sh with the tool's name and the script's arguments: runs
# io.feiyan.launcher.backup.<TOOL> of the built launcher, the folder it is given (the first argument) taken as named
# from where the script was called.
set -euo pipefail

tool="$1"
shift
if [ $# -ge 1 ] && [[ "$1" != -* ]]; then set -- "$(realpath -m "$1")" "${@:2}"; fi
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source deploy/launcher.sh
if [ ! -f "$launcher_jar" ]; then
  echo "No build yet: start the system once with deploy/run-local.sh." >&2
  exit 1
fi
run_tool "backup.$tool" "$@"
