# Sourced by the submit scripts: where things are, and how to get a jar, a Spark home and a
# spark-submit. Like Spark's own load-spark-env.sh, it only sets variables and defines functions.

TOUR_HOME="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
APP_JAR="${APP_JAR:-$TOUR_HOME/target/spark-cpu-tour.jar}"
MAIN_CLASS="dev.sparkcputour.Main"
CLUSTER_DIR="${CLUSTER_DIR:-$TOUR_HOME/target/cluster}"
# the local YARN of yarn-up.sh: its log, pid file, client conf and containers' folders
YARN_DIR="${YARN_DIR:-$TOUR_HOME/target/yarn}"
# spark-submit reads spark-defaults.conf from here and puts it on the classpath (log4j2.properties):
# CONF_DIR if given, else the user's own SPARK_CONF_DIR, else the tour's conf/
export SPARK_CONF_DIR="${CONF_DIR:-${SPARK_CONF_DIR:-$TOUR_HOME/conf}}"
# The JVM: JAVA_HOME's when set, as Spark's bin/spark-class does, else java on the PATH
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"

source "$TOUR_HOME/submit-scripts/warm-start.sh"

# Builds the application jar when it is missing (build output on stderr; stdout is for results).
ensure_app_jar() {
  if [ ! -f "$APP_JAR" ]; then
    echo "Building $APP_JAR (first run only)..." >&2
    mvn -B -q -f "$TOUR_HOME/pom.xml" -DskipTests package >&2
  fi
}

# Sets SPARK_HOME: the installation it names, else Spark's jars from Maven Central assembled
# once into target/spark-home. Workers started from such a home need SPARK_SCALA_VERSION.
ensure_spark_home() {
  if [ -n "${SPARK_HOME:-}" ] && [ -d "$SPARK_HOME/jars" ]; then
    return
  fi
  export SPARK_HOME="$TOUR_HOME/target/spark-home"
  export SPARK_SCALA_VERSION="${SPARK_SCALA_VERSION:-2.13}"
  # (again when it predates the YARN client)
  if ! ls "$SPARK_HOME"/jars/spark-yarn_*.jar >/dev/null 2>&1; then
    echo "No Spark installation found; assembling one from Maven Central into $SPARK_HOME..." >&2
    mvn -B -q -f "$TOUR_HOME/pom.xml" -Pspark-runtime validate >&2
  fi
}

# Sets SUBMIT to a spark-submit command: the one in SPARK_HOME or on PATH, else Spark's own
# SparkSubmit class on the jars Maven resolves into target/spark-home.
find_spark_submit() {
  APP_ON_CLASSPATH=false
  if [ -n "${SPARK_HOME:-}" ] && [ -x "$SPARK_HOME/bin/spark-submit" ]; then
    SUBMIT=("$SPARK_HOME/bin/spark-submit")
  elif command -v spark-submit >/dev/null 2>&1; then
    SUBMIT=("$(command -v spark-submit)")
  else
    ensure_spark_home
    # spark-submit's launcher sizes the driver's heap before its JVM starts; run directly,
    # SparkSubmit cannot, so --driver-memory alone would leave the JVM's default heap
    # with the application jar on the class path too, so that its classes join the warm start
    # (SparkSubmit's own loader asks this one first)
    JARS_CP="$SPARK_HOME/jars/*:$APP_JAR" spark_class -Xmx"${DRIVER_MEMORY:-1g}" ${SUBMIT_JAVA_OPTS:-} \
      org.apache.spark.deploy.SparkSubmit
    warm_start
    APP_ON_CLASSPATH=true
    SUBMIT=("${SPARK_CLASS[@]}")
  fi
}

# spark_class [JVM_OPTION...] CLASS [ARG...]: sets SPARK_CLASS to the command that runs one of
# Spark's own classes on SPARK_HOME's jars (JARS_CP when set), as Spark's bin/spark-class does:
# the flags Java 17 needs, SPARK_CONF_DIR's log4j2.properties, the JVM options (every leading
# argument that starts with -), and the configuration folders on the classpath after the jars
# (a class-data archive allows folders only there).
spark_class() {
  local jvm=()
  if [ -f "$SPARK_CONF_DIR/log4j2.properties" ]; then
    jvm+=("-Dlog4j2.configurationFile=$SPARK_CONF_DIR/log4j2.properties")
  fi
  # as Spark's launcher does on newer JDKs, which otherwise warn about Netty's and zstd's native access
  java_feature_version
  if [ "$JAVA_FEATURE_VERSION" -ge 24 ]; then
    jvm+=(--enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow)
  fi
  while [ $# -gt 0 ] && [ "${1#-}" != "$1" ]; do jvm+=("$1"); shift; done
  # like spark-class, Hadoop's and YARN's client settings come from their folders on the classpath
  # (its parts kept apart too, for warm_start)
  SPARK_CLASS_OPTS=("@$TOUR_HOME/conf/java17-opens.args" ${jvm[@]+"${jvm[@]}"})
  SPARK_CLASS_JARS="${JARS_CP:-$SPARK_HOME/jars/*}"
  SPARK_CLASS_CP="$SPARK_CLASS_JARS:$SPARK_CONF_DIR${HADOOP_CONF_DIR:+:$HADOOP_CONF_DIR}${YARN_CONF_DIR:+:$YARN_CONF_DIR}"
  SPARK_CLASS_MAIN=("$@")
  SPARK_CLASS=("$JAVA" "${SPARK_CLASS_OPTS[@]}" -cp "$SPARK_CLASS_CP" "$@")
}

# Prints the pid of the local YARN that yarn-up.sh started, if it still runs (a recycled pid of
# another program does not count).
local_yarn_pid() {
  local pid
  pid="$(cat "$YARN_DIR/yarn.pid" 2>/dev/null)" || return 1
  grep -qs "LocalYarn" "/proc/$pid/cmdline" && echo "$pid"
}

# write_private_conf FILE: writes FILE, readable by this user only, from SPARK_CONF_DIR's
# spark-defaults.conf (if there is one) followed by the settings on stdin, which win over it.
write_private_conf() {
  (umask 077
   { if [ -f "$SPARK_CONF_DIR/spark-defaults.conf" ]; then cat "$SPARK_CONF_DIR/spark-defaults.conf"; fi
     echo; cat; } > "$1")
}

# Handles the options every submit script shares, before the application's own:
# --help prints the script's header comment, --dry-run prints the command instead of running it.
DRY_RUN=false
parse_script_options() {
  while [ $# -gt 0 ]; do
    case "$1" in
      -h|--help) sed -n '3,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//' >&2; exit 0 ;;
      --dry-run) DRY_RUN=true; shift ;;
      *) break ;;
    esac
  done
  APP_ARGS=("$@")
}

# fail CODE MESSAGE: one line on stderr, named after the script, then exit (2: bad input, 1: a
# run-time failure).
fail() {
  local name="${0##*/}"
  echo "${name%.sh}: $2" >&2
  exit "$1"
}

# reachable HOST:PORT: false when nothing accepts a connection there within 5 s (refused, dropped,
# or an unknown host); whatever answers, in whatever protocol, is there. Never through a proxy.
reachable() {
  local code=0
  curl -s -o /dev/null --noproxy '*' --connect-timeout 5 --max-time 5 "http://$1/" || code=$?
  case "$code" in 6|7|28) return 1 ;; esac
}

# Runs (or with --dry-run prints) the final command.
run_or_print() {
  if [ "$DRY_RUN" = true ]; then
    printf '%q ' "$@"; echo
    exit 0
  fi
  exec "$@"
}
