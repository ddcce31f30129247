#!/usr/bin/env bash
#
# Submits spark-cpu-tour to a Spark standalone cluster (by default the one cluster-up.sh started,
# whose secret it picks up):
#   submit-scripts/submit-standalone.sh [--dry-run] compare --workloads primes,image
#
# Environment overrides:
#   MASTER           the Master's URL (default spark://127.0.0.1:7077)
#   DEPLOY_MODE      client (the driver runs here) or cluster (on a worker, submitted through the
#                    Master's authenticated RPC gateway, never REST) (default client)
#   DRIVER_MEMORY    heap of the driver (default 1g; in cluster mode it must fit one worker)
#   EXECUTOR_MEMORY  heap of each executor (default 2g)
#   EXECUTOR_CORES   cores of each executor (default 1)
#   NUM_EXECUTORS    executors to use, as total cores / EXECUTOR_CORES (default: all offered)
#   SPARK_HOME       a Spark installation to use; without one, Spark comes from Maven Central
#   SPARK_CONF_DIR   folder with spark-defaults.conf and log4j2.properties (default conf/;
#                    CONF_DIR, if set, wins over it)
#   SECRET_FILE      the cluster's authentication secret (default target/cluster/secret)
set -euo pipefail

source "$(dirname "$0")/common.sh"
parse_script_options "$@"

MASTER="${MASTER:-spark://127.0.0.1:7077}"
DEPLOY_MODE="${DEPLOY_MODE:-client}"
EXECUTOR_MEMORY="${EXECUTOR_MEMORY:-2g}"
EXECUTOR_CORES="${EXECUTOR_CORES:-1}"
SECRET_FILE="${SECRET_FILE:-$CLUSTER_DIR/secret}"
case "$MASTER" in
  spark://127.0.0.1:*|spark://localhost:*) export SPARK_LOCAL_IP=127.0.0.1 ;;  # a cluster on this machine
esac

ensure_app_jar
find_spark_submit

OPTS=(--master "$MASTER" --deploy-mode "$DEPLOY_MODE" --class "$MAIN_CLASS" --driver-memory "${DRIVER_MEMORY:-1g}"
      --executor-memory "$EXECUTOR_MEMORY" --executor-cores "$EXECUTOR_CORES")
if [ "$DEPLOY_MODE" = cluster ]; then
  # wait for the driver on the worker to finish; its table is in the worker's work folder
  OPTS+=(--conf spark.standalone.submit.waitAppCompletion=true)
  # submit through the Master's RPC gateway, which checks the secret, never through its REST
  # server, which would not (and cluster-up.sh does not start); SparkSubmit reads this setting
  # to choose, so one in SPARK_CONF_DIR could otherwise send it to REST first
  OPTS+=(--conf spark.master.rest.enabled=false)
  # a worker starts the driver's JVM without the --add-opens flags Spark's launchers add elsewhere,
  # and Kryo then cannot build its serializers (java.nio.HeapByteBuffer): give it our one list
  OPTS+=(--conf "spark.driver.extraJavaOptions=$(grep -v '^#' "$TOUR_HOME/conf/java17-opens.args" | tr '\n' ' ')")
  echo "cluster deploy mode: the driver's output goes to the worker's driver-*/stdout" >&2
fi
if [ -n "${NUM_EXECUTORS:-}" ]; then
  OPTS+=(--total-executor-cores $((NUM_EXECUTORS * EXECUTOR_CORES)))
fi
# The secret travels in a properties file only this user can read, never on the command line.
if [ -f "$SECRET_FILE" ]; then
  write_private_conf "$CLUSTER_DIR/submit.conf" <<EOF
spark.authenticate          true
spark.authenticate.secret   $(cat "$SECRET_FILE")
# a driver launched on a worker does not receive the secret; it reads it from this file
spark.cputour.auth.file     $SECRET_FILE
# the driver's web UI does not check the secret: anyone on this machine could kill our jobs
spark.ui.killEnabled        false
EOF
  OPTS+=(--properties-file "$CLUSTER_DIR/submit.conf")
fi

run_or_print "${SUBMIT[@]}" "${OPTS[@]}" "$APP_JAR" "${APP_ARGS[@]}"
