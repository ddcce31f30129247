#!/usr/bin/env bash
#
# Submits spark-cpu-tour to YARN: the cluster HADOOP_CONF_DIR or YARN_CONF_DIR describes, else the
# local YARN of yarn-up.sh. After the run it prints the application's final state, as the
# ResourceManager's REST API reports it, on stderr:
#   submit-scripts/submit-yarn.sh [--dry-run] compare --workloads primes,image
#
# Environment overrides:
#   DEPLOY_MODE      client or cluster (default cluster: the driver runs in the YARN application master)
#   DRIVER_MEMORY    heap of the driver (default 1g)
#   EXECUTOR_MEMORY  heap of each executor (default 2g; conf/ adds 2g off-heap overhead for ND4J)
#   EXECUTOR_CORES   cores of each executor (default 2)
#   NUM_EXECUTORS    executors to request (default 2)
#   QUEUE            the YARN queue (default default)
#   EVENT_LOG_DIR    where the event logs go (default ./spark-events, made absolute: a cluster-mode
#                    driver's working folder vanishes with its container). On a multi-node
#                    cluster, a shared file system: hdfs:///spark-events
#   STAGING_DIR      where the jars travel through (default: target/yarn/staging on the local
#                    YARN; elsewhere Spark's own, your home on the cluster's file system)
#   RM_CONNECT_WAIT_MS  how long the client (and the application master) keep trying to reach
#                    the ResourceManager before giving up (default 15000; YARN's own is 15 minutes)
#   SPARK_HOME       a Spark installation matching the cluster's version
#   SPARK_CONF_DIR   folder with spark-defaults.conf and log4j2.properties (default conf/;
#                    CONF_DIR, if set, wins over it)
set -euo pipefail

source "$(dirname "$0")/common.sh"
parse_script_options "$@"

# yarn_setting NAME: NAME's value in the YARN client settings (yarn-site.xml), if set there.
yarn_setting() {
  cat "${HADOOP_CONF_DIR:-/nonexistent}/yarn-site.xml" "${YARN_CONF_DIR:-/nonexistent}/yarn-site.xml" 2>/dev/null \
    | tr -d ' \t\r\n' | grep -o "<name>$1</name><value>[^<]*" | head -1 | sed 's/.*<value>//' || true
}

# yarn_rm_address KEY PORT: the ResourceManager's address KEY (host:port), or Hadoop's default,
# the RM's host name with PORT (no host name: this machine, as Hadoop's wildcard default means to
# a client); nothing for a cluster with several RMs (HA), whose client fails over.
yarn_rm_address() {
  local address host
  [ "$(yarn_setting yarn.resourcemanager.ha.enabled)" = true ] && return
  address="$(yarn_setting "$1")"
  host="$(yarn_setting yarn.resourcemanager.hostname)"
  address="${address//'${yarn.resourcemanager.hostname}'/$host}"
  echo "${address:-${host:-127.0.0.1}:$2}"
}

# json_field NAME JSON: the first string value of NAME in JSON (enough for the REST API's answers).
json_field() {
  grep -o "\"$1\":\"[A-Za-z0-9_]*\"" <<< "$2" | head -1 | cut -d'"' -f4 || true
}

# yarn_final_state WEB TAG: one line with the tagged application's id, state and final status,
# once the ResourceManager has settled them (10 s at most).
yarn_final_state() {
  local json=""
  for _ in $(seq 20); do
    json="$(curl -fsS --max-time 5 "http://$1/ws/v1/cluster/apps?applicationTags=$2" 2>/dev/null || true)"
    case "$(json_field state "$json")" in FINISHED|FAILED|KILLED|'') break ;; esac
    sleep 0.5
  done
  if [ -z "$(json_field id "$json")" ]; then
    echo "submit-yarn: no application tagged $2 at the ResourceManager at http://$1 (never submitted, or no answer)"
  else
    echo "submit-yarn: $(json_field id "$json") $(json_field state "$json")/$(json_field finalStatus "$json") (the ResourceManager at http://$1)"
  fi
}

DEPLOY_MODE="${DEPLOY_MODE:-cluster}"
case "$DEPLOY_MODE" in
  client|cluster) ;;
  *) fail 2 "DEPLOY_MODE must be client or cluster, not '$DEPLOY_MODE'" ;;
esac
LOCAL_YARN=false
if [ -z "${HADOOP_CONF_DIR:-}${YARN_CONF_DIR:-}" ]; then
  if ! local_yarn_pid >/dev/null || [ ! -f "$YARN_DIR/conf/yarn-site.xml" ]; then
    fail 2 "no YARN to submit to: set HADOOP_CONF_DIR to your cluster's configuration, or start one here with submit-scripts/yarn-up.sh"
  fi
  export HADOOP_CONF_DIR="$YARN_DIR/conf"
  LOCAL_YARN=true
fi
EVENT_LOG_DIR="${EVENT_LOG_DIR:-spark-events}"
case "$EVENT_LOG_DIR" in
  *://*|file:/*) ;;
  /*) EVENT_LOG_DIR="file:$EVENT_LOG_DIR" ;;
  *) EVENT_LOG_DIR="file:$PWD/$EVENT_LOG_DIR" ;;
esac

# A ResourceManager that refuses or drops connections: one line now, not a stack trace later.
# (Its IPC port answers an HTTP request with a note, so it counts as there.)
RM_RPC="$(yarn_rm_address yarn.resourcemanager.address 8032)"
if [ -n "$RM_RPC" ] && [ "$DRY_RUN" = false ] && ! reachable "$RM_RPC"; then
  fail 1 "cannot reach the ResourceManager at $RM_RPC (from $HADOOP_CONF_DIR${YARN_CONF_DIR:+ or $YARN_CONF_DIR}); is it running?"
fi
ensure_app_jar
find_spark_submit

# A unique tag finds this application in the ResourceManager's REST API afterwards.
TAG="spark-cpu-tour-$(date +%s)-$$"
OPTS=(--master yarn --deploy-mode "$DEPLOY_MODE" --class "$MAIN_CLASS" --queue "${QUEUE:-default}"
      --num-executors "${NUM_EXECUTORS:-2}" --driver-memory "${DRIVER_MEMORY:-1g}"
      --executor-memory "${EXECUTOR_MEMORY:-2g}" --executor-cores "${EXECUTOR_CORES:-2}"
      # YARN generates and distributes the authentication secret itself
      --conf spark.authenticate=true
      --conf spark.eventLog.dir="$EVENT_LOG_DIR"
      --conf spark.yarn.tags="$TAG"
      # a failed run is reported, not run a second time
      --conf spark.yarn.maxAppAttempts=1
      # a ResourceManager that does not answer is an error within seconds, not 15 minutes of retries
      --conf spark.hadoop.yarn.resourcemanager.connect.max-wait.ms="${RM_CONNECT_WAIT_MS:-15000}"
      --conf spark.hadoop.yarn.resourcemanager.connect.retry-interval.ms=1000
      --conf spark.hadoop.ipc.client.connect.max.retries=1
      --conf spark.hadoop.ipc.client.connect.max.retries.on.timeouts=1
      --conf spark.hadoop.ipc.client.connect.timeout=5000
      # the driver's UI cannot cancel our jobs
      --conf spark.ui.killEnabled=false)
STAGING_DIR="${STAGING_DIR:-$([ "$LOCAL_YARN" = true ] && echo "$YARN_DIR/staging" || true)}"
if [ -n "$STAGING_DIR" ]; then
  OPTS+=(--conf spark.yarn.stagingDir="$STAGING_DIR")
fi
if [ "$LOCAL_YARN" = true ]; then
  # The driver, the application master and the executors listen on loopback only.
  export SPARK_LOCAL_IP=127.0.0.1
  OPTS+=(--conf spark.yarn.appMasterEnv.SPARK_LOCAL_IP=127.0.0.1 --conf spark.executorEnv.SPARK_LOCAL_IP=127.0.0.1)
  # The containers run on this machine: they read Spark's jars where they are instead of a
  # zip of them uploaded for every application.
  if [ -n "${SPARK_HOME:-}" ]; then
    OPTS+=(--conf "spark.yarn.jars=local:$SPARK_HOME/jars/*")
  fi
fi

if [ "$DRY_RUN" = true ]; then
  run_or_print "${SUBMIT[@]}" "${OPTS[@]}" "$APP_JAR" "${APP_ARGS[@]}"
fi
if [ "$DEPLOY_MODE" = cluster ]; then
  echo "cluster deploy mode: the driver's table goes to its container's stdout; rebuild it here with: report --event-log ${EVENT_LOG_DIR#file:}" >&2
fi
status=0
"${SUBMIT[@]}" "${OPTS[@]}" "$APP_JAR" "${APP_ARGS[@]}" || status=$?
RM_WEB="$(yarn_rm_address yarn.resourcemanager.webapp.address 8088)"
if [ -n "$RM_WEB" ]; then
  yarn_final_state "$RM_WEB" "$TAG" >&2
fi
exit "$status"
