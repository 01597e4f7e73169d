#!/usr/bin/env bash
# Benchmark: `whosaid extract` over a JSON Lines file (default: PolNeAR
# train, 840 articles, 12.3 MB), one thread, best of RUNS runs, under
# /usr/bin/time: elapsed seconds, peak RSS and the records written. Builds
# Release first. Give more binaries to compare them on the same input (for
# instance one built from an earlier commit, to measure what a stage adds):
#
#   scripts/bench_extract.sh [FILE] [BINARY...]
#   git worktree add /tmp/before <commit> && cmake -S /tmp/before -B /tmp/before/build \
#     -DCMAKE_BUILD_TYPE=Release && cmake --build /tmp/before/build --target whosaid && \
#   scripts/bench_extract.sh "" /tmp/before/build/whosaid
#
# Environment: BUILD_DIR (default build), RUNS (3), THREADS (1).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${BUILD_DIR:-$here/build}"
data="${1:-}"
[ -n "$data" ] || data="$here/../shared/data/polnear/train.jsonl"
shift || true
[ -r "$data" ] || { echo "bench_extract.sh: cannot read $data" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "bench_extract.sh: needs /usr/bin/time (Debian package time)" >&2; exit 1; }

echo "== build ($build, Release)"
cmake -S "$here" -B "$build" -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$build" -j2 --target whosaid >/dev/null

bins=("$build/whosaid" "$@")
runs="${RUNS:-3}" threads="${THREADS:-1}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
echo "== $(basename "$data") ($(du -h "$data" | cut -f1)), --threads $threads, best of $runs"
printf '%-40s %9s %10s %8s\n' binary seconds "peak MiB" records
for bin in "${bins[@]}"; do
  best="" rss=0
  for ((i = 0; i < runs; i++)); do
    /usr/bin/time -f '%e %M' -o "$tmp/time" "$bin" extract --threads "$threads" "$data" >"$tmp/out" 2>/dev/null
    read -r secs kb <"$tmp/time"
    if [ -z "$best" ] || awk -v a="$secs" -v b="$best" 'BEGIN { exit !(a < b) }'; then best=$secs; fi
    (( kb > rss )) && rss=$kb
  done
  printf '%-40s %9s %10s %8s\n' "$bin" "$best" "$((rss / 1024))" "$(wc -l <"$tmp/out")"
done
