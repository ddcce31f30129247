#!/usr/bin/env bash
#
# Starts a real Spark standalone cluster on this machine, bound to 127.0.0.1: one Master and
# WORKERS Workers, each a separate JVM, with authentication on and no REST submission server
# (it would ignore the secret). Stop it with cluster-down.sh.
#   submit-scripts/cluster-up.sh [--dry-run] && submit-scripts/submit-standalone.sh compare
#
# Environment overrides:
#   WORKERS          number of Worker JVMs (default 2)
#   WORKER_CORES     cores each Worker offers (default 1)
#   WORKER_MEMORY    memory each Worker offers to executors (default 3g)
#   MASTER_PORT      the Master's port (default 7077); its web UI is on MASTER_WEBUI_PORT (8080)
#   SPARK_HOME       a Spark installation to use; without one, Spark comes from Maven Central
#   CLUSTER_DIR      logs, pid files, the secret and the daemons' settings (default target/cluster)
#   SPARK_CONF_DIR   its spark-defaults.conf applies to the daemons too (conf/ by default)
set -euo pipefail

source "$(dirname "$0")/common.sh"
parse_script_options "$@"

WORKERS="${WORKERS:-2}"
WORKER_CORES="${WORKER_CORES:-1}"
WORKER_MEMORY="${WORKER_MEMORY:-3g}"
MASTER_PORT="${MASTER_PORT:-7077}"
MASTER_WEBUI_PORT="${MASTER_WEBUI_PORT:-8080}"
MASTER_URL="spark://127.0.0.1:$MASTER_PORT"
# Daemons and the executors they launch listen on loopback only.
export SPARK_LOCAL_IP=127.0.0.1

if ls "$CLUSTER_DIR"/*.pid >/dev/null 2>&1; then
  echo "cluster-up: a cluster started from $CLUSTER_DIR may still run; run cluster-down.sh first" >&2
  exit 2
fi
ensure_spark_home
DAEMON_CONF="$CLUSTER_DIR/daemons.conf"

# start_daemon NAME CLASS ARGS...: a background JVM with its log and pid file under CLUSTER_DIR
# (with --dry-run, only its command line).
start_daemon() {
  local name="$1"; shift
  # Spark's default logging (INFO) for daemons, whatever SPARK_CONF_DIR's log4j2.properties
  # says: their logs are how we know they are ready
  spark_class -Xmx1g -Dlog4j2.configurationFile=org/apache/spark/log4j2-defaults.properties "$@" \
    --properties-file "$DAEMON_CONF"
  if [ "$DRY_RUN" = true ]; then
    printf '%q ' "${SPARK_CLASS[@]}"; echo
    return
  fi
  nohup "${SPARK_CLASS[@]}" > "$CLUSTER_DIR/$name.log" 2>&1 &
  echo $! > "$CLUSTER_DIR/$name.pid"
}

# wait_for_log NAME PATTERN COUNT: until NAME's log shows PATTERN COUNT times (60 s at most).
wait_for_log() {
  if [ "$DRY_RUN" = true ]; then return; fi
  for _ in $(seq 120); do
    if [ "$(grep -c "$2" "$CLUSTER_DIR/$1.log" 2>/dev/null || true)" -ge "$3" ]; then return 0; fi
    sleep 0.5
  done
  echo "cluster-up: $1 did not get ready; see $CLUSTER_DIR/$1.log" >&2
  "$(dirname "$0")/cluster-down.sh" >&2 || true
  exit 1
}

if [ "$DRY_RUN" = false ]; then
  mkdir -p "$CLUSTER_DIR"
  # A fresh secret per cluster, readable by this user only; submit-standalone.sh picks it up.
  (umask 077; head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n' > "$CLUSTER_DIR/secret")
  write_private_conf "$DAEMON_CONF" <<EOF
# The Master's and Workers' own settings, written by cluster-up.sh.
# Every connection to an RPC or block-transfer port (Master, Workers, executors, drivers) must
# prove it knows the secret (SASL).
spark.authenticate          true
spark.authenticate.secret   $(cat "$CLUSTER_DIR/secret")
# The REST submission server (port 6066) ignores the secret (CVE-2018-11770): anyone here could
# create, kill or clear drivers through it. spark-submit uses the authenticated RPC gateway.
spark.master.rest.enabled   false
# The web UIs do not check the secret either: without kill buttons, a UI shows and never stops.
spark.ui.killEnabled        false
EOF
fi

start_daemon master org.apache.spark.deploy.master.Master \
  --host 127.0.0.1 --port "$MASTER_PORT" --webui-port "$MASTER_WEBUI_PORT"
wait_for_log master "I have been elected leader" 1

for i in $(seq "$WORKERS"); do
  start_daemon "worker-$i" org.apache.spark.deploy.worker.Worker \
    --host 127.0.0.1 --cores "$WORKER_CORES" --memory "$WORKER_MEMORY" \
    --webui-port $((MASTER_WEBUI_PORT + i)) --work-dir "$CLUSTER_DIR/work-$i" "$MASTER_URL"
done
wait_for_log master "Registering worker" "$WORKERS"
[ "$DRY_RUN" = true ] && exit 0

echo "Spark standalone cluster up: $MASTER_URL, $WORKERS workers × $WORKER_CORES core(s), UI http://127.0.0.1:$MASTER_WEBUI_PORT"
echo "Submit with submit-scripts/submit-standalone.sh COMMAND ...; stop with submit-scripts/cluster-down.sh"
