#!/usr/bin/env bash
# Benchmark (issue 13): `whosaid extract` per core, on PolNeAR train repeated
# COPIES times (default 11: 42.5 MB of news text, 9,240 articles, ids made
# unique by bench/make_corpus.py), one thread. Reports, per binary:
#
#   MB/s of news text by CPU time (user + sys: the figure that holds on a
#   shared machine) and by wall time, peak RSS, records written, and the
#   ratio to the one-pass floor: `grep -cP '["“”]'` (one PCRE2-JIT pass) over
#   the same text, page-cached, timed in the same run. Where node finds the
#   npm package quote-parser (bench/node_modules or NODE_PATH) its time over
#   the same texts is reported too; where npm is available and the package
#   is not, the script installs it into bench/node_modules first (from the
#   npm registry; NPM_INSTALL=0 never installs). The benchmark only: no
#   build, test or run of whosaid needs node.
#
#   scripts/bench_extract.sh [BINARY...]      (default: build/whosaid)
#
# A second table does the same on the source once (COPIES=1: 840 distinct
# articles, 3.9 MB), the case of a day's feed: the corpus stage's name
# clustering and parsing grow with distinct names, not with documents, so
# news without repeats costs more per byte than the repeated corpus
# (DISTINCT=0 skips it; it is the only table when COPIES=1).
#
# Environment: BUILD_DIR (default build; built as Release unless
# SKIP_BUILD=1), COPIES (11), SOURCE (../shared/data/polnear/train.jsonl),
# RUNS (best of, 1), THREADS (1), DISTINCT (1), INSTR=1 to count
# instructions as well (valgrind callgrind over the first 100 articles:
# stable where wall and CPU times are noisy).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${BUILD_DIR:-$here/build}"
source_file="${SOURCE:-$here/../shared/data/polnear/train.jsonl}"
copies="${COPIES:-11}" runs="${RUNS:-1}" threads="${THREADS:-1}"
[ -r "$source_file" ] || { echo "bench_extract.sh: cannot read $source_file" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "bench_extract.sh: needs /usr/bin/time (Debian package time)" >&2; exit 1; }

if [ "${SKIP_BUILD:-0}" != 1 ]; then
  echo "== build ($build, Release)"
  cmake -S "$here" -B "$build" -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build "$build" -j2 --target whosaid >/dev/null
fi
bins=("$@")
[ ${#bins[@]} -gt 0 ] || bins=("$build/whosaid")

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

# seconds (user+sys, wall) of a command, best of $2 runs: "cpu wall peak_kb"
measure() {
  local out=$1 n=$2 best_cpu="" best_wall="" rss=0
  shift 2
  for ((i = 0; i < n; i++)); do
    /usr/bin/time -f '%U %S %e %M' -o "$tmp/time" "$@" >"$out" 2>/dev/null
    read -r u s e kb <"$tmp/time"
    cpu=$(awk -v u="$u" -v s="$s" 'BEGIN { printf "%.2f", u + s }')
    if [ -z "$best_cpu" ] || awk -v a="$cpu" -v b="$best_cpu" 'BEGIN { exit !(a < b) }'; then
      best_cpu=$cpu best_wall=$e
    fi
    ((kb > rss)) && rss=$kb
  done
  echo "$best_cpu $best_wall $rss"
}

qp_found() {
  NODE_PATH="$here/bench/node_modules${NODE_PATH:+:$NODE_PATH}" node -e "require.resolve('quote-parser')" 2>/dev/null
}
if [ "${NPM_INSTALL:-1}" = 1 ] && command -v node >/dev/null && command -v npm >/dev/null && ! qp_found; then
  echo "== npm install quote-parser (bench/node_modules, for the comparison)"
  (cd "$here/bench" && npm install --no-save --no-package-lock --no-audit --no-fund quote-parser >/dev/null 2>&1) ||
    echo "npm install quote-parser failed (no registry?); the comparison is skipped"
fi

# One table: the floor, each binary and quote-parser over the source
# repeated $1 times (the corpus made once and kept in bench/).
table() {
  local n=$1
  corpus="$here/bench/corpus_x$n.jsonl" text="$here/bench/corpus_x$n.txt"
  if [ ! -s "$corpus" ] || [ "$corpus" -ot "$source_file" ]; then
    python3 "$here/bench/make_corpus.py" "$source_file" "$n" "$corpus" "$text" >/dev/null
  fi
  text_bytes=$(stat -c %s "$text")
  local docs mb
  docs=$(wc -l <"$corpus")
  mb=$(awk -v b="$text_bytes" 'BEGIN { printf "%.1f", b / 1e6 }')
  cat "$corpus" "$text" >/dev/null  # page-cache both
  # the floor: grep over the plain text, 10 passes timed together for resolution
  local floor_reps=10
  read -r fcpu fwall _ < <(measure "$tmp/grep" 1 bash -c \
    "for i in \$(seq $floor_reps); do grep -cP '[\"“”]' '$text'; done")
  fcpu=$(awk -v c="$fcpu" -v n=$floor_reps 'BEGIN { printf "%.4f", c / n }')
  fwall=$(awk -v c="$fwall" -v n=$floor_reps 'BEGIN { printf "%.4f", c / n }')

  echo "== $docs articles, $mb MB of news text ($(basename "$source_file") x$n), --threads $threads, best of $runs"
  printf '%-34s %8s %8s %9s %9s %9s %8s %9s %9s\n' binary "cpu s" "wall s" "MB/s cpu" "MB/s wall" "peak MiB" records "x floor" "x fl.wall"
  row "grep -cP floor (one pass)" "$fcpu" "$fwall" 0 "-"
  for bin in "${bins[@]}"; do
    read -r cpu wall rss < <(measure "$tmp/out" "$runs" "$bin" extract --threads "$threads" "$corpus")
    row "$bin" "$cpu" "$wall" "$rss" "$(wc -l <"$tmp/out")"
  done
  if command -v node >/dev/null && qp_found; then
    read -r cpu wall rss < <(NODE_PATH="$here/bench/node_modules${NODE_PATH:+:$NODE_PATH}" \
      measure "$tmp/qp" "$runs" node "$here/bench/quote_parser.js" "$corpus")
    row "npm quote-parser" "$cpu" "$wall" "$rss" "$(cat "$tmp/qp") quotes"
  else
    echo "npm quote-parser: not installed here (npm install quote-parser in bench/ to compare); skipped"
  fi
  echo "(x floor: CPU seconds over the floor's; x fl.wall: wall over wall, same run)"
}
row() {  # name cpu wall rss records
  awk -v n="$1" -v c="$2" -v w="$3" -v k="$4" -v r="$5" -v b="$text_bytes" -v fc="$fcpu" -v fw="$fwall" 'BEGIN {
    printf "%-34s %8.3f %8.3f %9.2f %9.2f %9d %8s %9.1f %9.1f\n", n, c, w, (c > 0 ? b / 1e6 / c : 0),
      (w > 0 ? b / 1e6 / w : 0), k / 1024, r, (fc > 0 ? c / fc : 0), (fw > 0 ? w / fw : 0) }'
}

table "$copies"
if [ "${DISTINCT:-1}" = 1 ] && [ "$copies" != 1 ]; then
  echo
  echo "== news without repeats: the same source once"
  table 1
  corpus="$here/bench/corpus_x$copies.jsonl"  # (INSTR below: the repeated corpus)
fi

if [ "${INSTR:-0}" = 1 ]; then
  command -v valgrind >/dev/null || { echo "INSTR=1 needs valgrind" >&2; exit 1; }
  head -n 100 "$corpus" >"$tmp/first100.jsonl"
  sub_bytes=$(python3 -c "import json,sys; print(sum(len(json.loads(l)['text'].encode()) for l in open(sys.argv[1])))" "$tmp/first100.jsonl")
  echo "== instructions (callgrind), first 100 articles, $sub_bytes bytes of text"
  for bin in "${bins[@]}"; do
    ir=$(valgrind --tool=callgrind --callgrind-out-file="$tmp/cg" "$bin" extract --threads 1 \
      "$tmp/first100.jsonl" 2>&1 >/dev/null | awk '/refs:/ { gsub(",", "", $NF); print $NF }')
    awk -v n="$bin" -v i="$ir" -v b="$sub_bytes" 'BEGIN { printf "%-34s %15s instructions  %8.0f per byte of text\n", n, i, i / b }'
  done
fi
