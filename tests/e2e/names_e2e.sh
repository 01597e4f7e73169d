#!/usr/bin/env bash
# End-to-end gates on names across documents, on data not part of the
# project (../shared; each is skipped, exit 77, when its data is absent):
#
#   news   data/news (36 real excerpts) with ../shared/eval/score.py and all
#          of --quotes/--entities/--spelling: entity pair F1 >= 0.90, entity
#          forms found >= 0.90, spelling groups recall >= 0.85, no false merge
#          (a must-not-merge pair of the gold in one entity)
#   list   `whosaid names` on the names dev split: person B-cubed precision
#          >= 0.985, F1 >= 0.83 (issue 11; at 7e2025c: P 0.9953, F1 0.8305)
#
#   tests/e2e/names_e2e.sh news|list
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

case "${1:-}" in
  news)
    news=$shared/data/news
    scorer=$shared/eval/score.py
    for f in "$news/corpus" "$news/gold/news.entities.jsonl" "$scorer"; do
      [ -e "$f" ] || { echo "skipped: $f not found"; exit 77; }
    done
    need_bin
    "$bin" extract "$news/corpus" >"$tmp/q.jsonl"
    "$bin" entities "$news/corpus" >"$tmp/e.jsonl"
    "$bin" spelling --format json "$news/corpus" >"$tmp/s.json"
    "$python" "$scorer" --gold "$news/gold/news" --corpus "$news/corpus" --quotes "$tmp/q.jsonl" \
      --entities "$tmp/e.jsonl" --spelling "$tmp/s.json" --json >"$tmp/m.json"
    "$python" - "$tmp/m.json" <<'PY'
import json, sys
m = json.load(open(sys.argv[1]))
checks = [("entity_pair_f1", 0.90), ("entity_forms_found", 0.90), ("spelling_groups_recall", 0.85)]
below = [f"{k}={m[k]:.3f} < {t}" for k, t in checks if m[k] < t]
if m["false_merges"] > 0:
    below.append(f"false_merges={m['false_merges']} > 0")
if below:
    sys.exit("BELOW: " + "; ".join(below))
print("data/news names: " + ", ".join(f"{k} {m[k]:.3f}" for k, _ in checks) + ", no false merge")
PY
    ;;
  list)
    gold=$shared/data/names/dev.clusters.jsonl
    names=$shared/data/names/dev.names.tsv
    scorer=$shared/eval/score_names.py
    for f in "$gold" "$names" "$scorer"; do
      [ -f "$f" ] || { echo "skipped: $f not found"; exit 77; }
    done
    need_bin
    "$bin" names "$names" >"$tmp/out.jsonl"
    "$python" "$scorer" --gold "$gold" --split dev --type person --system "$tmp/out.jsonl" \
      --json >"$tmp/m.json"
    "$python" - "$tmp/m.json" <<'PY'
import json, sys
b = json.load(open(sys.argv[1]))["person"]["bcubed"]
below = [f"{k}={b[k]:.4f} < {t}" for k, t in (("P", 0.985), ("F1", 0.83)) if b[k] < t]
if below:
    sys.exit("BELOW: " + "; ".join(below))
print(f"names dev persons: B-cubed P {b['P']:.4f} R {b['R']:.4f} F1 {b['F1']:.4f}")
PY
    ;;
  *)
    echo "usage: names_e2e.sh news|list" >&2
    exit 2
    ;;
esac
