# Sourced by common.sh: a warm start for the JVMs that run SparkSubmit (and with it, in client
# and local mode, the driver). A class-data archive of Spark's and the application's classes,
# loaded and linked ahead of time: on JDK 25+ the AOT cache (JEP 483, with JEP 515's method
# profiles), on JDK 17-24 a dynamic CDS archive. It is made once, by a short training run, and
# kept in WARM_START_DIR under a name that changes with the JDK, the classpath, every jar on it
# and the JVM options, so a new build or another JDK makes a new one. WARM_START=off turns it off.
# Both JDKs refuse a non-empty folder on the class path when they archive, so the folders the
# scripts put there (conf, Hadoop's) go after the jars, where a JVM may add them at run time.

WARM_START="${WARM_START:-on}"
WARM_START_DIR="${WARM_START_DIR:-$TOUR_HOME/target/warm-start}"

# java_feature_version: sets JAVA_FEATURE_VERSION to the JDK's feature version (17, 25, ...), once:
# from the release file of $JAVA's home, else (macOS's /usr/bin/java is a stub) from the JVM itself.
java_feature_version() {
  [ -n "${JAVA_FEATURE_VERSION:-}" ] && return
  local home
  home="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v "$JAVA")")")")}"
  JAVA_FEATURE_VERSION="$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$home/release" 2>/dev/null)"
  if [ -z "$JAVA_FEATURE_VERSION" ]; then
    JAVA_FEATURE_VERSION="$("$JAVA" -XshowSettings:properties -version 2>&1 \
      | sed -n 's/^ *java.specification.version = \([0-9]*\).*/\1/p')"
  fi
  JAVA_FEATURE_VERSION="${JAVA_FEATURE_VERSION:-0}"
}

# file_stamps FILE...: each file's name, size, modification time to the nanosecond and inode
# (GNU stat, else BSD's on macOS), so that a file written again, even in the same second, differs.
file_stamps() {
  stat -L -c '%n %s %y %i' "$@" 2>/dev/null || stat -L -f '%N %z %Fm %i' "$@"
}

# warm_start: puts the options that load a warm start into SPARK_CLASS, the command spark_class
# set, making the archive first when there is none for this JVM, its options and its jars.
# Whatever goes wrong, the run goes on without one, said once on stderr.
warm_start() {
  [ "$WARM_START" = off ] && return
  java_feature_version
  local jdk="$JAVA_FEATURE_VERSION"
  local make use check ext
  if [ "$jdk" -ge 25 ]; then
    make=-XX:AOTCacheOutput= use=-XX:AOTCache= check=-XX:AOTMode=on ext=aot
  elif [ "$jdk" -ge 17 ]; then
    make=-XX:ArchiveClassesAtExit= use=-XX:SharedArchiveFile= check=-Xshare:on ext=jsa
  else
    return
  fi
  # the archive is made and named for the JVM's options with the jars alone on the class path
  local jvm=("${SPARK_CLASS_OPTS[@]}" -cp "$SPARK_CLASS_JARS")
  local key
  key="$({ readlink -f "$(command -v "$JAVA")"; echo "$jdk"; printf '%s\n' "${jvm[@]}"; cat "$TOUR_HOME/conf/java17-opens.args"
           local IFS=:; for entry in $SPARK_CLASS_JARS; do file_stamps $entry; done; } 2>&1 | cksum | tr ' ' -)"
  local archive="$WARM_START_DIR/jdk$jdk-$key.$ext"
  if [ ! -f "$archive" ]; then
    [ "$DRY_RUN" = true ] && return
    [ -f "$archive.failed" ] && return # said so when it failed; a new jar or JDK tries again
    make_warm_start "$archive" "$make" "${jvm[@]}" || return 0
  fi
  # checked once per archive file, with the run's own options and class path: a corrupt or
  # foreign archive can crash a JVM that maps it
  local seen; seen="$(file_stamps "$archive")"
  if [ "$(cat "$archive.checked" 2>/dev/null)" != "$seen" ]; then
    if ! "$JAVA" "${SPARK_CLASS_OPTS[@]}" "$use$archive" "$check" -XX:+VerifySharedSpaces -cp "$SPARK_CLASS_CP" \
         -version >/dev/null 2>&1; then
      echo "warm start: $archive does not load (corrupt, or made for another JVM); running without it, the next run makes a new one" >&2
      rm -f "$archive" "$archive.checked"
      return
    fi
    echo "$seen" > "$archive.checked"
  fi
  SPARK_CLASS=("$JAVA" "${SPARK_CLASS_OPTS[@]}" "$use$archive" -cp "$SPARK_CLASS_CP" "${SPARK_CLASS_MAIN[@]}")
}

# make_warm_start ARCHIVE MAKE_OPTION JVM_OPTION...: the training run, a small local comparison of
# the tutorial's workloads through SparkSubmit with the run's own JVM options, event log and UI
# on as in a real run, everything it writes in a folder removed afterwards.
make_warm_start() {
  local archive="$1" make="$2"; shift 2
  mkdir -p "$WARM_START_DIR"
  # (what a training run stopped by Ctrl-C left behind)
  find "$WARM_START_DIR" -maxdepth 1 -name 'training.*' -mmin +30 -exec rm -rf {} + 2>/dev/null || true
  local work; work="$(mktemp -d "$WARM_START_DIR/training.XXXXXX")"
  echo "Making a warm start for this JVM in $archive (first run only; WARM_START=off skips it)..." >&2
  if (cd "$work" && SPARK_LOCAL_IP=127.0.0.1 "$JAVA" "$@" "$make$work/archive" \
        org.apache.spark.deploy.SparkSubmit --master 'local[*]' --conf spark.eventLog.dir="$work/events" \
        --class "$MAIN_CLASS" spark-internal compare --scale tiny --workloads primes,image --warmup 1 --repeat 3 \
        --out "$work/results" >"$work/training.log" 2>&1) && [ -s "$work/archive" ]; then
    local name="${archive##*/}"; rm -f "$WARM_START_DIR/${name%%-*}"-*  # this JDK's older archives
    mv "$work/archive" "$archive"
    rm -rf "$work"
  else
    mv "$work/training.log" "$archive.failed"
    rm -rf "$work"
    echo "warm start: the training run failed (its log: $archive.failed); running without a warm start" >&2
    return 1
  fi
}
