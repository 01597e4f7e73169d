#!/usr/bin/env bash
# scripts/check_format.sh — every C++ file under src/ and tests/ is formatted
# as .clang-format says (clang-format 14, Debian's clang-format package).
#
#   bash scripts/check_format.sh         # lists the files that differ, status 1
#   bash scripts/check_format.sh --fix   # formats them in place
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
fmt=${CLANG_FORMAT:-}
if [ -z "$fmt" ]; then
  for c in clang-format-14 clang-format; do
    command -v "$c" >/dev/null && { fmt=$c; break; }
  done
fi
[ -n "$fmt" ] || { echo "check_format: clang-format not found (scripts/setup.sh installs it)" >&2; exit 1; }

mapfile -t files < <(find src tests -name '*.cpp' -o -name '*.h' | sort)
if [ "${1:-}" = "--fix" ]; then
  "$fmt" -i --style=file "${files[@]}"
  exit 0
fi
bad=()
for f in "${files[@]}"; do
  "$fmt" --style=file "$f" | cmp -s - "$f" || bad+=("$f")
done
if [ ${#bad[@]} -gt 0 ]; then
  printf 'check_format: not formatted (run scripts/check_format.sh --fix): %s\n' "${bad[@]}" >&2
  exit 1
fi
echo "check_format: ${#files[@]} files formatted"
