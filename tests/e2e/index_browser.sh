#!/usr/bin/env bash
# The web page of `whosaid serve` in a real browser (issue 14): indexes
# corpus/, starts `serve` on a free port, checks the JSON API against
# `whosaid search`, then drives headless Chromium (--dump-dom) to a search,
# a speaker page and an event page and checks what it rendered. Skips (77)
# where Chromium is not installed (Debian: apt-get install chromium).
#
#   bash tests/e2e/index_browser.sh [--screenshot FILE.png]
# --screenshot also saves the page of a speaker search (the README's picture).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

shot=""
if [ "${1:-}" = "--screenshot" ]; then
  shot=$(realpath -m "$2")
fi
browser=""
for b in chromium chromium-browser google-chrome; do
  if command -v "$b" >/dev/null; then browser=$b; break; fi
done
[ -n "$browser" ] || { echo "skip: no Chromium (apt-get install chromium)"; exit 77; }
need_bin
cd "$tmp"

"$bin" index --db idx.db "$root/corpus" 2>/dev/null
"$bin" serve --db idx.db --port 0 2>serve.err &
server=$!
trap 'kill "$server" 2>/dev/null || true; rm -rf "$tmp"' EXIT
port=""
for _ in $(seq 1 100); do
  port=$(sed -n 's|.*http://127\.0\.0\.1:\([0-9]*\)/.*|\1|p' serve.err)
  [ -n "$port" ] && break
  sleep 0.1
done
[ -n "$port" ] || { cat serve.err >&2; fail "serve did not start"; }
url="http://127.0.0.1:$port"

# The API returns the records `whosaid search --format jsonl` writes; a query
# FTS5 cannot read is a 400 with a message, not a 500.
"$bin" search --db idx.db --speaker Khowarizmi --format jsonl >cli.jsonl
"$python" - "$url" cli.jsonl <<'PY'
import json, sys, urllib.error, urllib.parse, urllib.request
url, cli = sys.argv[1], open(sys.argv[2], encoding="utf-8").read()
api = urllib.request.urlopen(url + "/api/search?speaker=Khowarizmi").read().decode("utf-8")
if api != cli or not cli:
    sys.exit("FAIL: /api/search differs from whosaid search --format jsonl")
try:
    urllib.request.urlopen(url + "/api/search?" + urllib.parse.urlencode({"q": '"open'}))
    sys.exit("FAIL: a bad FTS5 query was answered")
except urllib.error.HTTPError as e:
    body = json.loads(e.read())
    if e.code != 400 or "cannot read the search text" not in body.get("error", ""):
        sys.exit(f"FAIL: bad FTS5 query: {e.code} {body}")
PY

# render PATH OUT: the DOM after the page's scripts ran.
render() {
  "$browser" --headless --no-sandbox --disable-gpu --disable-dev-shm-usage --no-first-run \
    --virtual-time-budget=10000 --dump-dom "$url/$1" >"$2" 2>/dev/null
}
render "?q=cowardly+act" search.html
expect_contains search.html 'class="hit"' "search page"
expect_contains search.html "<mark>The Islamic Emirate will not leave this cowardly act" "search page"
expect_contains search.html "Khwarzami" "search page"
expect_contains search.html ">1 quote<" "search page"

entity=$("$python" -c "import json,sys; print(json.loads(open('cli.jsonl').readline())['speaker']['entity'])")
render "#entity=$entity" speaker.html
expect_contains speaker.html 'id="spellings"' "speaker page"
expect_contains speaker.html "Enayatullah Khowarazami" "speaker page"
expect_contains speaker.html "Enayatullah Khwarzami" "speaker page"
expect_contains speaker.html "Pratidin Time" "speaker page"

event=$("$python" -c "
import json
for l in open('cli.jsonl'):
    e = json.loads(l)['event']
    if e: print(e['id']); break")
render "#event=$event" event.html
expect_contains event.html "<h2>" "event page"
expect_contains event.html 'class="hit"' "event page"

render "?q=%22unbalanced" error.html
expect_contains error.html 'class="error"' "bad query page"

if [ -n "$shot" ]; then
  "$browser" --headless --no-sandbox --disable-gpu --disable-dev-shm-usage --no-first-run \
    --hide-scrollbars --window-size=1100,900 --virtual-time-budget=10000 \
    --screenshot="$shot" "$url/?speaker=Khowarizmi" 2>/dev/null
  [ -s "$shot" ] || fail "no screenshot"
  echo "screenshot: $shot"
fi
echo "ok: browser"
