#!/usr/bin/env bash
# scripts/check_identical.sh — proves a restructuring changed no output: runs
# one build's commands over fixed inputs into a directory, and compares that
# directory with one saved from another build (byte for byte, exit statuses
# and standard error included).
#
#   bash scripts/check_identical.sh run BIN OUTDIR          # save BIN's outputs
#   bash scripts/check_identical.sh check BIN OUTDIR SAVED  # run, then diff with SAVED
#
# Example (before and after a refactor):
#   git stash; cmake --build build; bash scripts/check_identical.sh run build/whosaid /tmp/before
#   git stash pop; cmake --build build
#   bash scripts/check_identical.sh check build/whosaid /tmp/after /tmp/before
#
# Inputs: corpus/ (always) and, when ../shared is present, the real-news dev
# set, PolNeAR train and the names dev split (each skipped quietly when
# absent). Commands: extract (jsonl, table, --explain, --threads 2),
# entities (and --explain), spelling (table and json), events (jsonl and
# table), claims (jsonld, table, --figures), names (and --explain).
# Exit status: 0 identical, 1 some file differs (listed, first lines of the
# diff shown), 2 usage.
set -uo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
shared="$root/../shared"

usage() { echo "usage: $0 run BIN OUTDIR | check BIN OUTDIR SAVED" >&2; exit 2; }
[ $# -ge 3 ] || usage
mode=$1 bin=$(realpath "$2") out=$3
[ "$mode" = run ] || [ "$mode" = check ] || usage
[ "$mode" = check ] && { [ $# -eq 4 ] || usage; saved=$4; }
[ -x "$bin" ] || { echo "check_identical: $bin is not executable" >&2; exit 2; }
mkdir -p "$out"

# name → input path
declare -A inputs=([sample]="$root/corpus")
[ -d "$shared/data/news/corpus" ] && inputs[news]="$shared/data/news/corpus"
[ -f "$shared/data/polnear/train.jsonl" ] && inputs[polnear]="$shared/data/polnear/train.jsonl"

# One output file per (input, command): stdout, then the exit status and
# standard error in NAME.err.
run() {
  local name=$1
  shift
  (cd "$root" && "$bin" "$@") >"$out/$name.out" 2>"$out/$name.err"
  echo "exit $?" >>"$out/$name.err"
}

for in in "${!inputs[@]}"; do
  p=${inputs[$in]}
  run "$in.extract" extract "$p"
  run "$in.extract-table" extract --format table "$p"
  run "$in.extract-explain" extract --explain "$p"
  run "$in.extract-threads2" extract --threads 2 "$p"
  run "$in.entities" entities "$p"
  run "$in.entities-explain" entities --explain "$p"
  run "$in.spelling" spelling "$p"
  run "$in.spelling-json" spelling --format json "$p"
  run "$in.events" events "$p"
  run "$in.events-table" events --format table "$p"
  run "$in.claims" claims "$p"
  run "$in.claims-table" claims --format table "$p"
  run "$in.claims-figures" claims --figures "$p"
done
if [ -f "$shared/data/names/dev.names.tsv" ]; then
  run names names "$shared/data/names/dev.names.tsv"
  run names-explain names --explain "$shared/data/names/dev.names.tsv"
fi

[ "$mode" = run ] && exit 0
status=0
for f in "$saved"/*; do
  b=$(basename "$f")
  if ! cmp -s "$f" "$out/$b"; then
    echo "check_identical: $b differs" >&2
    diff "$f" "$out/$b" | head -5 >&2
    status=1
  fi
done
[ $status -eq 0 ] && echo "check_identical: $(ls "$saved" | wc -l) files identical"
exit $status
