#!/usr/bin/env bash
# Benchmark: hostile documents, in time and peak memory (/usr/bin/time -v).
#
#   scripts/bench_hostile.sh [MEGABYTES]        one line (default 100 MB)
#   scripts/bench_hostile.sh names [MEGABYTES]  only distinct names (default 60 MB)
#
# One line: a crawl dump given as one article — the sample corpus repeated,
# newlines turned into blanks. Runs `whosaid extract` on it
#   1. with the default --max-doc-bytes (16M): refused at once, with a message;
#   2. with --max-doc-bytes 128M: read (in 1 MiB windows), every quote found.
# Names: text made only of distinct capitalised names (issue 10: memory about
# 50 times the text, since the corpus stage keeps every name), run
#   1. with the default --max-doc-bytes: a document over 16M refused at once;
#   2. on its first 16 MB (just under the cap): read, under 1 GB.
# Prints the elapsed time and peak memory of each; exits 1 when a run takes
# more than 1 GB (the bound of issues 5 and 10), whatever the time.
#
# Environment: BUILD_DIR (default build), BENCH_DIR (default build/bench).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
mode=line
if [ "${1:-}" = names ]; then
  mode=names
  shift
fi
mb="${1:-$([ "$mode" = names ] && echo 60 || echo 100)}"
build="${BUILD_DIR:-$here/build}"
out_dir="${BENCH_DIR:-$build/bench}"
limit_kb=$((1024 * 1024))
mkdir -p "$out_dir"
[ -x /usr/bin/time ] || { echo "bench_hostile.sh: needs /usr/bin/time (Debian package time)" >&2; exit 1; }

echo "== build ($build, Release)"
cmake -S "$here" -B "$build" -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$build" -j2 --target whosaid >/dev/null

if [ "$mode" = names ]; then
  data="$out_dir/names_${mb}mb.txt"
  if [[ ! -s "$data" ]]; then
    echo "== generate $mb MB of distinct names"
    python3 - "$data" "$mb" <<'PY'
import random, string, sys
random.seed(11)
letters = string.ascii_lowercase
def word():
    return random.choice(string.ascii_uppercase) + "".join(random.choices(letters, k=random.randint(4, 8)))
size = int(sys.argv[2]) * 1000 * 1000
with open(sys.argv[1], "w") as out:
    written = 0
    while written < size:
        line = " ".join(f"{word()} {word()}," for _ in range(8)) + "\n"
        out.write(line)
        written += len(line)
PY
  fi
  head -c 16000000 "$data" >"$out_dir/names_16mb.txt"
else
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
fi
echo "   $(wc -c <"$data") bytes, $(wc -l <"$data") newlines"

over=0
# measure NAME ARGS... : runs whosaid extract ARGS (ending with the file)
# under /usr/bin/time -v.
measure() {
  local name=$1 timing="$out_dir/$1.time" status=0
  shift
  /usr/bin/time -v "$build/whosaid" extract "$@" >"$out_dir/$name.jsonl" 2>"$timing" || status=$?
  local elapsed rss_kb
  elapsed=$(grep "Elapsed (wall clock)" "$timing" | awk '{print $NF}')
  rss_kb=$(grep "Maximum resident set size" "$timing" | awk '{print $NF}')
  printf '%-22s status %d   elapsed %8s   peak RSS %5d MiB   %d records\n' "$name" "$status" \
    "$elapsed" $((rss_kb / 1024)) "$(wc -l <"$out_dir/$name.jsonl")"
  grep '^whosaid:' "$timing" | head -n 3 | sed 's/^/    /'
  if [ "$rss_kb" -gt "$limit_kb" ]; then over=1; fi
}

if [ "$mode" = names ]; then
  echo "== whosaid extract (2 threads)"
  measure "names_${mb}mb_default" --threads 2 "$data"
  measure names_16mb_default --threads 2 "$out_dir/names_16mb.txt"
else
  echo "== whosaid extract (1 thread)"
  measure default --threads 1 "$data"
  measure max_doc_bytes_128M --threads 1 --max-doc-bytes 128M "$data"
fi
if [ "$over" -ne 0 ]; then
  echo "bench_hostile.sh: peak memory over 1 GB" >&2
  exit 1
fi
