#!/usr/bin/env bash
#
# Stops the standalone cluster that cluster-up.sh started: exactly the processes named by its
# pid files (never by process name), waiting until each has exited. --dry-run prints the kills.
#
# Environment overrides:
#   CLUSTER_DIR      where cluster-up.sh keeps its pid files (default target/cluster)
set -euo pipefail

source "$(dirname "$0")/common.sh"
parse_script_options "$@"

shopt -s nullglob
pids=("$CLUSTER_DIR"/*.pid)
if [ ${#pids[@]} -eq 0 ]; then
  echo "cluster-down: no cluster started from $CLUSTER_DIR" >&2
  exit 0
fi
# Workers first, so they do not try to reconnect to a vanished Master.
for file in $(ls -r "${pids[@]}"); do
  pid="$(cat "$file")"
  if [ "$DRY_RUN" = true ]; then
    echo "kill $pid"
    continue
  fi
  # only a JVM of ours: a recycled pid of some other program is left alone
  if grep -qs "org.apache.spark.deploy" "/proc/$pid/cmdline"; then
    kill "$pid"
    for _ in $(seq 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -0 "$pid" 2>/dev/null && kill -9 "$pid"
  fi
  rm -f "$file"
done
[ "$DRY_RUN" = true ] && exit 0
rm -f "$CLUSTER_DIR/secret" "$CLUSTER_DIR/daemons.conf" "$CLUSTER_DIR/submit.conf"
echo "Spark standalone cluster stopped"
