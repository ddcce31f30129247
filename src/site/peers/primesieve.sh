#!/usr/bin/env bash
#
# π(N) by Kim Walisch's primesieve and by our sieve, on this machine, side by side:
#   src/site/peers/primesieve.sh [N] [ROUNDS]        e.g. src/site/peers/primesieve.sh 1e10 5
#
# primesieve (C++, Debian package `primesieve`) is a measuring stick, not a dependency of the
# project or its tests: the script installs it with apt-get when it is missing and we are root.
# Each round runs primesieve on 1 and 2 threads, then our serial-sieve, threads-sieve and
# spark-sieve (one JVM: warm-ups until settled, then 3 timed runs each), so the two sides of a ratio
# see nearly the same load; it prints every round with its load average, then the medians.
# A busy machine slows both sides, but not equally: quote the load with the figures.
set -euo pipefail

N="${1:-${N:-1e10}}"
ROUNDS="${2:-${ROUNDS:-5}}" # odd, so the median is one of the rounds
ROOT="$(cd "$(dirname "$0")/../../.." && pwd)"

if ! command -v primesieve >/dev/null; then
  if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
    echo "Installing Debian's primesieve package..." >&2
    apt-get install -y -qq primesieve >&2 || { apt-get update -qq >&2 && apt-get install -y -qq primesieve >&2; }
  else
    echo "primesieve is not installed: apt-get install primesieve, brew install primesieve, or see its README" >&2
    exit 1
  fi
fi

median() { sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

# primesieve prints "Seconds: 1.049" with --time; -q keeps the count on its own line
primesieve_seconds() {
  primesieve "$N" --count -q --time -t"$1" | awk '/^Seconds:/ { print $2 }'
}

# our median seconds per strategy: "serial-sieve 1.749" lines
# (a median marked * for unsettled warm-ups is taken as it is)
ours_seconds() {
  "$ROOT/submit-scripts/run-local.sh" primes --n "$(awk -v n="$N" 'BEGIN { printf "%.0f", n }')" \
    --kernel sieve --strategy all --warmup auto --repeat 3 2>/dev/null | awk '$1 == "primes" { sub(/\*$/, "", $3); print $2, $3 }'
}

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2- | xargs || uname -m); $(primesieve --version | head -1)"
echo "pi($N): each round runs primesieve -t1 and -t2, then ours (one JVM, --warmup auto --repeat 3, medians)"
printf '%-6s %-17s %9s %9s %9s %9s %9s\n' round load "ps -t1" "ps -t2" serial threads spark
rows=""
for round in $(seq "$ROUNDS"); do
  load=$(uptime | sed 's/.*load average: //; s/,.*//')
  p1=$(primesieve_seconds 1)
  p2=$(primesieve_seconds 2)
  ours=$(ours_seconds)
  serial=$(awk '$1 == "serial-sieve" { print $2 }' <<<"$ours")
  threads=$(awk '$1 == "threads-sieve" { print $2 }' <<<"$ours")
  spark=$(awk '$1 == "spark-sieve" { print $2 }' <<<"$ours")
  printf '%-6s %-17s %9.3f %9.3f %9.3f %9.3f %9.3f\n' "$round" "$load" "$p1" "$p2" "$serial" "$threads" "$spark"
  rows+="$p1 $p2 $serial $threads $spark"$'\n'
done

# medians per column, and the median of each round's ratio (both sides saw the same load)
median() { sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
column() { awk -v c="$1" 'NF { print $c }' <<<"$rows" | median; }
ratio() { printf '%.2f' "$(awk -v a="$1" -v b="$2" 'NF { print $a / $b }' <<<"$rows" | median)"; }
printf '%-6s %-17s %9.3f %9.3f %9.3f %9.3f %9.3f\n' median "" "$(column 1)" "$(column 2)" "$(column 3)" "$(column 4)" "$(column 5)"
echo "median ratios: serial-sieve / primesieve -t1 = $(ratio 3 1)x, threads-sieve / primesieve -t2 = $(ratio 4 2)x," \
  "spark-sieve / primesieve -t2 = $(ratio 5 2)x; serial / threads = $(ratio 3 4)x, serial / spark = $(ratio 3 5)x"
