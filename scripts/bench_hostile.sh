#!/usr/bin/env bash
# Benchmark: a 100 MB document on a single line (a crawl dump given as one
# article). Builds Release, generates the file (the sample corpus repeated,
# newlines turned into blanks), then runs `whosaid extract` on it under
# /usr/bin/time -v:
#   1. with the default --max-doc-bytes (64M): refused at once, with a message;
#   2. with --max-doc-bytes 128M: read (in 1 MiB windows), every quote found.
# Prints the elapsed time and peak memory of each; exits 1 when a run takes
# more than 1 GB (the bound of issue 5), whatever the time.
#
#   scripts/bench_hostile.sh [MEGABYTES]      (default 100)
#
# Environment: BUILD_DIR (default build), BENCH_DIR (default build/bench).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
mb="${1:-100}"
build="${BUILD_DIR:-$here/build}"
out_dir="${BENCH_DIR:-$build/bench}"
limit_kb=$((1024 * 1024))
mkdir -p "$out_dir"
[ -x /usr/bin/time ] || { echo "bench_hostile.sh: needs /usr/bin/time (Debian package time)" >&2; exit 1; }

echo "== build ($build, Release)"
cmake -S "$here" -B "$build" -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$build" -j2 --target whosaid >/dev/null

data="$out_dir/one_line_${mb}mb.txt"
if [[ ! -s "$data" ]]; then
  echo "== generate $mb MB on one line"
  python3 - "$here/corpus" "$data" "$mb" <<'PY'
import pathlib, sys
text = " ".join(p.read_text(encoding="utf-8").replace("\n", " ")
                for p in sorted(pathlib.Path(sys.argv[1]).glob("*.txt"))) + " "
size = int(sys.argv[3]) * 1000 * 1000
unit = text.encode("utf-8")
with open(sys.argv[2], "wb") as out:
    written = 0
    while written + len(unit) <= size:
        out.write(unit)
        written += len(unit)
    out.write(unit[:size - written].decode("utf-8", "ignore").encode("utf-8"))
PY
fi
echo "   $(wc -c <"$data") bytes, $(wc -l <"$data") newlines"

over=0
# measure NAME ARGS... : runs whosaid extract ARGS under /usr/bin/time -v.
measure() {
  local name=$1 timing="$out_dir/$1.time" status=0
  shift
  /usr/bin/time -v "$build/whosaid" extract "$@" "$data" >"$out_dir/$name.jsonl" 2>"$timing" || status=$?
  local elapsed rss_kb
  elapsed=$(grep "Elapsed (wall clock)" "$timing" | awk '{print $NF}')
  rss_kb=$(grep "Maximum resident set size" "$timing" | awk '{print $NF}')
  printf '%-22s status %d   elapsed %8s   peak RSS %5d MiB   %d records\n' "$name" "$status" \
    "$elapsed" $((rss_kb / 1024)) "$(wc -l <"$out_dir/$name.jsonl")"
  grep '^whosaid:' "$timing" | head -n 3 | sed 's/^/    /'
  if [ "$rss_kb" -gt "$limit_kb" ]; then over=1; fi
}

echo "== whosaid extract (1 thread)"
measure default --threads 1
measure max_doc_bytes_128M --threads 1 --max-doc-bytes 128M
if [ "$over" -ne 0 ]; then
  echo "bench_hostile.sh: peak memory over 1 GB" >&2
  exit 1
fi
