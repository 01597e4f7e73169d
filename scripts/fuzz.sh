#!/usr/bin/env bash
# scripts/fuzz.sh — builds the libFuzzer targets of tests/fuzz (clang,
# ASan + UBSan, in build-fuzz/) and runs each in turn, SECONDS split evenly
# between them; prints the executions of each. Exits non-zero when a target
# crashed, leaked, broke an invariant, hit a sanitizer, took more than 1 s on
# one input (-timeout=1) or more than the RSS limit.
#
#   scripts/fuzz.sh [SECONDS]      (default 60: the whole run, all targets)
#   FUZZ_EACH=20 scripts/fuzz.sh   (20 s per target instead; scripts/test.sh)
#   FUZZ_TARGETS="scanner jsonl" scripts/fuzz.sh 120
#
# Inputs: the committed seeds tests/fuzz/corpus/TARGET/ (read only) and the
# inputs found so far, kept in build-fuzz/corpus/TARGET/. A crashing input
# lands in build-fuzz/artifacts/TARGET/; reproduce it with
#   build-fuzz/tests/fuzz/fuzz_TARGET build-fuzz/artifacts/TARGET/crash-…
# and turn it into a regression test named after what it guards.
#
# Environment: BUILD_DIR (build-fuzz), JOBS (2), CXX (clang++-14 or clang++),
# FUZZ_RSS_MB (2048), FUZZ_TARGETS, FUZZ_EACH.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

all_targets=(scanner pipeline jsonl rules names dates partial)
read -r -a targets <<<"${FUZZ_TARGETS:-${all_targets[*]}}"
total=${1:-60}
each=${FUZZ_EACH:-$(( total / ${#targets[@]} ))}
(( each >= 1 )) || each=1
build=${BUILD_DIR:-build-fuzz}
rss_mb=${FUZZ_RSS_MB:-2048}

cxx=${CXX:-}
if [ -z "$cxx" ] || [[ "$cxx" != *clang* ]]; then
  cxx=$(command -v clang++-14 || command -v clang++ || true)
fi
[ -n "$cxx" ] || { echo "fuzz.sh: clang++ not found (scripts/setup.sh installs it)" >&2; exit 1; }
cc=${cxx/clang++/clang}

echo "== build ($build, $(basename "$cxx"), ASan + UBSan + libFuzzer)"
CC=$cc CXX=$cxx cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DWHOSAID_FUZZ=ON >/dev/null
cmake --build "$build" -j"${JOBS:-2}" --target fuzzers >/dev/null

# Leaks are reported (LeakSanitizer) and fail the run like crashes.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

failed=()
printf '== %d target(s), %d s each, -timeout=1, -rss_limit_mb=%d\n' "${#targets[@]}" "$each" "$rss_mb"
printf '%-10s %12s %10s %8s  %s\n' target executions "exec/s" corpus result
for t in "${targets[@]}"; do
  bin=$build/tests/fuzz/fuzz_$t
  [ -x "$bin" ] || { echo "fuzz.sh: no target $t" >&2; failed+=("$t"); continue; }
  work=$build/corpus/$t artifacts=$build/artifacts/$t log=$build/logs/$t.log
  mkdir -p "$work" "$artifacts" "$(dirname "$log")"
  args=(-max_total_time="$each" -timeout=1 -rss_limit_mb="$rss_mb" -print_final_stats=1
        -artifact_prefix="$artifacts/")
  [ -f "tests/fuzz/dict/$t.dict" ] && args+=(-dict="tests/fuzz/dict/$t.dict")
  [ "$t" = pipeline ] && args+=(-max_len=8192)
  status=0
  "$bin" "${args[@]}" "$work" "tests/fuzz/corpus/$t" >"$log" 2>&1 || status=$?
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  rate=$(( ${execs:-0} / each ))
  units=$(find "$work" -type f | wc -l)
  if [ "$status" -eq 0 ]; then
    result=ok
  else
    result="FAILED (status $status; $log)"
    failed+=("$t")
  fi
  printf '%-10s %12s %10s %8s  %s\n' "$t" "${execs:-?}" "$rate" "$units" "$result"
  if [ "$status" -ne 0 ]; then
    grep -E '^(==[0-9]+==ERROR|SUMMARY|.*invariant violated|.*runtime error|ALARM|artifact_prefix|Test unit written)' \
      "$log" | head -n 12 | sed 's/^/    /' >&2 || true
  fi
done

if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzz.sh: FAILED: ${failed[*]}" >&2
  exit 1
fi
echo "fuzz.sh: no crash, sanitizer report or slow input"
