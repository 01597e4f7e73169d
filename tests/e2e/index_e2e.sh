#!/usr/bin/env bash
# The quote index (issue 14): `whosaid index`, `search`, `serve`'s database,
# one case per CTest test:
#   bash tests/e2e/index_e2e.sh CASE
# Cases: corpus (index then search on corpus/), usage (statuses, refusals),
# kill9 (a batch killed part-way leaves the index as it was; re-running it
# completes), polnear_batches (PolNeAR train in two batches gives the tables
# of one batch; skipped when ../shared is absent).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

run() {
  rc=0
  "$bin" "$@" >"$tmp/out" 2>"$tmp/err" || rc=$?
}

# dumps DB FILE: every derived table of DB, concatenated.
dumps() {
  local t
  for t in documents entities variants roles name_keys events event_docs quotes quotes_fts; do
    echo "== $t"
    "$bin" index --db "$1" --dump "$t"
  done >"$2"
}

case_corpus() {
  need_bin
  run index --db idx.db "$root/corpus"
  expect_status 0 "$rc" "index corpus"
  expect_contains "$tmp/err" "indexed 5 documents (0 replaced)" "index corpus"
  "$bin" extract "$root/corpus" >extract.jsonl
  # A spelling no article uses finds every quote of the spokesman, under both spellings.
  run search --db idx.db --speaker Khowarizmi --format jsonl --limit 1000
  expect_status 0 "$rc" "search --speaker Khowarizmi"
  cp "$tmp/out" speaker.jsonl
  run search --db idx.db --speakers Khowarizmi
  expect_contains "$tmp/out" "Khowarazami" "search --speakers Khowarizmi"
  expect_contains "$tmp/out" "Khwarzami" "search --speakers Khowarizmi"
  "$python" - extract.jsonl speaker.jsonl <<'PY'
import json, sys
extract = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
found = [json.loads(l) for l in open(sys.argv[2], encoding="utf-8")]
ids = {(r["speaker"] or {}).get("entity") for r in extract
       if "Khowarazami" in ((r["speaker"] or {}).get("mention") or {}).get("text", "")}
if len(ids) != 1:
    sys.exit(f"FAIL: the spokesman is not one entity in extract: {ids}")
want = sorted((r["doc"], r["quote"]["start"]) for r in extract
              if (r["speaker"] or {}).get("entity") in ids)
got = sorted((r["doc"], r["quote"]["start"]) for r in found)
if got != want or len(want) < 2:
    sys.exit(f"FAIL: --speaker Khowarizmi gave {got}, extract has {want}")
mentions = {r["speaker"]["mention"]["text"] for r in found}
if not any("Khowarazami" in m for m in mentions) or not any("Khwarzami" in m for m in mentions):
    sys.exit(f"FAIL: not both spellings among the mentions: {mentions}")
PY
  run search --db idx.db "cowardly act"
  expect_status 0 "$rc" "search cowardly act"
  expect_contains "$tmp/out" "[cowardly] [act]" "search cowardly act"
  expect_contains "$tmp/out" "Khwarzami" "search cowardly act"
  # Every record, as jsonl: extract's records plus url and date.
  run search --db idx.db --format jsonl --limit 100000
  cp "$tmp/out" all.jsonl
  "$python" - extract.jsonl all.jsonl "$root/corpus/meta.jsonl" <<'PY'
import json, sys
extract = sorted(l.rstrip("\n") for l in open(sys.argv[1], encoding="utf-8"))
meta = {m["doc"]: m for m in map(json.loads, open(sys.argv[3], encoding="utf-8"))}
got = []
for line in open(sys.argv[2], encoding="utf-8"):
    r = json.loads(line)
    m = meta.get(r["doc"], {})
    if r.pop("date") != m.get("date") or r.pop("url") != m.get("url"):
        sys.exit(f"FAIL: url or date of {r['doc']}")
    got.append(json.dumps(r, ensure_ascii=False, separators=(",", ":")))
got.sort()
if got != sorted(json.dumps(json.loads(l), ensure_ascii=False, separators=(",", ":"))
                 for l in extract):
    sys.exit(f"FAIL: search records differ from extract's ({len(got)} vs {len(extract)})")
PY
  # Re-indexing the same documents replaces them: the same tables.
  dumps idx.db before.txt
  run index --db idx.db "$root/corpus"
  expect_contains "$tmp/err" "indexed 5 documents (5 replaced)" "index corpus again"
  dumps idx.db after.txt
  cmp -s before.txt after.txt || fail "re-indexing the corpus changed the tables"
}

case_usage() {
  need_bin
  run index --db idx.db
  expect_status 2 "$rc" "index without PATH"
  run search --db missing.db word
  expect_status 2 "$rc" "search a missing index"
  expect_contains "$tmp/err" "no such index" "search a missing index"
  [ ! -e missing.db ] || fail "search created missing.db"
  echo "my notes, not a database" >notes.txt
  cp notes.txt notes.orig
  for cmd in "index --db notes.txt $root/corpus" "search --db notes.txt word"; do
    # shellcheck disable=SC2086
    run $cmd
    expect_status 2 "$rc" "$cmd"
    expect_contains "$tmp/err" "not a whosaid index" "$cmd"
    cmp -s notes.txt notes.orig || fail "$cmd modified notes.txt"
  done
  "$python" -c "import sqlite3; c = sqlite3.connect('other.db'); c.execute('CREATE TABLE t(x)'); c.commit()"
  cp other.db other.orig
  run index --db other.db "$root/corpus"
  expect_status 2 "$rc" "index into another program's database"
  expect_contains "$tmp/err" "another program" "index into another program's database"
  cmp -s other.db other.orig || fail "index modified another program's database"
  run index --db idx.db "$root/corpus"
  expect_status 0 "$rc" "index corpus"
  run search --db idx.db '"unterminated'
  expect_status 2 "$rc" "a search text FTS5 cannot read"
  expect_contains "$tmp/err" "cannot read the search text" "bad FTS5 syntax"
  run search --db idx.db --kind quoted word
  expect_status 2 "$rc" "search --kind quoted"
  run search --help
  expect_status 0 "$rc" "search --help"
  expect_contains "$tmp/out" "--speaker" "search --help"
  run serve --db missing.db
  expect_status 2 "$rc" "serve a missing index"
}

case_kill9() {
  need_bin
  "$bin" index --db idx.db "$root/corpus" 2>/dev/null
  dumps idx.db before.txt
  # A batch large enough to be caught writing: the sample corpus 150 times.
  "$python" - "$root/corpus" big.jsonl <<'PY'
import json, pathlib, sys
docs = sorted(pathlib.Path(sys.argv[1]).glob("*.txt"))
with open(sys.argv[2], "w", encoding="utf-8") as out:
    for k in range(150):
        for p in docs:
            out.write(json.dumps({"id": f"{p.stem}_{k}", "text": p.read_text(encoding="utf-8")}) + "\n")
PY
  "$bin" index --db idx.db --threads 1 big.jsonl 2>/dev/null &
  local pid=$! waited=0
  # Kill it once the batch has written to the WAL (a committed batch leaves
  # the WAL empty: index/writer.h), i.e. in the middle of its transaction.
  while [ "$(stat -c %s idx.db-wal 2>/dev/null || echo 0)" -eq 0 ]; do
    kill -0 "$pid" 2>/dev/null || fail "the batch ended before it could be killed"
    sleep 0.05
    waited=$((waited + 1))
    [ "$waited" -lt 2400 ] || { kill -9 "$pid"; fail "the batch never wrote"; }
  done
  kill -9 "$pid"
  wait "$pid" 2>/dev/null || true
  "$python" -c "
import sqlite3, sys
c = sqlite3.connect('idx.db')
ok = c.execute('PRAGMA integrity_check').fetchone()[0]
sys.exit(0 if ok == 'ok' else 'FAIL: integrity_check: ' + ok)"
  dumps idx.db killed.txt
  cmp -s before.txt killed.txt || fail "the killed batch changed the index"
  run index --db idx.db big.jsonl
  expect_status 0 "$rc" "the batch run again"
  expect_contains "$tmp/err" "755 documents" "the batch run again"
}

case_polnear_batches() {
  local train="$shared/data/polnear/train.jsonl"
  [ -f "$train" ] || { echo "skip: $train absent"; exit 77; }
  need_bin
  local n
  n=$(wc -l <"$train")
  head -n $((n / 2)) "$train" >a.jsonl
  tail -n +$((n / 2 + 1)) "$train" >b.jsonl
  "$bin" index --db once.db "$train" 2>/dev/null
  "$bin" index --db twice.db a.jsonl 2>/dev/null
  "$bin" index --db twice.db b.jsonl 2>/dev/null
  local t
  for t in entities variants roles events event_docs quotes; do
    "$bin" index --db once.db --dump $t >once.$t
    "$bin" index --db twice.db --dump $t >twice.$t
    [ -s once.$t ] || fail "no $t"
    cmp -s once.$t twice.$t || fail "$t differ between one batch and two"
  done
}

[ $# -eq 1 ] || { echo "usage: $0 CASE" >&2; exit 2; }
declare -F "case_$1" >/dev/null || { echo "unknown case: $1" >&2; exit 2; }
cd "$tmp"
"case_$1"
echo "ok: $1"
