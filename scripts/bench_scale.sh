#!/usr/bin/env bash
# Benchmark (issue 13): how `whosaid extract` scales. On PolNeAR train
# repeated COPIES times (default 11, 42.5 MB of news text; bench/make_corpus.py):
#
#   - --threads 1 and --threads 2, interleaved (1, 2, 1, 2, ...) ROUNDS
#     times (default 3), so that a slow spell of a shared machine falls on
#     both: each run's CPU seconds (user + sys), wall seconds and peak RSS;
#     then per config the best and the median wall and CPU; the wall
#     speed-up of 2 threads over 1 as best / best and median / median; and
#     whether every output is byte-identical to the first;
#   - the machine's own ceiling, each round: two --threads 1 runs started
#     together (two processes, nothing shared): the work of two runs in the
#     wall time of the pair, so 2 x (wall of one alone) / (wall of the pair)
#     is the most any two-thread speed-up can reach here (a shared or
#     throttled machine gives less than 2);
#   - the Dask run (scripts/dask_extract.py on a 2-worker LocalCluster) when
#     that script and python3-distributed are present: wall, and whether its
#     output equals the single run's;
#   - with BIG=1, peak RSS of `extract -o` over a corpus of 1 GB of JSON
#     Lines (COPIES_BIG copies, default 241: 202,440 articles, made in
#     BIG_DIR, default $TMPDIR or /tmp; slow: minutes per run).
#
# Wall figures need an otherwise idle machine (best of ROUNDS is the
# figure to quote: noise only adds time); CPU figures hold on a shared one.
#
#   scripts/bench_scale.sh [BINARY]      (default: build/whosaid, built Release unless SKIP_BUILD=1)
#   ROUNDS=5 scripts/bench_scale.sh      (more rounds: steadier best and median)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${BUILD_DIR:-$here/build}"
source_file="${SOURCE:-$here/../shared/data/polnear/train.jsonl}"
copies="${COPIES:-11}"
rounds="${ROUNDS:-3}"
[ -r "$source_file" ] || { echo "bench_scale.sh: cannot read $source_file" >&2; exit 1; }
[[ "$rounds" =~ ^[1-9][0-9]*$ ]] || { echo "bench_scale.sh: ROUNDS must be a positive integer" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "bench_scale.sh: needs /usr/bin/time (Debian package time)" >&2; exit 1; }
if [ "${SKIP_BUILD:-0}" != 1 ] && [ $# -eq 0 ]; then
  echo "== build ($build, Release)"
  cmake -S "$here" -B "$build" -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build "$build" -j2 --target whosaid >/dev/null
fi
bin="${1:-$build/whosaid}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

corpus_of() {  # copies [dir] → path of the JSON Lines corpus (made once)
  local c=$1 dir=${2:-$here/bench}
  local jl="$dir/corpus_x$1.jsonl" tx="$dir/corpus_x$1.txt"
  if [ ! -s "$jl" ] || [ "$jl" -ot "$source_file" ]; then
    python3 "$here/bench/make_corpus.py" "$source_file" "$c" "$jl" "$tx" >/dev/null
  fi
  echo "$jl"
}
run() {  # label out args... → prints a row, sets cpu wall
  local label=$1 out=$2
  shift 2
  /usr/bin/time -f '%U %S %e %M' -o "$tmp/time" "$@" >"$out" 2>"$tmp/err" || {
    echo "$label: failed (see below)"
    tail -n 5 "$tmp/err"
    return 1
  }
  read -r u s wall kb <"$tmp/time"
  cpu=$(awk -v u="$u" -v s="$s" 'BEGIN { printf "%.2f", u + s }')
  printf '%-30s %9s %9s %10d\n' "$label" "$cpu" "$wall" "$((kb / 1024))"
}

corpus="$(corpus_of "$copies")"
mb=$(awk -v b="$(stat -c %s "${corpus%.jsonl}.txt")" 'BEGIN { printf "%.1f", b / 1e6 }')
cat "$corpus" >/dev/null
echo "== $(wc -l <"$corpus") articles, $mb MB of news text ($(basename "$source_file") x$copies), $bin"
printf '%-30s %9s %9s %10s\n' run "cpu s" "wall s" "peak MiB"
same="byte-identical"  # every output compared with the first (round 1, --threads 1)
for ((r = 1; r <= rounds; r++)); do
  for t in 1 2; do
    run "extract --threads $t (round $r)" "$tmp/out" "$bin" extract --threads "$t" "$corpus"
    echo "$wall $cpu" >>"$tmp/runs$t"
    if [ ! -e "$tmp/t1" ]; then
      mv "$tmp/out" "$tmp/t1"
    elif ! cmp -s "$tmp/t1" "$tmp/out"; then
      same="DIFFERENT (--threads $t, round $r)"
    fi
  done
  start=$(date +%s.%N)
  "$bin" extract --threads 1 "$corpus" >"$tmp/pair_a" 2>/dev/null &
  pid_a=$!
  "$bin" extract --threads 1 "$corpus" >"$tmp/pair_b" 2>/dev/null || true
  wait "$pid_a" || true
  pair=$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.2f", b - a }')
  printf '%-30s %9s %9s %10s\n' "2 x --threads 1 at once ($r)" "-" "$pair" "-"
  echo "$pair" >>"$tmp/pairs"
  cmp -s "$tmp/t1" "$tmp/pair_a" && cmp -s "$tmp/t1" "$tmp/pair_b" || same="DIFFERENT (a run of a pair, round $r)"
done
stats() {  # file of "wall cpu" rows → "best_wall median_wall best_cpu median_cpu"
  local walls cpus
  walls=$(cut -d' ' -f1 "$1" | sort -g | awk '{ v[NR] = $1 } END { m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; print v[1], m }')
  cpus=$(cut -d' ' -f2 "$1" | sort -g | awk '{ v[NR] = $1 } END { m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; print v[1], m }')
  echo "$walls $cpus"
}
read -r best1 med1 cbest1 cmed1 <<<"$(stats "$tmp/runs1")"
read -r best2 med2 cbest2 cmed2 <<<"$(stats "$tmp/runs2")"
printf '%-30s %9s %9s %9s %9s\n' "over $rounds rounds" "best wall" "med wall" "best cpu" "med cpu"
printf '%-30s %9.2f %9.2f %9.2f %9.2f\n' "extract --threads 1" "$best1" "$med1" "$cbest1" "$cmed1"
printf '%-30s %9.2f %9.2f %9.2f %9.2f\n' "extract --threads 2" "$best2" "$med2" "$cbest2" "$cmed2"
awk -v a="$best1" -v b="$best2" -v c="$med1" -v d="$med2" -v s="$same" 'BEGIN {
  printf "2 threads: %.2fx the wall speed of 1 (best/best), %.2fx (median/median); outputs %s\n",
    (b > 0 ? a / b : 0), (d > 0 ? c / d : 0), s }'
pair_best=$(sort -g "$tmp/pairs" | head -n 1)
awk -v a="$best1" -v p="$pair_best" 'BEGIN {
  printf "machine ceiling: two one-thread runs at once took %.2f s (best): %.2fx the work of one per wall second\n",
    p, (p > 0 ? 2 * a / p : 0) }'

py=""  # Debian's python3-distributed is in the system python (not a pyenv one)
for p in python3 /usr/bin/python3; do
  if "$p" -c "import dask.bag, distributed" 2>/dev/null; then py=$p && break; fi
done
if [ -f "$here/scripts/dask_extract.py" ] && [ -n "$py" ]; then
  run "dask, 2 workers" "$tmp/dask" "$py" "$here/scripts/dask_extract.py" --workers 2 \
    --whosaid "$bin" "$corpus" && {
    cmp -s "$tmp/t1" "$tmp/dask" && echo "dask output: byte-identical to one run" ||
      echo "dask output: DIFFERENT from one run"
  }
else
  echo "dask: skipped (needs scripts/dask_extract.py and python3-distributed)"
fi

if [ "${BIG:-0}" = 1 ]; then
  big="$(corpus_of "${COPIES_BIG:-241}" "${BIG_DIR:-${TMPDIR:-/tmp}}")"  # 1.0 GB, never in the tree
  echo "== $(du -h "$big" | cut -f1) of JSON Lines ($(wc -l <"$big") articles)"
  run "extract -o, 1 GB" /dev/null "$bin" extract --threads 2 -o "$tmp/big.out" "$big"
else
  echo "1 GB corpus: skipped (BIG=1 to run it)"
fi
