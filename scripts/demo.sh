#!/usr/bin/env bash
# scripts/demo.sh — builds whosaid (scripts/setup.sh), extracts the quotes of
# the sample corpus into build/demo/quotes.jsonl (entities and events beside
# it) and shows them for people: the quotes as a table, the names spelled
# more than one way, and the events as a timeline.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

bash scripts/setup.sh
mkdir -p build/demo
build/whosaid extract corpus -o build/demo/quotes.jsonl
build/whosaid entities corpus -o build/demo/entities.jsonl
build/whosaid events corpus -o build/demo/events.jsonl
echo "== $(wc -l <build/demo/quotes.jsonl) quote records in build/demo/quotes.jsonl," \
     "$(wc -l <build/demo/entities.jsonl) entities in build/demo/entities.jsonl," \
     "$(wc -l <build/demo/events.jsonl) events in build/demo/events.jsonl"
echo
build/whosaid extract --format table corpus
echo
echo "== names spelled more than one way"
build/whosaid spelling corpus
echo
echo "== events"
build/whosaid events --format table corpus
