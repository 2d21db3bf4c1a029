#!/usr/bin/env bash
# Times a rebuild of each project after an edit of its Sixty.cs (a touch), warm compiler server, Release:
# the 60 [Hamiltonian] methods (Generated) against the same 60 methods written by hand (HandWritten).
# Usage: benchmarks/BuildTime/measure.sh [runs]   (default 5; prints the median wall time of each)
set -euo pipefail
cd "$(dirname "$0")"
runs=${1:-5}
for project in Generated HandWritten; do
  dotnet build -c Release "$project" >/dev/null   # restore, and warm the compiler server
done
median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
for project in Generated HandWritten; do
  for _ in $(seq "$runs"); do
    touch "$project/Sixty.cs"
    start=$(date +%s.%N)
    dotnet build -c Release --no-restore "$project" >/dev/null
    echo "$(date +%s.%N) - $start" | bc
  done | median | xargs printf "%s: median %.2f s over $runs rebuilds\n" "$project"
done
