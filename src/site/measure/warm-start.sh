#!/usr/bin/env bash
#
# What the scripts' warm start gives on this machine, per JDK, cold and warm side by side:
#   src/site/measure/warm-start.sh [ROUNDS] [JAVA_HOME...]
#
# Each round runs `run-local.sh primes --strategy spark --repeat 5` once with WARM_START=off and
# once with it on, alternately, for every JDK named (default: the java on the PATH, then every
# JDK 25 under /usr/lib/jvm), so both sides of a ratio see nearly the same load. Printed per run:
# Spark's start-up as the application reports it, the first job, the median of the last three
# (settled), and the whole command's wall time; then the medians per JDK and side. The archive of
# each JDK is made before the first round (the training run is not timed).
set -euo pipefail

ROUNDS="${1:-5}"; shift || true
ROOT="$(cd "$(dirname "$0")/../../.." && pwd)"
HOMES=("$@")
if [ ${#HOMES[@]} -eq 0 ]; then
  HOMES=("$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")")
  for home in /usr/lib/jvm/*; do
    grep -qs 'JAVA_VERSION="25' "$home/release" && HOMES+=("$home")
  done
fi

median() { sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
RUN=(bash "$ROOT/submit-scripts/run-local.sh" primes --strategy spark --repeat 5)

# one_run HOME WARM: prints "start first settled wall" of one run
one_run() {
  local out start end
  start=$(date +%s.%N)
  out="$(cd "$WORK" && JAVA_HOME="$1" WARM_START="$2" "${RUN[@]}" 2>&1 >/dev/null)"
  end=$(date +%s.%N)
  local up first settled
  up="$(sed -n 's/.* started in \([0-9.]*\) s.*/\1/p' <<<"$out")"
  first="$(sed -n 's/.*timed run 1\/5 took \([0-9.]*\) s.*/\1/p' <<<"$out")"
  settled="$(sed -n 's/.*timed run [345]\/5 took \([0-9.]*\) s.*/\1/p' <<<"$out" | median)"
  echo "$up $first $settled $(echo "$end - $start" | bc)"
}

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
for home in "${HOMES[@]}"; do
  JAVA_HOME="$home" "${RUN[@]}" >/dev/null 2>&1 </dev/null || { echo "$home: the run failed" >&2; exit 1; }
done
printf '%-40s %-5s %6s %8s %8s %8s %6s\n' jdk warm start_s first_s settled_s wall_s load
for round in $(seq "$ROUNDS"); do
  for home in "${HOMES[@]}"; do
    for warm in off on; do
      read -r up first settled wall <<<"$(one_run "$home" "$warm")"
      printf '%-40s %-5s %6s %8s %8s %8.2f %6s\n' "${home##*/}" "$warm" "$up" "$first" "$settled" "$wall" \
        "$(cut -d' ' -f1 /proc/loadavg 2>/dev/null || echo -)" | tee -a "$WORK/rows"
    done
  done
done
echo
echo "medians over $ROUNDS rounds:"
for home in "${HOMES[@]}"; do
  for warm in off on; do
    rows="$(grep "^${home##*/} *$warm " "$WORK/rows")"
    col() { awk -v c="$1" '{ print $c }' <<<"$rows" | median; }
    printf '%-40s %-4s start %s s, first job %s s, settled %s s, wall %s s\n' "${home##*/}" "$warm" \
      "$(col 3)" "$(col 4)" "$(col 5)" "$(col 6)"
  done
  # ratios within a round: warm start-up / cold start-up, and warm first job / warm settled
  printf '%-40s warm start-up / cold: %s, warm first job / settled: %s\n' "${home##*/}" \
    "$(grep "^${home##*/} " "$WORK/rows" | awk '$2 == "off" { c = $3 } $2 == "on" { printf "%.2f\n", $3 / c }' | median)" \
    "$(grep "^${home##*/} *on " "$WORK/rows" | awk '{ printf "%.2f\n", $4 / $5 }' | median)"
done
