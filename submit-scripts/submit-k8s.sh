#!/usr/bin/env bash
#
# Submits spark-cpu-tour to Kubernetes, in cluster deploy mode, from an image that holds Spark
# and the application jar (at APP_JAR_IN_IMAGE):
#   MASTER=k8s://https://HOST:6443 IMAGE=registry/spark-cpu-tour:4.2.0 \
#     submit-scripts/submit-k8s.sh [--dry-run] compare
#
# Environment overrides:
#   MASTER            the API server, k8s://https://HOST:PORT (required)
#   IMAGE             the container image (required)
#   NAMESPACE         the namespace (default default)
#   SERVICE_ACCOUNT   the driver's service account, allowed to create executor pods (default spark)
#   APP_JAR_IN_IMAGE  the jar's path inside the image (default local:///opt/spark/jars/spark-cpu-tour.jar)
#   EXECUTOR_MEMORY   heap of each executor (default 2g; conf/ adds 2g off-heap overhead for ND4J)
#   EXECUTOR_CORES    cores of each executor (default 2)
#   NUM_EXECUTORS     executor pods (default 2)
#   SPARK_HOME        a Spark installation matching the image's version
#   SPARK_CONF_DIR    folder with spark-defaults.conf and log4j2.properties (default conf/;
#                     CONF_DIR, if set, wins over it)
set -euo pipefail

source "$(dirname "$0")/common.sh"
parse_script_options "$@"

: "${MASTER:?set MASTER to k8s://https://HOST:PORT}"
: "${IMAGE:?set IMAGE to an image with Spark and the application jar}"

find_spark_submit

# Kubernetes mounts a generated authentication secret into the driver and executor pods.
run_or_print "${SUBMIT[@]}" --master "$MASTER" --deploy-mode cluster --class "$MAIN_CLASS" \
  --conf spark.kubernetes.namespace="${NAMESPACE:-default}" \
  --conf spark.kubernetes.container.image="$IMAGE" \
  --conf spark.kubernetes.authenticate.driver.serviceAccountName="${SERVICE_ACCOUNT:-spark}" \
  --conf spark.executor.instances="${NUM_EXECUTORS:-2}" \
  --conf spark.authenticate=true \
  --executor-memory "${EXECUTOR_MEMORY:-2g}" --executor-cores "${EXECUTOR_CORES:-2}" \
  "${APP_JAR_IN_IMAGE:-local:///opt/spark/jars/spark-cpu-tour.jar}" "${APP_ARGS[@]}"
