#!/usr/bin/env bash
# End-to-end checks of the claims stage (issue 15).
#
#   claims_e2e.sh corpus   on the sample corpus/: every extract record carries
#                          a statement; `whosaid claims` is valid JSON-LD whose
#                          Claims have the schema.org types; figure lines are
#                          JSON Lines whose texts are the document's text at
#                          their offsets; extract, claims and figures are
#                          byte-identical for --threads 1 and 2 and for the
#                          documents given in reverse order.
#   claims_e2e.sh news     on ../shared/data/news (skipped, exit 77, when
#                          absent): scores with ../shared/eval/score_claims.py.
#                          Fails below the floors, which are now issue 15's
#                          targets (statement pair F1 >= 0.80, figure recall
#                          >= 0.80, value accuracy >= 0.90, figure line pair
#                          F1 >= 0.80, conflict recall 1, conflict precision
#                          >= 0.60); WHOSAID_CLAIMS_STRICT=1 still enforces the
#                          targets where a floor is set lower.
#                          Both depend on speakers and events merged across
#                          documents upstream (entities, events).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

corpus_case() {
  need_bin
  local c=$root/corpus
  "$bin" extract --threads 1 "$c" >"$tmp/q1.jsonl"
  "$bin" extract --threads 2 "$c" >"$tmp/q2.jsonl"
  cmp -s "$tmp/q1.jsonl" "$tmp/q2.jsonl" || fail "extract differs between --threads 1 and 2"
  local files=()
  while IFS= read -r f; do files+=("$f"); done < <(ls -r "$c"/*.txt)
  for mode in "" "--figures" "--format table"; do
    # shellcheck disable=SC2086
    "$bin" claims $mode --threads 1 "$c" >"$tmp/c1"
    # shellcheck disable=SC2086
    "$bin" claims $mode --threads 2 "$c" >"$tmp/c2"
    cmp -s "$tmp/c1" "$tmp/c2" || fail "claims $mode differs between --threads 1 and 2"
  done
  "$python" - "$tmp/q1.jsonl" <<'PY'
import json, sys
recs = [json.loads(l) for l in open(sys.argv[1])]
assert recs, "no records"
for r in recs:
    st = r.get("statement")
    assert isinstance(st, dict) and st["id"].startswith("S") and st["appearances"] >= 1, r
print(f"corpus: {len(recs)} records, {len({r['statement']['id'] for r in recs})} statements")
PY
  "$bin" claims --threads 1 "$c" >"$tmp/claims.jsonld"
  "$bin" claims --figures --threads 1 "$c" >"$tmp/figures.jsonl"
  "$python" - "$tmp/claims.jsonld" "$tmp/figures.jsonl" "$c" <<'PY'
import json, os, sys
doc = json.load(open(sys.argv[1]))
assert doc["@context"][0] == "https://schema.org", doc["@context"]
assert doc["@graph"], "no claims"
for claim in doc["@graph"]:
    assert claim["@type"] == "Claim" and claim["identifier"] and claim["text"], claim
    assert claim["appearance"] and all(a["@type"] == "NewsArticle" for a in claim["appearance"])
    assert claim["firstAppearance"] in claim["appearance"]
    if "author" in claim:
        assert claim["author"]["@type"] in ("Person", "Organization") and claim["author"]["name"]
    if "about" in claim:
        assert claim["about"]["@type"] == "Event"
for line in open(sys.argv[2]):
    l = json.loads(line)
    for f in l["figures"]:
        text = open(os.path.join(sys.argv[3], f["doc"] + ".txt"), encoding="utf-8").read()
        assert text[f["start"]:f["end"]] == f["text"], f
print(f"corpus: {len(doc['@graph'])} claims; figure lines valid")
PY
  # The same documents in another order give the same output.
  "$bin" extract --threads 1 "${files[@]}" >"$tmp/qr.jsonl"
  "$python" - "$tmp/q1.jsonl" "$tmp/qr.jsonl" <<'PY'
import json, sys
def key(path):
    return sorted((r["doc"], r["quote"]["start"], r["statement"]["id"], r["statement"]["appearances"])
                  for r in map(json.loads, open(path)))
assert key(sys.argv[1]) == key(sys.argv[2]), "statements depend on input order"
PY
  echo "corpus: claims stage consistent"
}

news_case() {
  local news=$shared/data/news scorer=$shared/eval/score_claims.py
  for f in "$news/corpus" "$news/gold/news.statements.jsonl" "$scorer"; do
    [ -e "$f" ] || { echo "skipped: $f not found"; exit 77; }
  done
  need_bin
  "$bin" extract "$news/corpus" >"$tmp/q.jsonl"
  "$bin" claims --figures "$news/corpus" >"$tmp/f.jsonl"
  "$python" "$scorer" --gold "$news/gold/news" --corpus "$news/corpus" --quotes "$tmp/q.jsonl" \
    --figures "$tmp/f.jsonl" --json >"$tmp/score.json"
  "$python" - "$tmp/score.json" <<'PY'
import json, os, sys
m = json.load(open(sys.argv[1]))
# (metric, floor: fail below it today, target of issue 15)
checks = [("statement_pair_f1", 0.80, 0.80), ("figure_recall", 0.80, 0.80),
          ("value_accuracy", 0.90, 0.90), ("figure_line_pair_f1", 0.80, 0.80),
          ("conflict_recall", 1.0, 1.0), ("conflict_precision", 0.60, 0.60),
          ("figure_offsets_valid", 1.0, 1.0)]
strict = os.environ.get("WHOSAID_CLAIMS_STRICT") == "1"
below, short = [], []
for name, floor, target in checks:
    value = m[name]
    print(f"{name:28s} {value:6.3f}   floor {floor:.2f}   target {target:.2f}")
    if value < floor:
        below.append(f"{name}={value:.3f} < floor {floor}")
    if value < target:
        short.append(f"{name}={value:.3f} < target {target}")
if short:
    print("targets not met yet: " + "; ".join(short))
if below or (strict and short):
    sys.exit("BELOW: " + "; ".join(below + (short if strict else [])))
print("data/news claims: floors met")
PY
}

case "${1:-}" in
  corpus) corpus_case ;;
  news) news_case ;;
  *) echo "usage: claims_e2e.sh corpus|news" >&2; exit 2 ;;
esac
