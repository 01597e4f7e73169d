#!/usr/bin/env bash
# scripts/test.sh — everything CI runs:
#   1. setup + Release build in build/ (scripts/setup.sh);
#   2. the layout of every C++ file (scripts/check_format.sh), then every
#      test: ctest --test-dir build (unit, cli, e2e quality gates);
#   3. a Debug build with AddressSanitizer + UBSan in build-asan/, running
#      every test again (the CLI and e2e tests run its sanitized binary), with
#      LeakSanitizer on: a sanitizer finding or a leak fails the test;
#   4. each libFuzzer target for FUZZ_SECONDS seconds (scripts/fuzz.sh, clang,
#      build-fuzz/), so the targets keep building and the seeds keep passing.
# Runs all steps even when one fails; exits non-zero if any failed.
#
# Environment: JOBS (default nproc), FUZZ_SECONDS (default 20 per target;
# 0 skips step 4).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
jobs=${JOBS:-$(nproc)}
fuzz_seconds=${FUZZ_SECONDS:-20}

bash scripts/setup.sh

failed=()
bash scripts/check_format.sh || failed+=("format")
ctest --test-dir build --output-on-failure -j"$jobs" || failed+=("tests (build)")

# exitcode=23: a leak must not pass for the status 1 some tests expect.
sanitizers=(ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:exitcode=23:check_initialization_order=1
            UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1)
cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DWHOSAID_SANITIZE=ON >/dev/null
if cmake --build build-asan -j"$jobs"; then
  env "${sanitizers[@]}" ctest --test-dir build-asan --output-on-failure -j"$jobs" ||
    failed+=("tests (ASan+UBSan)")
else
  failed+=("sanitizer build")
fi

if [ "$fuzz_seconds" -gt 0 ]; then
  FUZZ_EACH=$fuzz_seconds JOBS=$jobs bash scripts/fuzz.sh || failed+=("fuzz targets")
fi

if [ ${#failed[@]} -gt 0 ]; then
  printf 'test.sh: FAILED: %s\n' "${failed[@]}" >&2
  exit 1
fi
echo "test.sh: all passed"
