#!/usr/bin/env bash
# Map and merge (issue 13, docs/partial.md): `whosaid extract --partial` on
# shards and `whosaid merge` of their partials, in shuffled order and
# grouping, give the bytes of one `whosaid extract` over all the documents.
# One case per CTest test:
#   bash tests/e2e/merge_e2e.sh CASE
# Cases: corpus (corpus/: the directory's partials regrouped into 3 files,
# and 3 mapped shards of it as JSON Lines, merged in shuffled order; jsonl,
# table and --explain), news and polnear (the same on ../shared's real-news
# dev set and a 300-document slice of PolNeAR train; skipped when absent),
# bad (a malformed partial, another version, a partial given twice: status
# 1, nothing written), spill (partials spilled to a temporary file give the
# same bytes as held ones: extract, events, claims, entities, merge), dask (scripts/dask_extract.py with 3 partitions;
# skipped without python3-distributed).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

# to_jsonl DIR OUT: a directory of articles as JSON Lines (metadata from its meta.jsonl).
to_jsonl() {
  "$python" - "$1" "$2" <<'PY'
import json, os, sys
src, out = sys.argv[1], sys.argv[2]
meta = {}
if os.path.exists(os.path.join(src, "meta.jsonl")):
    for line in open(os.path.join(src, "meta.jsonl"), encoding="utf-8"):
        if line.strip():
            m = json.loads(line)
            meta[m["doc"]] = m
with open(out, "w", encoding="utf-8") as f:
    for name in sorted(os.listdir(src)):
        if not name.endswith(".txt"):
            continue
        doc = name[:-4]
        rec = {"id": doc, "text": open(os.path.join(src, name), encoding="utf-8").read()}
        for k in ("outlet", "url", "date"):
            if meta.get(doc, {}).get(k):
                rec[k] = meta[doc][k]
        f.write(json.dumps(rec, ensure_ascii=False) + "\n")
PY
}

# shards_equal JSONL WHAT: 3 shards of JSONL (by lines), each mapped with
# --first-ordinal at its first line, merged as c a b == extract JSONL.
shards_equal() {
  local in=$1 what=$2 n a b
  n=$(wc -l <"$in")
  a=$((n / 3)) b=$((2 * n / 3))
  sed -n "1,${a}p" "$in" >s1.jsonl
  sed -n "$((a + 1)),${b}p" "$in" >s2.jsonl
  sed -n "$((b + 1)),\$p" "$in" >s3.jsonl
  "$bin" extract --partial -o s1.partial s1.jsonl
  "$bin" extract --partial --first-ordinal "$a" -o s2.partial s2.jsonl
  "$bin" extract --partial --first-ordinal "$b" --threads 2 -o s3.partial s3.jsonl
  "$bin" extract "$in" >one.jsonl
  [ -s one.jsonl ] || fail "$what: extract wrote nothing"
  "$bin" merge s3.partial s1.partial s2.partial >merged.jsonl
  cmp -s one.jsonl merged.jsonl || fail "$what: merge of 3 shards differs from one extract"
  "$bin" extract --format table "$in" >one.table
  cat s2.partial s3.partial s1.partial | "$bin" merge --format table - >merged.table
  cmp -s one.table merged.table || fail "$what: merged table differs"
}

# regrouped_equal INPUT WHAT: INPUT's partials dealt into 3 files, each
# reversed, merged == extract INPUT (jsonl and --explain).
regrouped_equal() {
  local in=$1 what=$2
  "$bin" extract --partial -o all.partial "$in"
  awk '{ print > ("g" (NR * 7 % 3) ".partial") }' all.partial
  for g in g0 g1 g2; do
    [ -f $g.partial ] || : >$g.partial
    tac $g.partial >$g.rev && mv $g.rev $g.partial
  done
  "$bin" extract --explain "$in" >one.explain
  "$bin" merge --explain g2.partial g0.partial g1.partial >merged.explain
  cmp -s one.explain merged.explain || fail "$what: regrouped partials differ from one extract"
}

case_corpus() {
  need_bin
  regrouped_equal "$root/corpus" corpus
  to_jsonl "$root/corpus" corpus.jsonl
  shards_equal corpus.jsonl corpus.jsonl
  "$bin" extract "$root/corpus" >dir.jsonl
  cmp -s dir.jsonl one.jsonl || fail "corpus: the directory and its JSON Lines differ"
}

case_news() {
  local dir="$shared/data/news/corpus"
  [ -d "$dir" ] || { echo "skip: $dir absent"; exit 77; }
  need_bin
  regrouped_equal "$dir" news
  to_jsonl "$dir" news.jsonl
  shards_equal news.jsonl news
}

case_polnear() {
  local train="$shared/data/polnear/train.jsonl"
  [ -f "$train" ] || { echo "skip: $train absent"; exit 77; }
  need_bin
  head -n 300 "$train" >slice.jsonl
  shards_equal slice.jsonl polnear
  regrouped_equal slice.jsonl polnear
}

case_bad() {
  need_bin
  "$bin" extract --partial -o all.partial "$root/corpus"
  local rc
  # a line that is no partial: status 1, the error names file and line, -o untouched
  { head -n 2 all.partial; echo '{"partial_version": 1, "ordinal": 9}'; } >broken.partial
  echo keep >out.jsonl
  rc=0
  "$bin" merge -o out.jsonl broken.partial 2>err || rc=$?
  expect_status 1 "$rc" "merge of a malformed partial"
  expect_contains err "broken.partial:3:" "merge of a malformed partial"
  [ "$(cat out.jsonl)" = keep ] || fail "merge of a malformed partial replaced -o"
  # another version
  sed 's/"partial_version":1/"partial_version":99/' all.partial >v99.partial
  rc=0
  "$bin" merge v99.partial >out 2>err || rc=$?
  expect_status 1 "$rc" "merge of version 99"
  expect_contains err "version 99" "merge of version 99"
  expect_empty out "merge of version 99"
  # one shard given twice
  rc=0
  "$bin" merge all.partial all.partial >out 2>err || rc=$?
  expect_status 1 "$rc" "a partial given twice"
  expect_contains err "more than once" "a partial given twice"
  expect_empty out "a partial given twice"
  # merge takes no documents
  rc=0
  "$bin" merge --input-format jsonl all.partial >out 2>err || rc=$?
  expect_status 2 "$rc" "merge --input-format"
  # an index out of range is refused, not followed
  sed 's/"record_input":\[[^]]*\]/"record_input":[9999]/' all.partial >idx.partial
  rc=0
  "$bin" merge idx.partial >out 2>err || rc=$?
  expect_status 1 "$rc" "a record of no name input"
}

# Bounded memory: partials spilled to a temporary file from the first byte
# (--spill-after 1K) give the same bytes as partials held in memory.
case_spill() {
  need_bin
  local in="$root/corpus" cmd
  local train="$shared/data/polnear/train.jsonl"
  if [ -f "$train" ]; then head -n 120 "$train" >slice.jsonl && in=slice.jsonl; fi
  for cmd in extract events claims entities spelling "claims --figures"; do
    "$bin" $cmd "$in" >held.out  # (word splitting wanted: "claims --figures")
    TMPDIR=$tmp "$bin" $cmd --spill-after 1K "$in" >spilled.out
    [ -s held.out ] || fail "spill: $cmd wrote nothing"
    cmp -s held.out spilled.out || fail "spill: $cmd --spill-after 1K differs"
  done
  "$bin" extract --partial -o all.partial "$in"
  "$bin" merge --spill-after 1K all.partial >merged.out
  "$bin" extract "$in" >one.out
  cmp -s one.out merged.out || fail "spill: merge --spill-after 1K differs"
  [ -z "$(ls "$tmp" | grep whosaid-spill)" ] || fail "spill: a spill file was left behind"
}

case_dask() {
  local py=""  # Debian's python3-distributed lives in the system python
  for p in "$python" /usr/bin/python3; do
    if "$p" -c 'import dask.bag, distributed' 2>/dev/null; then py=$p && break; fi
  done
  [ -n "$py" ] || { echo "skip: python3-distributed absent"; exit 77; }
  need_bin
  local in="$root/corpus"
  to_jsonl "$in" corpus.jsonl
  local train="$shared/data/polnear/train.jsonl"
  [ -f "$train" ] && head -n 60 "$train" >>corpus.jsonl
  "$bin" extract corpus.jsonl >one.jsonl
  "$py" "$root/scripts/dask_extract.py" --whosaid "$bin" --partitions 3 --workers 2 \
    -o dask.jsonl corpus.jsonl
  cmp -s one.jsonl dask.jsonl || fail "dask: 3 partitions differ from one extract"
}

[ $# -eq 1 ] || { echo "usage: $0 CASE" >&2; exit 2; }
declare -F "case_$1" >/dev/null || { echo "unknown case: $1" >&2; exit 2; }
cd "$tmp"
"case_$1"
echo "ok: $1"
