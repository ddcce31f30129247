#!/usr/bin/env bash
#
# Stops the local YARN that yarn-up.sh started: the JVM named by its pid file (never by process
# name), gracefully, then forcibly after 30 s; then any container it had started that outlived it.
# --dry-run prints the kills.
#
# Environment overrides:
#   YARN_DIR         where yarn-up.sh keeps its pid file (default target/yarn)
set -euo pipefail

source "$(dirname "$0")/common.sh"
parse_script_options "$@"

# descendants PID: the pids of PID's children, grandchildren, ... (the containers and their shells)
descendants() {
  local child
  for child in $(pgrep -P "$1" || true); do
    echo "$child"
    descendants "$child"
  done
}

if ! pid="$(local_yarn_pid)"; then
  [ "$DRY_RUN" = true ] || rm -f "$YARN_DIR/yarn.pid" "$YARN_DIR/conf/yarn-site.xml"
  echo "yarn-down: no local YARN runs from $YARN_DIR" >&2
  exit 0
fi
# taken before the NodeManager goes: a container orphaned by a forced stop has no parent to find it by
containers=($(descendants "$pid"))
if [ "$DRY_RUN" = true ]; then
  echo "kill $pid ${containers[*]}"
  exit 0
fi
# SIGTERM: the NodeManager stops its containers, then the ResourceManager stops
kill "$pid"
for _ in $(seq 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
kill -0 "$pid" 2>/dev/null && kill -9 "$pid"
for child in "${containers[@]}"; do
  # still one of ours: it works inside YARN_DIR (a recycled pid would not)
  case "$(readlink "/proc/$child/cwd" 2>/dev/null)" in
    "$YARN_DIR"/*) kill -9 "$child" 2>/dev/null || true ;;
  esac
done
rm -f "$YARN_DIR/yarn.pid" "$YARN_DIR/conf/yarn-site.xml"
echo "Local YARN stopped"
