#!/usr/bin/env bash
#
# Runs spark-cpu-tour in Spark local mode on this machine:
#   submit-scripts/run-local.sh [--dry-run] compare
#
# Environment overrides:
#   MASTER          Spark master (default local[*]: one task slot per core)
#   SPARK_HOME      a Spark installation to use; without one, Spark comes from Maven Central
#   SPARK_CONF_DIR  folder with spark-defaults.conf and log4j2.properties (default conf/;
#                   CONF_DIR, if set, wins over it)
#   DRIVER_MEMORY   driver heap (default 4g)
#   APP_JAR         the application jar (default target/spark-cpu-tour.jar, built if missing)
#   JAVA_HOME       the JDK to run (default: java on the PATH)
#   WARM_START      off: no class-data archive (default on, made by a training run on first use;
#                   only without a Spark installation of yours, see README "A warm start")
#   WARM_START_DIR  where the archives are kept (default target/warm-start)
set -euo pipefail

source "$(dirname "$0")/common.sh"
parse_script_options "$@"

MASTER="${MASTER:-local[*]}"
DRIVER_MEMORY="${DRIVER_MEMORY:-4g}"
# In local mode the driver, block manager and UI listen on loopback only.
export SPARK_LOCAL_IP="${SPARK_LOCAL_IP:-127.0.0.1}"

ensure_app_jar
find_spark_submit

# In local mode the driver is the executor. When the jar is already on its class path (the
# SparkSubmit that common.sh runs itself), Spark's "spark-internal" resource spares the executor
# a copy of the 130 MB jar at every start (0.5 s of it on 2 cores); not when the application is
# told another master, whose executors need the jar.
APP_RESOURCE="$APP_JAR"
if [ "$APP_ON_CLASSPATH" = true ] && [[ "$MASTER" =~ ^local(\[[^]]*\])?$ ]] \
   && ! printf '%s\n' ${APP_ARGS[@]+"${APP_ARGS[@]}"} | grep -q -- '^--master'; then
  APP_RESOURCE=spark-internal
fi

run_or_print "${SUBMIT[@]}" --master "$MASTER" --driver-memory "$DRIVER_MEMORY" \
  --class "$MAIN_CLASS" "$APP_RESOURCE" ${APP_ARGS[@]+"${APP_ARGS[@]}"}
