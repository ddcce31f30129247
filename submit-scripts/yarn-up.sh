#!/usr/bin/env bash
#
# Starts a single-node YARN on this machine, bound to 127.0.0.1: Hadoop's MiniYARNCluster (a
# ResourceManager and a NodeManager in one JVM; each container, application master or executor,
# a JVM of its own), from Maven Central. Its client settings go to YARN_DIR/conf/yarn-site.xml,
# which submit-yarn.sh uses when HADOOP_CONF_DIR is unset. Stop it with yarn-down.sh.
#   submit-scripts/yarn-up.sh [--dry-run] && submit-scripts/submit-yarn.sh primes
#
# Environment overrides:
#   YARN_MEMORY_MB   memory the NodeManager books for containers (default 10240: two executors of
#                    2g heap + 2g overhead, and the application master)
#   YARN_DIR         its log, pid file, client conf and containers' folders (default target/yarn)
#   JAVA_HOME        the JDK the containers run (default: the one of `java` on PATH)
set -euo pipefail

source "$(dirname "$0")/common.sh"
parse_script_options "$@"

YARN_MEMORY_MB="${YARN_MEMORY_MB:-10240}"
YARN_HOME="$TOUR_HOME/target/yarn-home"
# the NodeManager passes JAVA_HOME to containers, whose launch command is $JAVA_HOME/bin/java
export JAVA_HOME="${JAVA_HOME:-$(java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.home = //p')}"

if local_yarn_pid >/dev/null; then
  echo "yarn-up: a local YARN started from $YARN_DIR still runs; run yarn-down.sh first" >&2
  exit 2
fi
if [ ! -d "$YARN_HOME/jars" ]; then
  echo "Fetching Hadoop's MiniYARNCluster from Maven Central into $YARN_HOME (first run only)..." >&2
  mvn -B -q -f "$TOUR_HOME/pom.xml" -Plocal-yarn validate >&2
fi

# Java runs the launcher from its source file: it is no part of the application jar.
# test.build.data is where MiniYARNCluster puts the NodeManager's folders (containers, their logs).
COMMAND=(java -Xmx1g -Dtest.build.data="$YARN_DIR/work" -cp "$TOUR_HOME/src/yarn/resources:$YARN_HOME/jars/*"
         "$TOUR_HOME/src/yarn/java/dev/sparkcputour/yarn/LocalYarn.java" "$YARN_DIR/conf"
         "yarn.minicluster.yarn.nodemanager.resource.memory-mb=$YARN_MEMORY_MB" "yarn.scheduler.maximum-allocation-mb=$YARN_MEMORY_MB")
if [ "$DRY_RUN" = true ]; then
  printf '%q ' "${COMMAND[@]}"; echo
  exit 0
fi

rm -rf "$YARN_DIR/work" "$YARN_DIR/conf"
mkdir -p "$YARN_DIR/conf"
nohup "${COMMAND[@]}" > "$YARN_DIR/yarn.log" 2>&1 &
echo $! > "$YARN_DIR/yarn.pid"

# LocalYarn writes the client conf once the ResourceManager listens (90 s at most).
for _ in $(seq 180); do
  [ -f "$YARN_DIR/conf/yarn-site.xml" ] && break
  if ! local_yarn_pid >/dev/null; then break; fi
  sleep 0.5
done
if [ ! -f "$YARN_DIR/conf/yarn-site.xml" ]; then
  echo "yarn-up: the local YARN did not get ready; see $YARN_DIR/yarn.log" >&2
  "$(dirname "$0")/yarn-down.sh" >&2 || true
  exit 1
fi
echo "Local YARN up: $(sed -n 's/^LocalYarn: //p' "$YARN_DIR/yarn.log")"
echo "Submit with submit-scripts/submit-yarn.sh COMMAND ...; stop with submit-scripts/yarn-down.sh"
