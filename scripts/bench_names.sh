#!/usr/bin/env bash
# Benchmark `whosaid names`: build Release, generate N name mentions
# (scripts/gen_names.py), cluster them under /usr/bin/time -v, print the
# elapsed time, peak memory and cluster count. A benchmark, not a test: it
# never fails on a number.
#
#   scripts/bench_names.sh [N]          (default 1000000)
#
# Environment: BUILD_DIR (default build), SEED (1), THREADS (0 = all cores),
# BENCH_DIR (bench/, where the data and the output are kept).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
n="${1:-1000000}"
build="${BUILD_DIR:-$here/build}"
out_dir="${BENCH_DIR:-$here/bench}"
seed="${SEED:-1}"
threads="${THREADS:-0}"
mkdir -p "$out_dir"

echo "== build ($build, Release)"
cmake -S "$here" -B "$build" -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$build" -j2 --target whosaid >/dev/null

data="$out_dir/names_${n}_seed${seed}.tsv"
if [[ ! -s "$data" ]]; then
  echo "== generate $n mentions (seed $seed)"
  python3 "$here/scripts/gen_names.py" -n "$n" --seed "$seed" -o "$data"
fi
echo "   $(wc -l <"$data") lines, $(sort -u "$data" | wc -l) distinct"

echo "== whosaid names --threads $threads"
result="$out_dir/names_${n}.jsonl"
timing="$out_dir/names_${n}.time"
/usr/bin/time -v "$build/whosaid" names --threads "$threads" -o "$result" "$data" 2>"$timing"
elapsed=$(grep "Elapsed (wall clock)" "$timing" | awk '{print $NF}')
rss_kb=$(grep "Maximum resident set size" "$timing" | awk '{print $NF}')
clusters=$(python3 -c "import json,sys; print(len({json.loads(l)['cluster'] for l in open(sys.argv[1])}))" "$result")
echo "elapsed: $elapsed   peak RSS: $((rss_kb / 1024)) MiB   clusters: $clusters"
