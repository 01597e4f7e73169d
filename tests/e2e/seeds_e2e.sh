#!/usr/bin/env bash
# End-to-end quality gate on the sample corpus: runs `whosaid extract`,
# `whosaid entities` and `whosaid spelling --format json` on corpus/ and
# scores them against the hand annotation in tests/gold/ with the project's
# copy of the scorer (tests/e2e/score.py). Fails below the targets, when a
# scare quote (a `not_quotes` span of the gold) is reported as a quote, or
# when two entities the gold keeps apart are merged.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
need_bin

"$bin" extract "$root/corpus" >"$tmp/quotes.jsonl"
"$bin" entities "$root/corpus" >"$tmp/entities.jsonl"
"$bin" spelling --format json "$root/corpus" >"$tmp/spelling.json"

status=0
"$python" "$root/tests/e2e/score.py" --gold "$root/tests/gold/seeds" --corpus "$root/corpus" \
  --quotes "$tmp/quotes.jsonl" --entities "$tmp/entities.jsonl" --spelling "$tmp/spelling.json" \
  --min offsets_valid=1.0 --min quote_recall=0.95 --min quote_precision=0.90 \
  --min speaker_accuracy=0.95 --min role_accuracy=0.90 \
  --min entity_pair_f1=0.95 --min entity_forms_found=0.95 --min spelling_groups_recall=1.0 \
  --min event_pair_f1=0.85 --min event_when_accuracy=0.85 --min event_where_accuracy=0.90 \
  --min event_null_accuracy=0.80 || status=1

"$python" "$root/tests/e2e/score.py" --gold "$root/tests/gold/seeds" --corpus "$root/corpus" \
  --quotes "$tmp/quotes.jsonl" --entities "$tmp/entities.jsonl" --spelling "$tmp/spelling.json" \
  --json >"$tmp/metrics.json"
"$python" - "$tmp/metrics.json" <<'PY' || status=1
import json, sys
m = json.load(open(sys.argv[1]))
if m["scare_quotes_attributed"] != 0:
    sys.exit(f"BELOW: scare_quotes_attributed={m['scare_quotes_attributed']} (must be 0)")
if m["false_merges"] != 0:
    sys.exit(f"BELOW: false_merges={m['false_merges']} (must be 0)")
PY
exit $status
