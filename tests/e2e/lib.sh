# Shared setup for the e2e scripts (sourced, not run): paths, a scratch
# directory removed on exit, and small assertions that say what failed.
#
#   root     the repository            bin      the whosaid binary
#   shared   ../shared beside the repo  tmp      a scratch directory
root=${WHOSAID_SOURCE_DIR:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}
bin=${WHOSAID_BIN:-$root/build/whosaid}
shared=${WHOSAID_SHARED_DIR:-$root/../shared}
python=${PYTHON:-python3}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/whosaid_e2e.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
export WHOSAID_RULES=${WHOSAID_RULES:-$root/rules}

# need_bin: fails unless the binary is built (call after any skip checks).
need_bin() {
  [ -x "$bin" ] || { echo "whosaid binary not found at $bin (build first)" >&2; exit 1; }
}

fail() {
  echo "FAIL: $*" >&2
  exit 1
}

# expect_status WANT GOT WHAT
expect_status() {
  [ "$2" -eq "$1" ] || fail "$3: exit status $2, expected $1"
}

# expect_contains FILE TEXT WHAT
expect_contains() {
  grep -qF -- "$2" "$1" || { echo "--- $1:" >&2; cat "$1" >&2; fail "$3: no '$2'"; }
}

# expect_empty FILE WHAT
expect_empty() {
  [ ! -s "$1" ] || { echo "--- $1:" >&2; cat "$1" >&2; fail "$2: expected no output"; }
}
