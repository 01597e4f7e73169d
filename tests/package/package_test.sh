#!/usr/bin/env bash
# The installed package works: installs this build into a temporary prefix,
# builds tests/package/consumer against it with find_package(whosaid) and
# whosaid::core only, and runs it (a quote and its speaker found).
#
#   bash tests/package/package_test.sh BUILD_DIR
set -euo pipefail
build=$1
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cmake --install "$build" --prefix "$tmp/prefix" >"$tmp/install.log" ||
  { cat "$tmp/install.log"; echo "FAIL: cmake --install"; exit 1; }
for f in lib/cmake/whosaid/whosaidConfig.cmake include/whosaid/pipeline/pipeline.h \
         include/whosaid/core/doc_result.h share/whosaid/rules/frames.txt; do
  [ -f "$tmp/prefix/$f" ] || { echo "FAIL: $f not installed"; exit 1; }
done
[ -e "$tmp/prefix/include/whosaid/cli" ] && { echo "FAIL: CLI headers installed"; exit 1; }
launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
# A sanitizer build installs instrumented libraries: the consumer links the
# same runtime (WHOSAID_SANITIZED is set by CTest for such builds).
sanitize=()
[ -n "${WHOSAID_SANITIZED:-}" ] &&
  sanitize=(-DCMAKE_CXX_FLAGS="-fsanitize=address,undefined -fno-sanitize-recover=all")
cmake -S "$root/tests/package/consumer" -B "$tmp/consumer" -DCMAKE_BUILD_TYPE=Release \
  -DCMAKE_PREFIX_PATH="$tmp/prefix" "${launcher[@]}" "${sanitize[@]}" >"$tmp/configure.log" 2>&1 ||
  { cat "$tmp/configure.log"; echo "FAIL: find_package(whosaid)"; exit 1; }
cmake --build "$tmp/consumer" -j2 >"$tmp/build.log" 2>&1 ||
  { tail -40 "$tmp/build.log"; echo "FAIL: building against whosaid::core"; exit 1; }
"$tmp/consumer/consumer" >"$tmp/out.jsonl" || { cat "$tmp/out.jsonl"; echo "FAIL: consumer"; exit 1; }
grep -q '"speaker"' "$tmp/out.jsonl" || { echo "FAIL: no record"; exit 1; }
echo "ok: consumer built against the installed package: $(wc -l <"$tmp/out.jsonl") record(s)"
