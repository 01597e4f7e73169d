#!/usr/bin/env bash
# scripts/test.sh — everything CI runs:
#   1. setup + Release build in build/ (scripts/setup.sh);
#   2. every test: ctest --test-dir build (unit, cli, e2e quality gates);
#   3. a Debug build with AddressSanitizer + UBSan in build-asan/, running the
#      unit tests (ctest -L unit) under the sanitizers.
# Runs all steps even when one fails; exits non-zero if any failed.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
jobs=${JOBS:-$(nproc)}

bash scripts/setup.sh

failed=()
ctest --test-dir build --output-on-failure -j"$jobs" || failed+=("tests (build)")

cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DWHOSAID_SANITIZE=ON >/dev/null
if cmake --build build-asan -j"$jobs"; then
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 \
    ctest --test-dir build-asan -L unit --output-on-failure || failed+=("unit tests (ASan+UBSan)")
else
  failed+=("sanitizer build")
fi

if [ ${#failed[@]} -gt 0 ]; then
  printf 'test.sh: FAILED: %s\n' "${failed[@]}" >&2
  exit 1
fi
echo "test.sh: all passed"
