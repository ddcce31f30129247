#!/usr/bin/env bash
#
# Serves the event logs of finished runs (./spark-events by default) in a Spark History Server
# on 127.0.0.1, so their stage timings can be read after the application has ended:
#   submit-scripts/history-server.sh     then open http://127.0.0.1:18080 ; Ctrl-C stops it
#
# Environment overrides:
#   EVENT_LOG_DIR    the folder of event logs (default ./spark-events)
#   HISTORY_PORT     the server's port (default 18080)
#   SPARK_HOME       a Spark installation to use; without one, Spark comes from Maven Central
#   SPARK_CONF_DIR   its spark-defaults.conf and log4j2.properties apply (default conf/;
#                    CONF_DIR, if set, wins over it)
set -euo pipefail

source "$(dirname "$0")/common.sh"
parse_script_options "$@"

EVENT_LOG_DIR="${EVENT_LOG_DIR:-spark-events}"
if [ ! -d "$EVENT_LOG_DIR" ]; then
  echo "history-server: no folder '$EVENT_LOG_DIR' of event logs here; run something first or set EVENT_LOG_DIR" >&2
  exit 2
fi
EVENT_LOG_DIR="$(cd "$EVENT_LOG_DIR" && pwd)"
HISTORY_PORT="${HISTORY_PORT:-18080}"
export SPARK_LOCAL_IP=127.0.0.1   # the UI listens on loopback only

ensure_spark_home
echo "History Server for $EVENT_LOG_DIR at http://127.0.0.1:$HISTORY_PORT" >&2
spark_class -Dspark.history.fs.logDirectory="file:$EVENT_LOG_DIR" -Dspark.history.ui.port="$HISTORY_PORT" \
  org.apache.spark.deploy.history.HistoryServer
run_or_print "${SPARK_CLASS[@]}"
