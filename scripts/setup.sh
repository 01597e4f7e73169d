#!/usr/bin/env bash
# scripts/setup.sh — installs what whosaid needs (Debian packages, only the
# missing ones; nothing when all are there), then configures and builds a
# Release build into build/ (the binary is build/whosaid).
#
#   bash scripts/setup.sh          # from any directory
#
# Installing needs root or sudo; building does not. Environment:
#   BUILD_DIR (default build), BUILD_TYPE (default Release), JOBS (default nproc).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

# clang and its runtime (libFuzzer, sanitizers) build the fuzz targets
# (scripts/fuzz.sh, run by scripts/test.sh); clang-format-14 checks the layout
# (scripts/check_format.sh); libcpp-httplib-dev serves the quote index's page
# and chromium drives it in tests/e2e/index_browser.sh (skipped without it);
# the rest builds whosaid.
packages=(build-essential g++ cmake pkg-config libicu-dev libpcre2-dev
          libboost-program-options-dev doctest-dev nlohmann-json3-dev libsqlite3-dev python3
          libcpp-httplib-dev chromium
          libjemalloc-dev  # the executable's allocator (CMakeLists.txt, WHOSAID_JEMALLOC)
          clang-14 libclang-rt-14-dev clang-format-14
          python3-distributed)  # scripts/dask_extract.py (dask.bag on distributed; issue 13)

installed() {
  [ "$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null)" = "install ok installed" ]
}

install_missing() {
  local missing=() p
  for p in "${packages[@]}"; do
    installed "$p" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "setup: installing ${missing[*]}" >&2
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "setup: need root or sudo to install: ${missing[*]}" >&2; exit 1; }
    sudo=(sudo)
  fi
  "${sudo[@]}" apt-get update
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y --no-install-recommends "${missing[@]}"
}

build() {
  local dir=${BUILD_DIR:-build}
  cmake -S "$root" -B "$root/$dir" -DCMAKE_BUILD_TYPE="${BUILD_TYPE:-Release}" >/dev/null
  cmake --build "$root/$dir" -j"${JOBS:-$(nproc)}"
}

if command -v dpkg-query >/dev/null; then
  install_missing
else
  echo "setup: not a Debian system; install the equivalents of: ${packages[*]}" >&2
fi
build
