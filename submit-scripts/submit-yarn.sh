#!/usr/bin/env bash
#
# Submits spark-cpu-tour to a YARN cluster (HADOOP_CONF_DIR or YARN_CONF_DIR must point at it):
#   submit-scripts/submit-yarn.sh [--dry-run] compare --workloads primes,image
#
# Environment overrides:
#   DEPLOY_MODE      client or cluster (default cluster: the driver runs in the YARN application master)
#   EXECUTOR_MEMORY  heap of each executor (default 2g; conf/ adds 2g off-heap overhead for ND4J)
#   EXECUTOR_CORES   cores of each executor (default 2)
#   NUM_EXECUTORS    executors to request (default 2)
#   QUEUE            the YARN queue (default default)
#   SPARK_HOME       a Spark installation matching the cluster's version
#   SPARK_CONF_DIR   folder with spark-defaults.conf and log4j2.properties (default conf/;
#                    CONF_DIR, if set, wins over it)
set -euo pipefail

source "$(dirname "$0")/common.sh"
parse_script_options "$@"

ensure_app_jar
find_spark_submit

# YARN generates and distributes the authentication secret itself.
run_or_print "${SUBMIT[@]}" --master yarn --deploy-mode "${DEPLOY_MODE:-cluster}" --class "$MAIN_CLASS" \
  --queue "${QUEUE:-default}" --num-executors "${NUM_EXECUTORS:-2}" \
  --executor-memory "${EXECUTOR_MEMORY:-2g}" --executor-cores "${EXECUTOR_CORES:-2}" \
  --conf spark.authenticate=true \
  "$APP_JAR" "${APP_ARGS[@]}"
