#!/usr/bin/env bash
# scripts/demo.sh — builds whosaid (scripts/setup.sh), extracts the quotes of
# the sample corpus into build/demo/quotes.jsonl and shows them as a table.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

bash scripts/setup.sh
mkdir -p build/demo
build/whosaid extract corpus -o build/demo/quotes.jsonl
echo "== $(wc -l <build/demo/quotes.jsonl) quote records in build/demo/quotes.jsonl"
echo
build/whosaid extract --format table corpus
