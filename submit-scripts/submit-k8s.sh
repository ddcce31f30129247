#!/usr/bin/env bash
#
# Submits spark-cpu-tour to Kubernetes, in cluster deploy mode, from an image that holds Spark
# and the application jar (submit-scripts/Dockerfile builds one), waits for the driver pod to end
# and reports its final phase as the last line on stderr (exit 0 only if it Succeeded):
#   MASTER=k8s://https://HOST:6443 IMAGE=REGISTRY/spark-cpu-tour:4.2.0 \
#     submit-scripts/submit-k8s.sh [--dry-run] compare
#
# Environment overrides:
#   MASTER            the API server, k8s://https://HOST:PORT (required)
#   IMAGE             the container image (required)
#   NAMESPACE         the namespace (default default)
#   SERVICE_ACCOUNT   the driver's service account, allowed to create executor pods (default spark)
#   APP_JAR_IN_IMAGE  the jar's path inside the image (default local:///opt/spark/jars/spark-cpu-tour.jar)
#   DRIVER_MEMORY     heap of the driver (default 1g; Kubernetes adds Spark's overhead, at least 384m)
#   EXECUTOR_MEMORY   heap of each executor (default 2g; conf/ adds 2g off-heap overhead for ND4J)
#   EXECUTOR_CORES    cores of each executor (default 2)
#   NUM_EXECUTORS     executor pods (default 2)
#   WAIT              true: wait for the driver pod to end (default); false: return once it is created
#   KUBECONFIG        where the client finds credentials for MASTER (default ~/.kube/config)
#   SPARK_HOME        a Spark installation matching the image's version
#   SPARK_CONF_DIR    folder with spark-defaults.conf and log4j2.properties (default conf/;
#                     CONF_DIR, if set, wins over it)
set -euo pipefail

source "$(dirname "$0")/common.sh"
parse_script_options "$@"

case "${MASTER:-}" in
  k8s://*) ;;
  "") fail 2 "set MASTER to the API server, k8s://https://HOST:PORT" ;;
  *) fail 2 "MASTER must be k8s://https://HOST:PORT, got '$MASTER'" ;;
esac
# the API server's host and port, for the reachability check below
url="${MASTER#*://}"  # what follows k8s://
case "$url" in http://*|https://*) ;; *) url="https://$url" ;; esac  # Spark's default scheme
authority="${url#*://}"; authority="${authority%%/*}"
if [[ "$authority" =~ ^\[(.*)\](:([0-9]+))?$ || "$authority" =~ ^([^:]+)(:([0-9]+))?$ ]]; then
  API_HOST="${BASH_REMATCH[1]}"; API_PORT="${BASH_REMATCH[3]:-}"
else
  fail 2 "MASTER must be k8s://https://HOST:PORT, got '$MASTER'"
fi
[ -n "$API_PORT" ] || { [ "${url%%://*}" = https ] && API_PORT=443 || API_PORT=80; }
[ -n "${IMAGE:-}" ] || fail 2 "set IMAGE to an image with Spark and the application jar (see submit-scripts/Dockerfile)"
for setting in EXECUTOR_CORES NUM_EXECUTORS; do
  value="${!setting:-2}"
  [[ "$value" =~ ^[1-9][0-9]*$ ]] || fail 2 "$setting must be a positive whole number, got '$value'"
done
for setting in DRIVER_MEMORY EXECUTOR_MEMORY; do
  value="${!setting:-1g}"
  [[ "$value" =~ ^[1-9][0-9]*[kKmMgGtT]$ ]] || fail 2 "$setting must be a size such as 512m or 2g, got '$value'"
done
case "${WAIT:-true}" in
  true|false) ;;
  *) fail 2 "WAIT must be true or false, got '$WAIT'" ;;
esac

NAMESPACE="${NAMESPACE:-default}"
# The driver pod's name is ours, so the last line can name the pod to read logs from.
DRIVER_POD="spark-cpu-tour-$(date +%Y%m%d-%H%M%S)-$$-driver"

find_spark_submit
# A runtime assembled before Kubernetes joined the spark-runtime profile has no spark-kubernetes.
if [ "${SPARK_HOME:-}" = "$TOUR_HOME/target/spark-home" ] && ! compgen -G "$SPARK_HOME/jars/spark-kubernetes_*.jar" >/dev/null; then
  echo "Adding Spark's Kubernetes support to $SPARK_HOME..." >&2
  mvn -B -q -f "$TOUR_HOME/pom.xml" -Pspark-runtime validate >&2
fi

COMMAND=("${SUBMIT[@]}" --master "$MASTER" --deploy-mode cluster --name spark-cpu-tour --class "$MAIN_CLASS"
  --conf spark.kubernetes.namespace="$NAMESPACE"
  --conf spark.kubernetes.container.image="$IMAGE"
  --conf spark.kubernetes.authenticate.driver.serviceAccountName="${SERVICE_ACCOUNT:-spark}"
  --conf spark.kubernetes.driver.pod.name="$DRIVER_POD"
  --conf spark.kubernetes.submission.waitAppCompletion="${WAIT:-true}"
  --conf spark.executor.instances="${NUM_EXECUTORS:-2}"
  # the driver generates the authentication secret and hands it to the executor pods it creates
  --conf spark.authenticate=true
  --driver-memory "${DRIVER_MEMORY:-1g}"
  --executor-memory "${EXECUTOR_MEMORY:-2g}" --executor-cores "${EXECUTOR_CORES:-2}"
  "${APP_JAR_IN_IMAGE:-local:///opt/spark/jars/spark-cpu-tour.jar}" "${APP_ARGS[@]}")
if [ "$DRY_RUN" = true ]; then
  run_or_print "${COMMAND[@]}"
fi

# An API server that cannot be reached fails here, within seconds, instead of after the
# client's retries and a stack trace. Through a proxy only the client knows the way: no check.
if [ -z "${HTTPS_PROXY:-}${https_proxy:-}${HTTP_PROXY:-}${http_proxy:-}" ]; then
  [[ "$API_HOST" == *:* ]] && address="[$API_HOST]:$API_PORT" || address="$API_HOST:$API_PORT"
  reachable "$address" \
    || fail 1 "cannot reach the Kubernetes API server at $API_HOST:$API_PORT ($MASTER): unknown host, connection refused or no answer in 5 s"
fi

# Spark's log goes to stderr as it comes (less the frames of a stack trace), and whole into a
# file the last line is read from: the submission client's status lines name the driver pod's
# phase (conf/log4j2.properties keeps them at INFO). The file is kept when the submission fails.
LOG="$(mktemp "${TMPDIR:-/tmp}/submit-k8s.XXXXXX")"
trap 'rm -f "$LOG"' EXIT
set +e
{ "${COMMAND[@]}" 2>&1 1>&3 3>&- | tee "$LOG" | grep --line-buffered -v -E $'^\t+(at |\\.\\.\\. [0-9]+ more)' >&2; } 3>&1
status="${PIPESTATUS[0]}"
set -e

pod="$NAMESPACE/$DRIVER_POD"
if [ "$status" -ne 0 ]; then
  cause="$(grep -m1 -o -E '[A-Za-z0-9_.$]+(Exception|Error): .*' "$LOG" || true)"
  trap - EXIT
  fail 1 "spark-submit failed (exit $status) for driver pod $pod: ${cause:-see the log above} (full log: $LOG)"
fi
if [ "${WAIT:-true}" = false ]; then
  echo "submit-k8s: driver pod $pod created; not waiting for it (WAIT=false)" >&2
  exit 0
fi
# the phases the client saw: its "State changed" blocks have a "phase: P" line of their own. A
# pod never leaves Succeeded or Failed, so one of those wins over a stale event logged after it.
phases="$(grep -o -E '(\(phase: |^[[:space:]]+phase: )[A-Za-z]+' "$LOG" | sed 's/.*phase: //' || true)"
phase="$(grep -E '^(Succeeded|Failed)$' <<< "$phases" | tail -n 1 || true)"
phase="${phase:-$(tail -n 1 <<< "$phases")}"
case "$phase" in
  Succeeded) echo "submit-k8s: driver pod $pod Succeeded" >&2 ;;
  "") fail 1 "driver pod $pod: no final phase in spark-submit's log (is org.apache.spark.deploy.k8s.submit at INFO?)" ;;
  *) fail 1 "driver pod $pod ended in phase $phase (its log: kubectl logs -n $NAMESPACE $DRIVER_POD)" ;;
esac
