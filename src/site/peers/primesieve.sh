#!/usr/bin/env bash
#
# π(N) by Kim Walisch's primesieve and by our sieve, on this machine, side by side:
#   src/site/peers/primesieve.sh [N] [ROUNDS]        e.g. src/site/peers/primesieve.sh 1e10 5
#
# primesieve (C++, Debian package `primesieve`) is a measuring stick, not a dependency of the
# project or its tests: the script installs it with apt-get when it is missing and we are root.
# It runs primesieve ROUNDS times on 1 and 2 threads, then ours (serial-sieve, threads-sieve and
# spark-sieve, one untimed warm-up and ROUNDS timed runs in one JVM), then primesieve again, so
# both see the same load; it prints the medians, their ratios and the load average. Compare CPU
# time too when the machine is shared: a busy machine slows both, but not equally.
set -euo pipefail

N="${1:-${N:-1e10}}"
ROUNDS="${2:-${ROUNDS:-5}}"
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
  for _ in $(seq "$ROUNDS"); do
    primesieve "$N" --count -q --time -t"$1" | awk '/^Seconds:/ { print $2 }'
  done
}

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2- | xargs || uname -m); $(primesieve --version | head -1)"
echo "load before: $(uptime | sed 's/.*load average: //')"
t1=$(primesieve_seconds 1)
t2=$(primesieve_seconds 2)
ours=$("$ROOT/submit-scripts/run-local.sh" primes --n "$(awk -v n="$N" 'BEGIN { printf "%.0f", n }')" \
  --kernel sieve --strategy all --warmup 1 --repeat "$ROUNDS" 2>/dev/null | awk '$1 == "primes" { print $2, $3 }')
t1="$t1"$'\n'"$(primesieve_seconds 1)"
t2="$t2"$'\n'"$(primesieve_seconds 2)"
echo "load after:  $(uptime | sed 's/.*load average: //')"

p1=$(median <<<"$t1")
p2=$(median <<<"$t2")
echo "pi($N), median seconds"
printf '%-22s %8s %8s\n' "run" "seconds" "ratio"
printf '%-22s %8.3f %8s\n' "primesieve -t1" "$p1" "1.00x" "primesieve -t2" "$p2" "1.00x"
while read -r strategy seconds; do
  reference=$([[ $strategy == serial-* ]] && echo "$p1" || echo "$p2")
  printf '%-22s %8.3f %7.2fx\n' "$strategy" "$seconds" "$(awk -v a="$seconds" -v b="$reference" 'BEGIN { print a / b }')"
done <<<"$ours"
echo "(ratios: serial against primesieve -t1, threads and spark against -t2)"
