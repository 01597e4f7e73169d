#!/usr/bin/env bash
# Command-line behaviour of the whosaid binary, one case per CTest test:
#   bash tests/e2e/cli_test.sh CASE
# Cases check exit statuses (0 ok, 1 some documents failed, 2 usage or
# configuration), that messages name the path and line, that one bad input
# never loses the others, and that output is safe (atomic -o, closed pipes).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
need_bin

# run ARGS... : runs whosaid; stdout → $tmp/out, stderr → $tmp/err, status → $rc.
run() {
  rc=0
  "$bin" "$@" >"$tmp/out" 2>"$tmp/err" || rc=$?
}

# A direct quote any working pipeline finds.
quote_text() {
  printf '\\u201cWe will not accept this,\\u201d said Jane Doe, a spokesperson for the %s ministry.' "$1"
}

case_help() {
  run --help
  expect_status 0 "$rc" "whosaid --help"
  expect_contains "$tmp/out" "Usage: whosaid" "whosaid --help"
  expect_contains "$tmp/out" "Exit status" "whosaid --help"
  run extract --help
  expect_status 0 "$rc" "whosaid extract --help"
  expect_contains "$tmp/out" "--on-error" "whosaid extract --help"
  expect_contains "$tmp/out" "Exit status" "whosaid extract --help"
}

case_version() {
  run --version
  expect_status 0 "$rc" "whosaid --version"
  grep -qE '^whosaid [0-9]+\.[0-9]+\.[0-9]+$' "$tmp/out" || fail "--version: $(cat "$tmp/out")"
}

case_unknown_option() {
  for args in "extract --bogus corpus" "--bogus extract" "extract --threads -1 corpus" \
              "extract --format xml corpus" "extract --max-doc-bytes 12Q corpus"; do
    # shellcheck disable=SC2086
    run $args
    expect_status 2 "$rc" "whosaid $args"
    expect_contains "$tmp/err" "whosaid: " "whosaid $args"
    expect_empty "$tmp/out" "whosaid $args"
  done
  run extract --bogus corpus
  expect_contains "$tmp/err" "--bogus" "unknown option"
}

case_unknown_command() {
  run frobnicate
  expect_status 2 "$rc" "whosaid frobnicate"
  expect_contains "$tmp/err" "frobnicate" "unknown command"
  run
  expect_status 2 "$rc" "whosaid (no command)"
}

case_missing_rules() {
  run extract --rules "$tmp/no-such-rules" "$root/corpus"
  expect_status 2 "$rc" "missing --rules dir"
  expect_contains "$tmp/err" "$tmp/no-such-rules" "missing --rules dir"
  expect_empty "$tmp/out" "missing --rules dir"
}

case_missing_input() {
  # The missing path comes first: the file after it must still be read (its
  # invalid UTF-8 warning proves it).
  printf 'He said \xff it.\n' >"$tmp/latin1.txt"
  run extract "$tmp/nope.txt" "$tmp/latin1.txt"
  expect_status 1 "$rc" "missing input"
  expect_contains "$tmp/err" "$tmp/nope.txt: error:" "missing input"
  expect_contains "$tmp/err" "$tmp/latin1.txt: byte 8: warning: invalid UTF-8" "missing input"
  run extract --on-error skip "$tmp/nope.txt" "$tmp/latin1.txt"
  expect_status 0 "$rc" "missing input, --on-error skip"
  expect_contains "$tmp/err" "1 input(s) skipped" "missing input, --on-error skip"
  run extract --on-error fail "$tmp/nope.txt" "$tmp/latin1.txt"
  expect_status 1 "$rc" "missing input, --on-error fail"
  if grep -q "latin1" "$tmp/err"; then fail "--on-error fail went on after the error"; fi
}

case_bad_jsonl_line() {
  {
    printf '{"id": "good-1", "text": "%s"}\n' "$(quote_text foreign)"
    printf '{"id": "broken", "text": \n'
    printf '{"id": "good-3", "text": "%s"}\n' "$(quote_text defence)"
  } >"$tmp/docs.jsonl"
  run extract "$tmp/docs.jsonl"
  expect_status 1 "$rc" "malformed JSONL line"
  expect_contains "$tmp/err" "$tmp/docs.jsonl:2: error: malformed JSON" "malformed JSONL line"
  expect_contains "$tmp/out" '"doc":"good-1"' "records of the good lines"
  expect_contains "$tmp/out" '"doc":"good-3"' "records of the good lines"
}

case_threads_identical() {
  # The corpus, and 300 documents (more than one batch) as JSON Lines.
  "$python" - "$root/corpus" "$tmp/many.jsonl" <<'PY'
import json, pathlib, sys
files = sorted(pathlib.Path(sys.argv[1]).glob("*.txt"))
with open(sys.argv[2], "w", encoding="utf-8") as out:
    for i in range(300):
        f = files[i % len(files)]
        out.write(json.dumps({"id": f"{f.stem}-{i}", "text": f.read_text(encoding="utf-8")}) + "\n")
PY
  for input in "$root/corpus" "$tmp/many.jsonl"; do
    "$bin" extract --threads 1 "$input" >"$tmp/t1.jsonl"
    "$bin" extract --threads 2 "$input" >"$tmp/t2.jsonl"
    "$bin" extract --threads 3 "$input" >"$tmp/t3.jsonl"
    cmp "$tmp/t1.jsonl" "$tmp/t2.jsonl" || fail "--threads 1 and 2 differ on $input"
    cmp "$tmp/t1.jsonl" "$tmp/t3.jsonl" || fail "--threads 1 and 3 differ on $input"
  done
}

case_output_file() {
  "$bin" extract "$root/corpus" >"$tmp/stdout.jsonl"
  run extract -o "$tmp/file.jsonl" "$root/corpus"
  expect_status 0 "$rc" "-o FILE"
  expect_empty "$tmp/out" "-o FILE"
  cmp "$tmp/stdout.jsonl" "$tmp/file.jsonl" || fail "-o FILE differs from standard output"
  # A failed run leaves an existing file alone and no temporary behind.
  echo GOOD >"$tmp/keep.jsonl"
  run extract --on-error fail -o "$tmp/keep.jsonl" "$tmp/nope.txt" "$root/corpus"
  expect_status 1 "$rc" "-o FILE with --on-error fail"
  [ "$(cat "$tmp/keep.jsonl")" = GOOD ] || fail "a failed run clobbered the -o file"
  if compgen -G "$tmp/keep.jsonl*.tmp" >/dev/null; then fail "a failed run left a temporary file"; fi
  # Through a symlink: the file it points to is replaced, the link stays.
  ln -s "$tmp/target.jsonl" "$tmp/link.jsonl"
  run extract -o "$tmp/link.jsonl" "$root/corpus"
  expect_status 0 "$rc" "-o through a symlink"
  [ -L "$tmp/link.jsonl" ] || fail "-o replaced the symlink"
  cmp "$tmp/stdout.jsonl" "$tmp/target.jsonl" || fail "-o through a symlink: wrong content"
  run extract -o "$tmp/no-such-dir/x.jsonl" "$root/corpus"
  expect_status 2 "$rc" "-o in a missing directory"
  expect_contains "$tmp/err" "no-such-dir/x.jsonl" "-o in a missing directory"
}

case_write_failure() {
  [ -w /dev/full ] || { echo "skipped: no /dev/full"; exit 77; }
  rc=0
  "$bin" extract --format table "$root/corpus" >/dev/full 2>"$tmp/err" || rc=$?
  expect_status 1 "$rc" "stdout on /dev/full"
  expect_contains "$tmp/err" "No space left on device" "stdout on /dev/full"
  run extract --format table -o /dev/full "$root/corpus"
  expect_status 1 "$rc" "-o /dev/full"
  expect_contains "$tmp/err" "No space left on device" "-o /dev/full"
  [ -c /dev/full ] || fail "-o /dev/full replaced the device"
}

case_broken_pipe() {
  "$python" - "$root/corpus" "$tmp/many.jsonl" <<'PY'
import json, pathlib, sys
files = sorted(pathlib.Path(sys.argv[1]).glob("*.txt"))
with open(sys.argv[2], "w", encoding="utf-8") as out:
    for i in range(400):
        f = files[i % len(files)]
        out.write(json.dumps({"id": f"d{i}", "text": f.read_text(encoding="utf-8")}) + "\n")
PY
  for format in jsonl table; do
    set +o pipefail
    "$bin" extract --format "$format" "$tmp/many.jsonl" 2>"$tmp/err" | head -c 100 >/dev/null
    status=${PIPESTATUS[0]}
    set -o pipefail
    expect_status 0 "$status" "extract --format $format | head"
    expect_empty "$tmp/err" "extract --format $format | head"
  done
}

case_stdin() {
  doc=$(ls "$root"/corpus/*.txt | head -n 1)
  "$bin" extract "$doc" >"$tmp/file.jsonl"
  run extract <"$doc"
  expect_status 0 "$rc" "text on standard input"
  # Same records; only the document id and what the sidecar gives differ
  # (its outlet, and its date, against which the events' dates resolve).
  "$python" - "$tmp/file.jsonl" "$tmp/out" <<'PY'
import json, sys
def load(p):
    rows = [json.loads(l) for l in open(p, encoding="utf-8")]
    for r in rows:
        r.pop("doc"); r.pop("outlet"); r.pop("event")
    return rows
if load(sys.argv[1]) != load(sys.argv[2]):
    sys.exit("FAIL: standard input gives other records than the file")
PY
  printf '{"id": "s1", "text": "%s"}\nnot json\n' "$(quote_text interior)" >"$tmp/in.jsonl"
  run extract - <"$tmp/in.jsonl"
  expect_status 1 "$rc" "JSON Lines on standard input"
  expect_contains "$tmp/err" "<stdin>:2: error: malformed JSON" "JSON Lines on standard input"
  run extract --input-format text <"$tmp/in.jsonl"
  expect_status 0 "$rc" "--input-format text on standard input"
}

case_names_usage() {
  run names --bogus
  expect_status 2 "$rc" "names --bogus"
  printf 'Amir Rana\tperson\nAmir Khan Muttaqi\tfish\n' >"$tmp/bad.tsv"
  # An unknown type is guessed and the line clustered: a warning (issue 10).
  run names "$tmp/bad.tsv"
  expect_status 0 "$rc" "names with an unknown type"
  expect_contains "$tmp/err" "bad.tsv:2: warning: unknown type 'fish'" "names with an unknown type"
  [ "$(wc -l <"$tmp/out")" -eq 2 ] || fail "names: one output line per input line, also for a bad one"
}

# One line out per line in, whatever the line holds; spelling variants share a
# cluster, different people do not; input order does not change the clusters.
case_names_lines() {
  {
    printf 'Enayatullah Khowarazami\tperson\n'
    printf 'Amir Rana\tperson\n'
    printf '\n'
    printf 'X\tperson\n'
    printf 'A B C D E F G H I J K L M N O P Q R S T\tperson\n'
    printf '\u0645\u062d\u0645\u062f \u0639\u0644\u064a\tperson\n'
    printf '!!! ??? ...\n'
    printf 'Enayatullah Khwarzami\tperson\n'
    printf 'Amir Khan Muttaqi\tperson\n'
  } >"$tmp/names.tsv"
  run names "$tmp/names.tsv"
  expect_status 0 "$rc" "names on mixed lines"
  [ "$(wc -l <"$tmp/out")" -eq 9 ] || fail "names: expected 9 output lines, got $(wc -l <"$tmp/out")"
  tac "$tmp/names.tsv" >"$tmp/reversed.tsv"
  "$bin" names "$tmp/reversed.tsv" >"$tmp/reversed.jsonl"
  "$python" - "$tmp/out" "$tmp/reversed.jsonl" <<'PY'
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
rev = [json.loads(l) for l in open(sys.argv[2])]
c = {r["name"]: r["cluster"] for r in rows}
if c["Enayatullah Khowarazami"] != c["Enayatullah Khwarzami"]:
    sys.exit("FAIL: spelling variants in different clusters")
if c["Amir Rana"] == c["Amir Khan Muttaqi"]:
    sys.exit("FAIL: two people merged on a shared first name")
def partition(rs):
    groups = {}
    for r in rs:
        groups.setdefault(r["cluster"], set()).add(r["name"])
    return sorted(sorted(g) for g in groups.values())
if partition(rows) != partition(rev):
    sys.exit("FAIL: input order changed the clusters")
PY
}

# The corpus as JSON Lines in reverse order (ids, outlets and dates from meta.jsonl).
reversed_corpus_jsonl() {
  "$python" - "$root/corpus" <<'PY'
import json, os, sys
d = sys.argv[1]
meta = {m["doc"]: m for m in map(json.loads, open(os.path.join(d, "meta.jsonl")))}
for name in sorted((f for f in os.listdir(d) if f.endswith(".txt")), reverse=True):
    doc = name[:-4]
    m = meta.get(doc, {})
    print(json.dumps({"id": doc, "text": open(os.path.join(d, name), encoding="utf-8").read(),
                      "outlet": m.get("outlet"), "date": m.get("date")}, ensure_ascii=False))
PY
}

case_corpus_order_independent() {
  reversed_corpus_jsonl >"$tmp/reversed.jsonl"
  "$bin" extract --threads 1 "$root/corpus" >"$tmp/a.jsonl"
  "$bin" extract --threads 2 "$tmp/reversed.jsonl" >"$tmp/b.jsonl"
  "$bin" entities --threads 1 "$root/corpus" | sort >"$tmp/ea.jsonl"
  "$bin" entities --threads 2 "$tmp/reversed.jsonl" | sort >"$tmp/eb.jsonl"
  cmp -s "$tmp/ea.jsonl" "$tmp/eb.jsonl" || fail "entities differ with input order or threads"
  "$python" - "$tmp/a.jsonl" "$tmp/b.jsonl" <<'PY'
import json, sys
def speakers(path):
    out = {}
    for line in open(path):
        r = json.loads(line)
        s = r["speaker"] or {}
        out[(r["doc"], r["quote"]["start"])] = (s.get("entity"), s.get("name"))
    return out
a, b = speakers(sys.argv[1]), speakers(sys.argv[2])
if a != b:
    diff = [k for k in a if a.get(k) != b.get(k)][:5]
    sys.exit(f"FAIL: speakers differ with input order or threads: {diff}")
ids = {}
for (doc, _), (ent, name) in a.items():
    if ent is not None:
        ids.setdefault(ent, set()).add(name)
bad = {e: n for e, n in ids.items() if len(n) > 1}
if bad:
    sys.exit(f"FAIL: one entity, several names: {bad}")
PY
}

case_entities_spelling() {
  run entities "$root/corpus"
  expect_status 0 "$rc" "whosaid entities corpus"
  run entities --explain "$root/corpus"
  expect_status 0 "$rc" "whosaid entities --explain corpus"
  "$python" - "$tmp/out" <<'PY'
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
assert rows, "no entities"
for r in rows:
    for k in ("entity", "type", "name", "variants", "roles", "quotes", "merges"):
        assert k in r, f"entity without {k}: {r}"
    for v in r["variants"]:
        assert set(v) >= {"form", "docs", "outlets", "count"}, v
assert len({r["entity"] for r in rows}) == len(rows), "duplicate entity ids"
assert any(r["merges"] for r in rows), "--explain gave no merge explanations"
PY
  run spelling "$root/corpus"
  expect_status 0 "$rc" "whosaid spelling corpus"
  expect_contains "$tmp/out" "majority" "spelling table"
  run spelling --format json "$root/corpus"
  expect_status 0 "$rc" "whosaid spelling --format json corpus"
  "$python" -c 'import json,sys; g=json.load(open(sys.argv[1]))["groups"]; assert g and all(len(x["variants"])>1 for x in g)' "$tmp/out" \
    || fail "spelling --format json: not a report with groups"
  run spelling --format jsonl "$root/corpus"
  expect_status 2 "$rc" "whosaid spelling --format jsonl"
  expect_empty "$tmp/out" "whosaid spelling --format jsonl"
}

case_events() {
  run events --help
  expect_status 0 "$rc" "whosaid events --help"
  expect_contains "$tmp/out" "Usage: whosaid events" "whosaid events --help"
  run events --bogus "$root/corpus"
  expect_status 2 "$rc" "events --bogus"
  run events --format table "$root/corpus"
  expect_status 0 "$rc" "events --format table"
  expect_contains "$tmp/out" "WHEN" "events --format table"
  expect_contains "$tmp/out" " documents" "events --format table"
  run events "$root/corpus"
  expect_status 0 "$rc" "events"
  "$bin" extract "$root/corpus" >"$tmp/quotes.jsonl"
  # The same documents as JSON Lines, in reverse order.
  "$python" - "$root/corpus" "$tmp/reversed.jsonl" <<'PY'
import json, pathlib, sys
meta = {m["doc"]: m for m in map(json.loads, open(pathlib.Path(sys.argv[1]) / "meta.jsonl"))}
files = sorted(pathlib.Path(sys.argv[1]).glob("*.txt"), reverse=True)
with open(sys.argv[2], "w", encoding="utf-8") as out:
    for f in files:
        out.write(json.dumps({"id": f.stem, "text": f.read_text(encoding="utf-8"),
                              "date": meta[f.stem]["date"]}) + "\n")
PY
  "$bin" events "$tmp/reversed.jsonl" >"$tmp/reversed_events.jsonl"
  "$python" - "$tmp/out" "$tmp/quotes.jsonl" "$tmp/reversed_events.jsonl" <<'PY'
import json, sys
events = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
keys = ["id", "type", "where", "places", "actors", "when", "label", "documents", "mentions", "quotes"]
for e in events:
    if list(e) != keys:
        sys.exit(f"FAIL: event keys {list(e)}")
if [e["id"] for e in events] != [f"E{i}" for i in range(1, len(events) + 1)]:
    sys.exit("FAIL: ids are not E1..En in order")
if not any(len(e["documents"]) >= 2 and e["quotes"] for e in events):
    sys.exit("FAIL: no event reported by two documents with quotes")
# extract shows every quote's event with the id events gives it.
by_quote = {(q["doc"], q["start"]): e["id"] for e in events for q in e["quotes"]}
for r in map(json.loads, open(sys.argv[2], encoding="utf-8")):
    got = (r["event"] or {}).get("id")
    if by_quote.get((r["doc"], r["quote"]["start"])) != got:
        sys.exit(f"FAIL: {r['doc']} {r['quote']['start']}: extract says {got}")
# Input order changes nothing.
def strip(es):
    return sorted(json.dumps({k: v for k, v in e.items()}, sort_keys=True) for e in es)
if strip(events) != strip(map(json.loads, open(sys.argv[3], encoding="utf-8"))):
    sys.exit("FAIL: the events differ when the documents come in reverse order")
PY
}

case_pipeline_options() {
  # The stage settings (cli/pipeline_options.h): listed in --help; their
  # defaults spelled out change nothing; a setting reaches its stage; a bad
  # value is a usage error naming the option.
  run extract --help
  for o in --window-bytes --min-quote-words --pronoun-paragraphs --group-paragraphs \
    --event-days --story-paragraphs; do
    expect_contains "$tmp/out" "$o" "whosaid extract --help"
  done
  run claims --help
  for o in --statement-link --min-reports --event-days; do
    expect_contains "$tmp/out" "$o" "whosaid claims --help"
  done
  "$bin" claims "$root/corpus" >"$tmp/claims-default.jsonld"
  "$bin" claims --statement-link 0.35 --min-reports 2 --event-days 2 --story-paragraphs 5 \
    "$root/corpus" >"$tmp/claims-spelled.jsonld"
  cmp "$tmp/claims-default.jsonld" "$tmp/claims-spelled.jsonld" ||
    fail "the spelled-out claims defaults changed the output"
  "$bin" extract "$root/corpus" >"$tmp/default.jsonl"
  "$bin" extract --window-bytes 1M --min-quote-words 4 --pronoun-paragraphs 2 \
    --group-paragraphs 8 "$root/corpus" >"$tmp/spelled.jsonl"
  cmp "$tmp/default.jsonl" "$tmp/spelled.jsonl" || fail "the spelled-out defaults changed the output"
  printf '{"id": "a", "text": "\\u201cThe bridge is safe for families\\u201d, said Jane Doe."}\n' >"$tmp/one.jsonl"
  "$bin" extract "$tmp/one.jsonl" >"$tmp/four.jsonl"
  "$bin" extract --min-quote-words 8 "$tmp/one.jsonl" >"$tmp/eight.jsonl"
  grep -q '"direct"' "$tmp/four.jsonl" || fail "no direct quote at --min-quote-words 4"
  if grep -q '"direct"' "$tmp/eight.jsonl"; then fail "a six-word quote at --min-quote-words 8"; fi
  for args in "extract --min-quote-words 0 corpus" "extract --pronoun-paragraphs -1 corpus" \
              "entities --window-bytes 0 corpus" "events --group-paragraphs x corpus" \
              "claims --statement-link 1.5 corpus" "claims --min-reports 0 corpus" \
              "events --event-days -2 corpus"; do
    # shellcheck disable=SC2086
    run $args
    expect_status 2 "$rc" "whosaid $args"
    # shellcheck disable=SC2086
    set -- $args
    expect_contains "$tmp/err" "$2" "whosaid $args"
    expect_empty "$tmp/out" "whosaid $args"
  done
  run extract --min-quote-words 0 corpus
  expect_contains "$tmp/err" "--min-quote-words 0" "bad --min-quote-words"
}

[ $# -eq 1 ] || { echo "usage: $0 CASE" >&2; exit 2; }
declare -F "case_$1" >/dev/null || { echo "unknown case: $1" >&2; exit 2; }
cd "$tmp"
"case_$1"
echo "ok: $1"
