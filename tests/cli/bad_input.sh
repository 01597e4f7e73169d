#!/usr/bin/env bash
# Hostile and broken input (issue 5), one case per CTest test:
#   bash tests/cli/bad_input.sh CASE
# Each case feeds whosaid one kind of bad input next to a good document and
# checks three things: the message (naming the path, line or byte), the exit
# status, and that the good document's quote is still there — one bad input
# never loses the others. Big inputs are generated here, never committed,
# and must finish within a time bound (and, outside sanitizer builds, a
# memory bound). The 100 MB one-line document is scripts/bench_hostile.sh.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../e2e/lib.sh"
need_bin

# The time bounds guard against hangs, not speed (speed is benchmarked):
# each is about three times the run on an idle machine, times `slow` — 3 on
# a normal build, so a machine shared by several jobs does not fail them,
# 8 × 3 under sanitizers, which also use more memory: the inputs that only
# guard memory (checked outside sanitizer builds) shrink by `shrink`.
if [ -n "${WHOSAID_SANITIZED:-}" ]; then
  slow=24 shrink=8 sanitized=1
else
  slow=3 shrink=1 sanitized=0
fi

# run ARGS... : runs whosaid; stdout → $tmp/out, stderr → $tmp/err, status → $rc.
run() {
  rc=0
  "$bin" "$@" >"$tmp/out" 2>"$tmp/err" || rc=$?
}

# bounded SECONDS MEGABYTES ARGS... : run, failing when it takes longer than
# SECONDS × slow or, outside sanitizer builds and where
# /usr/bin/time exists, more than MEGABYTES of peak memory.
bounded() {
  local seconds=$(($1 * slow)) megabytes=$2
  shift 2
  rc=0
  if [ -x /usr/bin/time ] && [ "$sanitized" -eq 0 ]; then
    timeout "$seconds" /usr/bin/time -f '%M' -o "$tmp/rss" "$bin" "$@" >"$tmp/out" 2>"$tmp/err" || rc=$?
    local kb
    kb=$(tail -n 1 "$tmp/rss")
    [[ "$kb" =~ ^[0-9]+$ ]] && [ "$kb" -gt $((megabytes * 1024)) ] &&
      fail "whosaid $*: peak memory $((kb / 1024)) MB, over $megabytes MB"
  else
    timeout "$seconds" "$bin" "$@" >"$tmp/out" 2>"$tmp/err" || rc=$?
  fi
  [ "$rc" -ne 124 ] || fail "whosaid $*: took more than $seconds s"
}

# A paragraph with one direct quote that any working pipeline finds.
good_quote='We will not accept this,'
good_paragraph() {
  printf '\xe2\x80\x9c%s\xe2\x80\x9d said Jane Doe, a spokesperson for the %s ministry.\n' \
    "$good_quote" "${1:-foreign}"
}

# expect_quote WHAT : the good quote is among the records.
expect_quote() {
  expect_contains "$tmp/out" "\"text\":\"$good_quote\"" "$1: the good document's quote"
}

# expect_offsets TEXT_FILE [JSONL_OUT]: every record's quote, cue and mention
# text is the text between its offsets in the file as Python reads it
# (UTF-8 with U+FFFD for invalid bytes, newlines kept as they are).
expect_offsets() {
  "$python" - "$1" "${2:-$tmp/out}" <<'PY' || fail "offsets do not match the text of $1"
import json, sys
text = open(sys.argv[1], encoding="utf-8", errors="replace", newline="").read()
n = 0
for line in open(sys.argv[2], encoding="utf-8"):
    r = json.loads(line)
    spans = [r["quote"], r["cue"], (r["speaker"] or {}).get("mention")]
    for s in spans:
        if s and text[s["start"]:s["end"]] != s["text"]:
            sys.exit(f"{s['start']}:{s['end']} is {text[s['start']:s['end']]!r}, record says {s['text']!r}")
    n += 1
if n == 0:
    sys.exit("no records")
PY
}

# ---------------------------------------------------------------- encodings

case_invalid_utf8() {
  # Bad bytes before the quote: byte 4 (a lone continuation byte), 9 (a
  # truncated 3-byte sequence), 13 (an overlong encoding, two bytes).
  { printf 'Bad \x80 and \xe2\x80 and \xc0\xaf here.\n'; good_paragraph; } >"$tmp/bad.txt"
  run extract "$tmp/bad.txt"
  expect_status 0 "$rc" "invalid UTF-8 (a warning, not an error)"
  expect_contains "$tmp/err" "$tmp/bad.txt: byte 4: warning: invalid UTF-8, replaced with U+FFFD (4 sequences)" \
    "invalid UTF-8"
  expect_quote "invalid UTF-8"
  expect_offsets "$tmp/bad.txt"
  # The quote starts after 25 code points: Python's errors="replace" agrees.
  expect_contains "$tmp/out" '"start":26,' "invalid UTF-8: code-point offsets after replacement"
  # Regression: every replaced sequence kept an 8-byte offset (a 60 MB file
  # of 0xFF took 712 MB). 8 MB of them now: one warning, bounded memory.
  local n=$((8000000 / shrink))
  { head -c "$n" /dev/zero | tr '\0' '\377'; printf '\n'; good_paragraph; } >"$tmp/ff.txt"
  # (120 s: a guard against hangs and quadratic time; it takes about 7 s of
  # CPU, but 50 s of wall time on a loaded two-core machine)
  bounded 120 250 extract "$tmp/ff.txt"
  expect_status 0 "$rc" "$n invalid bytes"
  expect_contains "$tmp/err" "$tmp/ff.txt: byte 0: warning: invalid UTF-8, replaced with U+FFFD ($n sequences)" \
    "$n invalid bytes"
  expect_quote "$n invalid bytes"
  # In a JSON Lines record: the line and the byte of the line.
  { printf '{"id":"bad","text":"x \xff y"}\n'; printf '{"id":"good","text":"%s"}\n' "$(good_paragraph | sed 's/"/\\"/g')"; } \
    >"$tmp/bad.jsonl"
  run extract "$tmp/bad.jsonl"
  expect_status 0 "$rc" "invalid UTF-8 in JSON Lines"
  expect_contains "$tmp/err" "$tmp/bad.jsonl:1: warning: byte 22 of the line: invalid UTF-8" \
    "invalid UTF-8 in JSON Lines"
  expect_quote "invalid UTF-8 in JSON Lines"
}

case_bom() {
  good_paragraph >"$tmp/plain.txt"
  { printf '\xef\xbb\xbf'; good_paragraph; } >"$tmp/bom.txt"
  run extract "$tmp/bom.txt"
  expect_status 0 "$rc" "UTF-8 BOM"
  expect_empty "$tmp/err" "UTF-8 BOM"
  expect_quote "UTF-8 BOM"
  expect_offsets "$tmp/bom.txt"
  # The BOM is one code point of the text as read: every offset moves by one.
  "$bin" extract "$tmp/plain.txt" >"$tmp/plain.jsonl"
  "$python" - "$tmp/plain.jsonl" "$tmp/out" <<'PY' || fail "UTF-8 BOM: offsets not shifted by one"
import json, sys
a = [json.loads(l) for l in open(sys.argv[1])]
b = [json.loads(l) for l in open(sys.argv[2])]
assert len(a) == len(b) > 0
for x, y in zip(a, b):
    assert y["quote"]["start"] == x["quote"]["start"] + 1 and y["quote"]["text"] == x["quote"]["text"]
PY
  # JSON Lines and standard input starting with a BOM are still JSON Lines.
  { printf '\xef\xbb\xbf{"id":"b1","text":"%s"}\n' "$(good_paragraph | sed 's/"/\\"/g')"; } >"$tmp/bom.jsonl"
  for how in file stdin; do
    if [ "$how" = file ]; then run extract "$tmp/bom.jsonl"; else run extract - <"$tmp/bom.jsonl"; fi
    expect_status 0 "$rc" "JSON Lines with a BOM ($how)"
    expect_empty "$tmp/err" "JSON Lines with a BOM ($how)"
    expect_contains "$tmp/out" '"doc":"b1"' "JSON Lines with a BOM ($how)"
  done
}

case_crlf() {
  { good_paragraph foreign; printf 'Talks went on.\n'; good_paragraph interior; } >"$tmp/lf.txt"
  sed 's/$/\r/' "$tmp/lf.txt" >"$tmp/crlf.txt"
  run extract "$tmp/crlf.txt"
  expect_status 0 "$rc" "CRLF line endings"
  expect_empty "$tmp/err" "CRLF line endings"
  expect_offsets "$tmp/crlf.txt"
  # The same records as with LF endings, quote for quote.
  "$bin" extract "$tmp/lf.txt" | "$python" -c 'import json,sys; [print(json.loads(l)["quote"]["text"]) for l in sys.stdin]' >"$tmp/lf.q"
  "$python" -c 'import json,sys; [print(json.loads(l)["quote"]["text"]) for l in sys.stdin]' <"$tmp/out" >"$tmp/crlf.q"
  [ "$(wc -l <"$tmp/lf.q")" -eq 2 ] || fail "CRLF: expected 2 quotes with LF endings"
  cmp -s "$tmp/lf.q" "$tmp/crlf.q" || fail "CRLF line endings change the quotes found"
  # JSON Lines with CRLF.
  printf '{"id":"c1","text":"%s"}\r\n{"id":"c2","text":"x"}\r\n' "$(good_paragraph | sed 's/"/\\"/g')" >"$tmp/crlf.jsonl"
  run extract "$tmp/crlf.jsonl"
  expect_status 0 "$rc" "JSON Lines with CRLF"
  expect_empty "$tmp/err" "JSON Lines with CRLF"
  expect_contains "$tmp/out" '"doc":"c1"' "JSON Lines with CRLF"
}

case_nul_bytes() {
  mkdir "$tmp/d"
  # A NUL early: a binary file, skipped with a warning naming the offset.
  { printf 'abc\0def\n'; good_paragraph; } >"$tmp/d/early.txt"
  # A NUL after the first 8 KiB: text with a stray NUL, read; the JSON
  # output escapes it.
  { head -c 9000 /dev/zero | tr '\0' 'x'; printf '\n\0\n'; good_paragraph; } >"$tmp/d/late.txt"
  run extract "$tmp/d"
  expect_status 0 "$rc" "NUL bytes"
  expect_contains "$tmp/err" "$tmp/d/early.txt: warning: looks like a binary file (NUL byte at offset 3); skipped" \
    "NUL byte early"
  expect_quote "NUL byte late"
  expect_offsets "$tmp/d/late.txt"
  # A NUL inside a JSON Lines text ("\u0000") is just a character.
  printf '{"id":"n1","text":"a\\u0000b\\n%s"}\n' "$(good_paragraph | sed 's/"/\\"/g')" >"$tmp/nul.jsonl"
  run extract "$tmp/nul.jsonl"
  expect_status 0 "$rc" "NUL in JSON Lines"
  expect_quote "NUL in JSON Lines"
  "$python" -c 'import json,sys; [json.loads(l) for l in open(sys.argv[1])]' "$tmp/out" ||
    fail "NUL in JSON Lines: output is not valid JSON"
}

# ---------------------------------------------------------------- files

case_empty_file() {
  mkdir "$tmp/d"
  : >"$tmp/d/a_empty.txt"
  printf '\n \n\t\n' >"$tmp/d/b_blank.txt"
  good_paragraph >"$tmp/d/c_good.txt"
  : >"$tmp/empty.jsonl"
  run extract "$tmp/d" "$tmp/empty.jsonl"
  expect_status 0 "$rc" "empty files"
  expect_empty "$tmp/err" "empty files"
  expect_quote "empty files"
  run extract </dev/null
  expect_status 0 "$rc" "empty standard input"
  expect_empty "$tmp/out" "empty standard input"
}

case_binary_file() {
  mkdir "$tmp/d"
  printf '\x89PNG\r\n\x1a\n\0\0\0\rIHDR' >"$tmp/d/a_image.txt"
  head -c 4096 /dev/urandom >>"$tmp/d/a_image.txt"
  good_paragraph >"$tmp/d/b_good.txt"
  run extract "$tmp/d"
  expect_status 0 "$rc" "binary file (a warning)"
  expect_contains "$tmp/err" "$tmp/d/a_image.txt: warning: looks like a binary file (NUL byte at offset 8); skipped" \
    "binary file"
  expect_quote "binary file"
}

case_unreadable_file() {
  mkdir "$tmp/d"
  good_paragraph >"$tmp/d/b_good.txt"
  # A file that opens but cannot be read (as any user): /proc/self/mem read
  # at offset 0 fails with EIO.
  if [ -r /proc/self/mem ]; then
    ln -s /proc/self/mem "$tmp/d/a_mem.txt"
    run extract "$tmp/d"
    expect_status 1 "$rc" "a file that cannot be read"
    expect_contains "$tmp/err" "$tmp/d/a_mem.txt: error: cannot read: " "a file that cannot be read"
    expect_quote "a file that cannot be read"
    rm "$tmp/d/a_mem.txt"
  fi
  # A file without read permission. Root reads it anyway, so as root the
  # binary runs as nobody (setpriv); without setpriv the case is skipped.
  printf 'secret\n' >"$tmp/d/a_locked.txt"
  chmod 000 "$tmp/d/a_locked.txt"
  local as=()
  if [ "$(id -u)" -eq 0 ]; then
    command -v setpriv >/dev/null || { echo "skipped: root without setpriv"; exit 77; }
    as=(setpriv --reuid=65534 --regid=65534 --clear-groups)
    chmod 755 "$tmp" "$tmp/d"
    # nobody must reach the binary and the rules
    "${as[@]}" test -x "$bin" -a -r "$WHOSAID_RULES/frames.txt" ||
      { echo "skipped: nobody cannot run $bin"; exit 77; }
  fi
  rc=0
  "${as[@]}" "$bin" extract --rules "$WHOSAID_RULES" "$tmp/d" >"$tmp/out" 2>"$tmp/err" || rc=$?
  expect_status 1 "$rc" "a file without read permission"
  expect_contains "$tmp/err" "$tmp/d/a_locked.txt: error: cannot open: Permission denied" \
    "a file without read permission"
  expect_quote "a file without read permission"
}

case_symlink_loop() {
  mkdir -p "$tmp/d/sub"
  good_paragraph >"$tmp/d/sub/good.txt"
  ln -s .. "$tmp/d/sub/up"            # a directory loop
  ln -s . "$tmp/d/self"
  ln -s l2.txt "$tmp/d/l1.txt"        # a loop of file links
  ln -s l1.txt "$tmp/d/l2.txt"
  ln -s nowhere.txt "$tmp/d/dangling.txt"
  bounded 20 200 extract "$tmp/d"
  expect_status 1 "$rc" "symlink loops"
  expect_contains "$tmp/err" "$tmp/d/l1.txt: error: cannot read: Too many levels of symbolic links" "symlink loop"
  expect_contains "$tmp/err" "$tmp/d/dangling.txt: error: cannot read: No such file or directory" "dangling link"
  expect_quote "symlink loops"
  [ "$(grep -c '"doc":"good"' "$tmp/out")" -eq 1 ] || fail "symlink loops: the good file read more than once"
  # A loop given on the command line.
  run extract "$tmp/d/l1.txt" "$tmp/d/sub/good.txt"
  expect_status 1 "$rc" "symlink loop as a path"
  expect_contains "$tmp/err" "$tmp/d/l1.txt: error: cannot read: Too many levels of symbolic links" \
    "symlink loop as a path"
  expect_quote "symlink loop as a path"
}

case_missing_path() {
  good_paragraph >"$tmp/good.txt"
  run extract "$tmp/no-such-dir" "$tmp/no-such.jsonl" "$tmp/good.txt"
  expect_status 1 "$rc" "paths that do not exist"
  expect_contains "$tmp/err" "$tmp/no-such-dir: error: cannot read: No such file or directory" \
    "missing directory"
  expect_contains "$tmp/err" "$tmp/no-such.jsonl: error: cannot read: No such file or directory" \
    "missing JSON Lines file"
  expect_quote "paths that do not exist"
}

# ---------------------------------------------------------------- size and shape

case_huge_document() {
  # 100 MB (sparse: no disk used) is over the default --max-doc-bytes:
  # refused at once, before reading, with the limit in the message.
  truncate -s 100M "$tmp/a_huge.txt"
  good_paragraph >"$tmp/b_good.txt"
  bounded 5 100 extract "$tmp/a_huge.txt" "$tmp/b_good.txt"
  expect_status 1 "$rc" "document over --max-doc-bytes"
  expect_contains "$tmp/err" "$tmp/a_huge.txt: error: document larger than --max-doc-bytes (16777216 bytes); skipped" \
    "document over --max-doc-bytes"
  expect_quote "document over --max-doc-bytes"
  # The same in JSON Lines: the record's line is named.
  printf '{"id":"big","text":"%s"}\n{"id":"ok","text":"%s"}\n' "$(head -c 2000 /dev/zero | tr '\0' x)" \
    "$(good_paragraph | sed 's/"/\\"/g')" >"$tmp/big.jsonl"
  run extract --max-doc-bytes 1K "$tmp/big.jsonl"
  expect_status 1 "$rc" "JSON Lines record over --max-doc-bytes"
  expect_contains "$tmp/err" "$tmp/big.jsonl:1: error: \"text\" larger than --max-doc-bytes (1024 bytes); skipped" \
    "JSON Lines record over --max-doc-bytes"
  expect_quote "JSON Lines record over --max-doc-bytes"
  # A 4 MB document on one line is read (in windows): bounded time and memory,
  # quotes from its start and its end, offsets right.
  "$python" - "$root/corpus" "$tmp/line.txt" <<'PY'
import pathlib, sys
text = " ".join(p.read_text(encoding="utf-8").replace("\n", " ") for p in sorted(pathlib.Path(sys.argv[1]).glob("*.txt")))
with open(sys.argv[2], "w", encoding="utf-8") as out:
    out.write((text + " ") * (4_000_000 // len(text.encode()) + 1))
PY
  good_paragraph >>"$tmp/line.txt"
  bounded 20 300 extract "$tmp/line.txt"
  expect_status 0 "$rc" "4 MB on one line"
  expect_quote "4 MB on one line"
  [ "$(wc -l <"$tmp/out")" -gt 1000 ] || fail "4 MB on one line: only $(wc -l <"$tmp/out") records"
  expect_offsets "$tmp/line.txt"
}

case_unbalanced_quotes() {
  local mark
  for mark in '\u201c' '"' "'" '\u00ab' '\u201d'; do
    # 100,000 marks in a row, and 100,000 marks with words between them
    "$python" - "$mark" "$tmp/marks.txt" "$tmp/words.txt" <<'PY'
import sys
mark = sys.argv[1].encode().decode("unicode_escape")
open(sys.argv[2], "w", encoding="utf-8").write(mark * 100000 + "\n")
open(sys.argv[3], "w", encoding="utf-8").write((mark + "aa ") * 100000 + "\n")
PY
    for f in marks words; do
      good_paragraph >>"$tmp/$f.txt"
      bounded 20 300 extract "$tmp/$f.txt"
      expect_status 0 "$rc" "100,000 unbalanced $mark ($f)"
      expect_quote "100,000 unbalanced $mark ($f)"
    done
  done
}

case_nested_quotes() {
  # 10,000 levels: “a ‘a “a ‘a … then every closing mark.
  "$python" - "$tmp/nested.txt" <<'PY'
import sys
opens = "".join(("\u201c" if i % 2 == 0 else "\u2018") + "a " for i in range(10000))
closes = "".join("\u201d" if i % 2 == 0 else "\u2019" for i in reversed(range(10000)))
with open(sys.argv[1], "w", encoding="utf-8") as f:
    f.write(opens + "b" + closes + " he said.\n")
    f.write('"' * 10000 + "x" + '"' * 10000 + "\n")
PY
  good_paragraph >>"$tmp/nested.txt"
  bounded 20 300 extract "$tmp/nested.txt"
  expect_status 0 "$rc" "quotes nested 10,000 deep"
  expect_quote "quotes nested 10,000 deep"
  expect_offsets "$tmp/nested.txt"
}

case_long_sentence() {
  # 1,000,000 characters without a sentence end: names, cues, commas, quotes.
  "$python" - "$tmp/long.txt" <<'PY'
import sys
words = ["said", "Ali", "Khan", ",", "that", "the", "minister", "\u201cwe", "will\u201d", "and", "he", "told"]
out, n, i = [], 0, 0
while n < 1_000_000:
    w = words[i % len(words)] + ("" if i % 7 else "s")
    out.append(w); n += len(w) + 1; i += 1
with open(sys.argv[1], "w", encoding="utf-8") as f:
    f.write(" ".join(out)[:1_000_000] + "\n")
    # (a plain paragraph after it: a quote left open at its end would
    # otherwise continue into a paragraph that opens with a quote mark)
    f.write("Talks went on.\n")
PY
  good_paragraph >>"$tmp/long.txt"
  bounded 30 300 extract "$tmp/long.txt"
  expect_status 0 "$rc" "a sentence of 1,000,000 characters"
  expect_quote "a sentence of 1,000,000 characters"
  expect_offsets "$tmp/long.txt"
}

# Regression: coreference compared every person with every other (1 MB of
# distinct names took 21 s); it must stay about linear.
case_many_names() {
  "$python" - "$tmp/names.txt" <<'PY'
import random, string, sys
random.seed(7)
w = lambda: random.choice(string.ascii_uppercase) + "".join(random.choice(string.ascii_lowercase) for _ in range(6))
parts, n = [], 0
while n < 1_000_000:
    a, b = w(), w()
    s = f"{a} {b}, a spokesperson, was there. {b} said it was over. He said so.\n"
    parts.append(s); n += len(s)
open(sys.argv[1], "w").write("".join(parts))
PY
  good_paragraph >>"$tmp/names.txt"
  bounded 10 300 extract "$tmp/names.txt"
  expect_status 0 "$rc" "1 MB of distinct names"
  expect_quote "1 MB of distinct names"
}

# ---------------------------------------------------------------- JSON Lines

jsonl_with_bad_line() {  # BAD_LINE: good, BAD_LINE, good
  printf '{"id":"good-1","text":"%s"}\n' "$(good_paragraph | sed 's/"/\\"/g')"
  printf '%s\n' "$1"
  printf '{"id":"good-3","text":"%s"}\n' "$(good_paragraph interior | sed 's/"/\\"/g')"
}

case_malformed_jsonl() {
  jsonl_with_bad_line '{"id": "broken", "text": ' >"$tmp/docs.jsonl"
  run extract --on-error warn "$tmp/docs.jsonl"
  expect_status 1 "$rc" "malformed line, warn"
  expect_contains "$tmp/err" "$tmp/docs.jsonl:2: error: malformed JSON" "malformed line, warn"
  expect_contains "$tmp/out" '"doc":"good-1"' "malformed line, warn"
  expect_contains "$tmp/out" '"doc":"good-3"' "malformed line, warn"
  run extract --on-error skip "$tmp/docs.jsonl"
  expect_status 0 "$rc" "malformed line, skip"
  expect_contains "$tmp/err" "1 input(s) skipped because of errors (--on-error skip)" "malformed line, skip"
  if grep -q "docs.jsonl:2" "$tmp/err"; then fail "--on-error skip printed the line's error"; fi
  expect_contains "$tmp/out" '"doc":"good-3"' "malformed line, skip"
  run extract --on-error fail "$tmp/docs.jsonl"
  expect_status 1 "$rc" "malformed line, fail"
  expect_contains "$tmp/err" "$tmp/docs.jsonl:2: error: malformed JSON" "malformed line, fail"
  expect_contains "$tmp/err" "stopped at the first error (--on-error fail)" "malformed line, fail"
  if grep -q '"doc":"good-3"' "$tmp/out"; then fail "--on-error fail went on after line 2"; fi
  # Regression (fuzz_jsonl): a number no double holds threw past the reader
  # and ended the run.
  jsonl_with_bad_line '{"id":"huge","text":"x","n":1e999}' >"$tmp/num.jsonl"
  run extract "$tmp/num.jsonl"
  expect_status 1 "$rc" "a number too large"
  expect_contains "$tmp/err" "$tmp/num.jsonl:2: error: malformed JSON (number overflow" "a number too large"
  expect_contains "$tmp/out" '"doc":"good-3"' "a number too large"
  # Truncated at the end of the file, and deeply nested arrays.
  { jsonl_with_bad_line "$(head -c 200000 /dev/zero | tr '\0' '[')"; printf '{"id":"cut","te'; } >"$tmp/cut.jsonl"
  bounded 10 200 extract "$tmp/cut.jsonl"
  expect_status 1 "$rc" "nested arrays and a truncated last line"
  expect_contains "$tmp/err" "$tmp/cut.jsonl:2: error: malformed JSON" "200,000 nested arrays"
  expect_contains "$tmp/err" "$tmp/cut.jsonl:4: error: malformed JSON" "a truncated last line"
  expect_contains "$tmp/out" '"doc":"good-3"' "nested arrays and a truncated last line"
}

# Regression: a record line was parsed into a JSON value first; 20 MB of
# "[[[…" took 1.5 GB. Records are now read field by field (jsonl_record.h).
case_jsonl_memory() {
  "$python" - "$tmp/shapes.jsonl" "$shrink" <<'PY'
import sys
k = int(sys.argv[2])
with open(sys.argv[1], "w") as f:
    f.write("[" * (20_000_000 // k) + "\n")                                  # deep
    f.write("[" + "1," * (5_000_000 // k) + "1]\n")                          # wide
    f.write("{" + "".join(f'"k{i}":{{}},' for i in range(1_000_000 // k)) + '"id":"w","text":"x"}\n')
PY
  printf '{"id":"good","text":"%s"}\n' "$(good_paragraph | sed 's/"/\\"/g')" >>"$tmp/shapes.jsonl"
  bounded 20 300 extract "$tmp/shapes.jsonl"
  expect_status 1 "$rc" "deep and wide JSON Lines records"
  expect_contains "$tmp/err" "$tmp/shapes.jsonl:1: error: malformed JSON" "deeply nested arrays"
  expect_contains "$tmp/err" "$tmp/shapes.jsonl:2: error: not a JSON object" "an array of millions of numbers"
  expect_contains "$tmp/out" '"doc":"good"' "deep and wide JSON Lines records"
  if grep -q "shapes.jsonl:3" "$tmp/err"; then fail "an object of a million keys was refused"; fi
}

case_record_without_text() {
  jsonl_with_bad_line '{"id":"no-text","outlet":"X"}' >"$tmp/a.jsonl"
  jsonl_with_bad_line '{"id":"number","text":42}' >"$tmp/b.jsonl"
  jsonl_with_bad_line '{"id":"list","text":["a","b"]}' >"$tmp/c.jsonl"
  jsonl_with_bad_line '["not","an","object"]' >"$tmp/d.jsonl"
  for f in a b c; do
    run extract "$tmp/$f.jsonl"
    expect_status 1 "$rc" "record without a string text ($f)"
    expect_contains "$tmp/err" "$tmp/$f.jsonl:2: error: record has no string \"text\"; skipped" \
      "record without a string text ($f)"
    expect_contains "$tmp/out" '"doc":"good-1"' "record without a string text ($f)"
    expect_contains "$tmp/out" '"doc":"good-3"' "record without a string text ($f)"
  done
  run extract "$tmp/d.jsonl"
  expect_status 1 "$rc" "a line that is not an object"
  expect_contains "$tmp/err" "$tmp/d.jsonl:2: error: not a JSON object; skipped" "a line that is not an object"
  expect_contains "$tmp/out" '"doc":"good-3"' "a line that is not an object"
}

case_duplicate_ids() {
  jsonl_with_bad_line "{\"id\":\"good-1\",\"text\":\"$(good_paragraph defence | sed 's/"/\\"/g')\"}" >"$tmp/dup.jsonl"
  run extract "$tmp/dup.jsonl"
  expect_status 0 "$rc" "duplicate ids (a warning)"
  expect_contains "$tmp/err" "$tmp/dup.jsonl:2: warning: duplicate id \"good-1\": an earlier document has it too (both are kept)" \
    "duplicate ids"
  [ "$(grep -c '"doc":"good-1"' "$tmp/out")" -eq 2 ] || fail "duplicate ids: both documents' records expected"
}

# ---------------------------------------------------------------- configuration

# break_rules FILE SED_SCRIPT : a copy of rules/ with FILE edited.
break_rules() {
  rm -rf "$tmp/rules"
  cp -r "$WHOSAID_RULES" "$tmp/rules"
  sed -i "$2" "$tmp/rules/$1"
}

# expect_broken_rule FILE SED_EDIT MESSAGE: with FILE so edited, whosaid stops
# at start-up (status 2, nothing written) with "RULES/MESSAGE", LINE in
# MESSAGE standing for the edited line's number.
expect_broken_rule() {
  break_rules "$1" "$2"
  local line
  line=$( (diff "$WHOSAID_RULES/$1" "$tmp/rules/$1" || true) | sed -n 's/^\([0-9]*\)c.*/\1/p' | head -1)
  [ -n "$line" ] || fail "broken rules: the edit of $1 changed nothing ($2)"
  run extract --rules "$tmp/rules" "$tmp/good.txt"
  expect_status 2 "$rc" "broken $1"
  expect_contains "$tmp/err" "whosaid: $tmp/rules/${3/LINE/$line}" "broken $1"
  expect_empty "$tmp/out" "broken $1"
}

case_broken_rules() {
  good_paragraph >"$tmp/good.txt"
  expect_broken_rule frames.txt 's/^\(q_cue_spk | quote | - | \).*/\1(?<spk>N(/' \
    "frames.txt:LINE: bad pattern at offset"
  expect_broken_rule frames.txt 's/^\(q_cue_spk | quote | - | \).*/\1@NOSUCH/' \
    "frames.txt:LINE: unknown macro @NOSUCH"
  expect_broken_rule quote_marks.txt 's/^“ | double | open/“ | triple | open/' \
    "quote_marks.txt:LINE: FAMILY must be double or single, not 'triple'"
  expect_broken_rule abbreviations.txt 's/^mr$/mr mrs/' \
    "abbreviations.txt:LINE: one abbreviation per line"
  # The name matcher's rules (whosaid names). Regression (fuzz_rules): ICU
  # leaked memory on a transform with an unclosed '('.
  break_rules names/transform.txt 's/^Lower$/Lower; (x/'
  printf 'Amir Rana\n' >"$tmp/names.txt"
  run names --rules "$tmp/rules" "$tmp/names.txt"
  expect_status 2 "$rc" "broken names/transform.txt"
  expect_contains "$tmp/err" "whosaid: $tmp/rules/names/transform.txt:" "broken names/transform.txt"
  expect_contains "$tmp/err" ": '(' without ')'" "broken names/transform.txt"
  # Not UTF-8.
  break_rules roles.txt '1s/^/\xff/'
  run extract --rules "$tmp/rules" "$tmp/good.txt"
  expect_status 2 "$rc" "rule file not UTF-8"
  expect_contains "$tmp/err" "whosaid: $tmp/rules/roles.txt: byte 0: not valid UTF-8" "rule file not UTF-8"
  # Regression: a loop of links among the rule files threw past the loader
  # ("internal error", status 1).
  break_rules words.txt ''
  ln -s loop2.txt "$tmp/rules/loop1.txt"
  ln -s loop1.txt "$tmp/rules/loop2.txt"
  run extract --rules "$tmp/rules" "$tmp/good.txt"
  expect_status 2 "$rc" "a loop of links among the rule files"
  expect_contains "$tmp/err" "$tmp/rules/loop" "a loop of links among the rule files"
  expect_contains "$tmp/err" ": cannot read rule file: Too many levels of symbolic links" \
    "a loop of links among the rule files"
  # With 2+ threads the pipeline and the resolver are built at once; the
  # error is still the one the sequential build reports (the pipeline's
  # when both are broken), with the same status.
  local broken threads
  for broken in both transform; do
    break_rules names/transform.txt 's/^Lower$/Lower; (x/'
    [ "$broken" = transform ] ||
      sed -i 's/^\(q_cue_spk | quote | - | \).*/\1(?<spk>N(/' "$tmp/rules/frames.txt"
    for threads in 1 2; do
      run extract --threads "$threads" --rules "$tmp/rules" "$tmp/good.txt"
      expect_status 2 "$rc" "broken $broken, $threads threads"
      expect_empty "$tmp/out" "broken $broken, $threads threads"
      cp "$tmp/err" "$tmp/err$threads"
    done
    cmp -s "$tmp/err1" "$tmp/err2" || fail "broken $broken: the error differs with 2 threads"
    [ "$broken" = transform ] ||
      expect_contains "$tmp/err2" "whosaid: $tmp/rules/frames.txt:" "broken both, 2 threads"
  done
  expect_contains "$tmp/err2" "whosaid: $tmp/rules/names/transform.txt:" "broken transform"
  # A rule file missing.
  break_rules words.txt ''
  rm "$tmp/rules/words.txt"
  run extract --rules "$tmp/rules" "$tmp/good.txt"
  expect_status 2 "$rc" "rule file missing"
  expect_contains "$tmp/err" "whosaid: $tmp/rules/words.txt: rule file missing" "rule file missing"
}

case_exit_status_help() {
  for args in "--help" "extract --help" "names --help"; do
    # shellcheck disable=SC2086
    run $args
    expect_status 0 "$rc" "whosaid $args"
    expect_contains "$tmp/out" "Exit status:" "whosaid $args"
    expect_contains "$tmp/out" "  0  success" "whosaid $args"
    expect_contains "$tmp/out" "  1  some documents could not be processed (the others were)" "whosaid $args"
    expect_contains "$tmp/out" "  2  usage or configuration error" "whosaid $args"
  done
}

# ---------------------------------------------------------------- output

case_closed_pipe() {
  set +o pipefail
  "$bin" extract "$root/corpus" 2>"$tmp/err" | head -1 >"$tmp/out"
  local status=${PIPESTATUS[0]}
  set -o pipefail
  expect_status 0 "$status" "whosaid extract corpus | head -1"
  expect_empty "$tmp/err" "whosaid extract corpus | head -1"
  [ "$(wc -l <"$tmp/out")" -eq 1 ] || fail "whosaid extract corpus | head -1: no line"
}

case_disk_full() {
  [ -w /dev/full ] || { echo "skipped: no /dev/full"; exit 77; }
  rc=0
  "$bin" extract "$root/corpus" >/dev/full 2>"$tmp/err" || rc=$?
  expect_status 1 "$rc" "standard output on /dev/full"
  expect_contains "$tmp/err" "whosaid: <stdout>: cannot write: No space left on device; the output is incomplete" \
    "standard output on /dev/full"
}

# ---------------------------------------------------------------- issue 10
# Never turned against its user: the output file, worker threads, empty
# rules, endless and dense input. Each case is named after what it guards.

# corpus_jsonl FILE COPIES: the sample corpus as JSON Lines, COPIES documents.
corpus_jsonl() {
  "$python" - "$root/corpus" "$1" "$2" <<'PY'
import json, pathlib, sys
files = sorted(pathlib.Path(sys.argv[1]).glob("*.txt"))
with open(sys.argv[2], "w", encoding="utf-8") as out:
    for i in range(int(sys.argv[3])):
        f = files[i % len(files)]
        out.write(json.dumps({"id": f"d{i}", "text": f.read_text(encoding="utf-8")}) + "\n")
PY
}

# no_temp_files DIR WHAT: no temporary file of an -o is left in DIR.
no_temp_files() {
  local left
  left=$(find "$1" -maxdepth 1 -name '*.tmp' | head -n 3)
  [ -z "$left" ] || fail "$2: temporary file(s) left: $left"
}

# 1. An exception in a worker thread (std::bad_alloc under a memory limit,
# in the name clusterer's pool) called std::terminate: SIGABRT, status 134,
# a stale FILE.tmp. Every pool carries it back now (core/parallel.h).
case_worker_exception() {
  [ -z "${WHOSAID_SANITIZED:-}" ] || { echo "skipped: ulimit -v and sanitizers do not mix"; exit 77; }
  corpus_jsonl "$tmp/big.jsonl" 1500
  mkdir "$tmp/o"
  echo GOOD >"$tmp/o/q.jsonl"
  local kb failed=0 succeeded=0
  # (before the fix, 150000 and 210000 ended in SIGABRT: a clusterer worker's
  # bad_alloc, or a thread that could not start)
  for kb in 120000 150000 180000 210000; do
    rc=0
    bash -c "ulimit -v $kb; exec \"\$0\" \"\$@\"" "$bin" extract --threads 2 -o "$tmp/o/q.jsonl" \
      "$tmp/big.jsonl" >"$tmp/out" 2>"$tmp/err" || rc=$?
    [ "$rc" -le 2 ] || fail "--threads 2 under ulimit -v $kb: status $rc (killed by a signal)"
    no_temp_files "$tmp/o" "ulimit -v $kb"
    if [ "$rc" -eq 0 ]; then
      succeeded=1
      continue
    fi
    failed=$((failed + 1))
    [ -s "$tmp/err" ] || fail "ulimit -v $kb: status $rc without a message"
    [ "$succeeded" -eq 1 ] || [ "$(cat "$tmp/o/q.jsonl")" = GOOD ] ||
      fail "ulimit -v $kb: a failed run replaced the -o file"
  done
  [ "$failed" -gt 0 ] || fail "no memory limit made a run fail: the case tests nothing"
}

# 2. -o FILE opened the predictable FILE.tmp without O_EXCL|O_NOFOLLOW: a
# symlink planted there made whosaid overwrite the link's target.
case_output_symlink() {
  good_paragraph >"$tmp/good.txt"
  printf 'Amir Rana\n' >"$tmp/names.txt"
  mkdir "$tmp/o"
  echo precious >"$tmp/victim.txt"
  ln -s "$tmp/victim.txt" "$tmp/o/v.jsonl.tmp"
  ln -s "$tmp/victim.txt" "$tmp/o/n.jsonl.tmp"
  run extract "$tmp/good.txt" -o "$tmp/o/v.jsonl"
  expect_status 0 "$rc" "a symlink planted at FILE.tmp (extract)"
  run names "$tmp/names.txt" -o "$tmp/o/n.jsonl"
  expect_status 0 "$rc" "a symlink planted at FILE.tmp (names)"
  [ "$(cat "$tmp/victim.txt")" = precious ] || fail "the planted symlink's target was overwritten"
  [ -L "$tmp/o/v.jsonl.tmp" ] && [ -L "$tmp/o/n.jsonl.tmp" ] || fail "a planted symlink was moved"
  [ ! -L "$tmp/o/v.jsonl" ] || fail "the planted symlink became the output"
  expect_contains "$tmp/o/v.jsonl" "\"text\":\"$good_quote\"" "a symlink planted at FILE.tmp"
  expect_contains "$tmp/o/n.jsonl" '"name":"Amir Rana"' "a symlink planted at FILE.tmp (names)"
  # A symlink planted at FILE itself, in a sticky world-writable directory,
  # by another user: not followed (the kernel's protected_symlinks rule).
  if [ "$(id -u)" -eq 0 ] && command -v setpriv >/dev/null; then
    chmod 755 "$tmp"
    mkdir -m 1777 "$tmp/shared"
    setpriv --reuid=65534 --regid=65534 --clear-groups ln -s "$tmp/victim.txt" "$tmp/shared/q.jsonl"
    run extract "$tmp/good.txt" -o "$tmp/shared/q.jsonl"
    expect_status 2 "$rc" "a symlink another user planted in a shared directory"
    expect_contains "$tmp/err" "refusing to follow $tmp/shared/q.jsonl, a symlink another user owns" \
      "a symlink another user planted in a shared directory"
    [ "$(cat "$tmp/victim.txt")" = precious ] || fail "a symlink planted in /tmp-like directory was followed"
  fi
}

# 3. Two runs with the same -o (overlapping cron jobs) shared FILE.tmp: the
# result mixed both runs, with a torn line.
case_output_concurrent() {
  corpus_jsonl "$tmp/docs.jsonl" 200
  "$bin" extract --threads 1 "$tmp/docs.jsonl" >"$tmp/expected.jsonl"
  mkdir "$tmp/o"
  local round k pids
  for round in 1 2; do
    pids=()
    for k in 1 2 3; do
      "$bin" extract --threads 1 -o "$tmp/o/q.jsonl" "$tmp/docs.jsonl" 2>"$tmp/err$k" &
      pids+=($!)
    done
    for k in "${pids[@]}"; do wait "$k" || fail "round $round: a concurrent run failed"; done
    cmp -s "$tmp/expected.jsonl" "$tmp/o/q.jsonl" || fail "round $round: concurrent runs tore the -o file"
    no_temp_files "$tmp/o" "concurrent runs"
  done
}

# 4. -o naming one of the inputs replaced the article with its records.
case_output_is_input() {
  good_paragraph >"$tmp/a.txt"
  cp "$tmp/a.txt" "$tmp/a.orig"
  printf 'Amir Rana\n' >"$tmp/n.txt"
  mkdir "$tmp/d"
  good_paragraph >"$tmp/d/x.txt"
  ln -s "$tmp/a.txt" "$tmp/link.txt"
  run extract "$tmp/a.txt" -o "$tmp/a.txt"
  expect_status 2 "$rc" "-o naming the input"
  expect_contains "$tmp/err" "whosaid: -o $tmp/a.txt: is an input of this run; refusing to overwrite it" \
    "-o naming the input"
  run extract "$tmp/link.txt" -o "$tmp/a.txt"
  expect_status 2 "$rc" "-o naming the input through a symlink"
  run extract "$tmp/d" -o "$tmp/d/x.txt"
  expect_status 2 "$rc" "-o naming a document of an input directory"
  expect_contains "$tmp/err" "(read through $tmp/d)" "-o naming a document of an input directory"
  run extract -o "$tmp/a.txt" <"$tmp/a.txt"
  expect_status 2 "$rc" "-o naming the file on standard input"
  run names "$tmp/n.txt" -o "$tmp/n.txt"
  expect_status 2 "$rc" "names F -o F"
  cmp -s "$tmp/a.txt" "$tmp/a.orig" || fail "-o naming the input: the input was changed"
  [ "$(cat "$tmp/n.txt")" = "Amir Rana" ] || fail "names F -o F: the input was changed"
  expect_empty "$tmp/out" "-o naming an input"
  run extract "$tmp/a.txt" -o "$tmp/b.jsonl"
  expect_status 0 "$rc" "-o naming another file"
}

# 5. An empty rule file was accepted for 31 of 35 files: an empty frames.txt
# or cues.txt gave no quote, status 0, no message; an empty places.txt was
# reported at events/gazetteer.txt:375. Now every file either stops the run
# with an error naming it, or (an optional list) the run still works.
case_empty_rule_files() {
  good_paragraph >"$tmp/good.txt"
  printf 'Enayatullah Khowarazami\nEnayatullah Khwarzami\n' >"$tmp/names.txt"
  local f
  for f in $(cd "$WHOSAID_RULES" && find . -name '*.txt' | sed 's|^\./||' | sort); do
    break_rules "$f" ''
    : >"$tmp/rules/$f"
    run extract --rules "$tmp/rules" "$tmp/good.txt"
    if [ "$rc" -eq 2 ]; then
      expect_contains "$tmp/err" "whosaid: $tmp/rules/$f: no " "empty $f"
      expect_contains "$tmp/err" " defined (the file is empty)" "empty $f"
    else
      expect_status 0 "$rc" "empty $f (optional)"
      expect_quote "empty $f (optional)"
    fi
    if [[ "$f" == names/* ]]; then
      run names --rules "$tmp/rules" "$tmp/names.txt"
      [ "$rc" -eq 0 ] || expect_contains "$tmp/err" "whosaid: $tmp/rules/$f: no " "names: empty $f"
    fi
  done
  for f in frames.txt:frame cues.txt:cue places.txt:country; do
    break_rules "${f%%:*}" ''
    printf '# comments only\n\n' >"$tmp/rules/${f%%:*}"
    run extract --rules "$tmp/rules" "$tmp/good.txt"
    expect_status 2 "$rc" "empty ${f%%:*}"
    expect_contains "$tmp/err" "whosaid: $tmp/rules/${f%%:*}: no ${f#*:} defined (the file is empty)" \
      "empty ${f%%:*}"
  done
}

# 12. A rules file that is a FIFO or a directory was reported as missing
# (and a FIFO must not be opened: it would block).
case_rule_file_not_regular() {
  good_paragraph >"$tmp/good.txt"
  break_rules frames.txt ''
  rm "$tmp/rules/frames.txt"
  mkfifo "$tmp/rules/frames.txt"
  bounded 10 200 extract --rules "$tmp/rules" "$tmp/good.txt"
  expect_status 2 "$rc" "frames.txt a FIFO"
  expect_contains "$tmp/err" "whosaid: $tmp/rules/frames.txt: is a FIFO (named pipe), not a rule file" \
    "frames.txt a FIFO"
  rm "$tmp/rules/frames.txt"
  mkdir "$tmp/rules/frames.txt"
  run extract --rules "$tmp/rules" "$tmp/good.txt"
  expect_status 2 "$rc" "frames.txt a directory"
  expect_contains "$tmp/err" "whosaid: $tmp/rules/frames.txt: is a directory, not a rule file" \
    "frames.txt a directory"
}

# 6. `--input-format jsonl /dev/zero` and `names /dev/zero` read forever,
# printing nothing. Past the line cap the line is reported, and the input
# given up after as many bytes again.
case_endless_input() {
  [ -r /dev/zero ] || { echo "skipped: no /dev/zero"; exit 77; }
  printf '{"id":"good","text":"%s"}\n' "$(good_paragraph | sed 's/"/\\"/g')" >"$tmp/good.jsonl"
  bounded 20 300 extract --input-format jsonl /dev/zero "$tmp/good.jsonl"
  expect_status 1 "$rc" "JSON Lines from /dev/zero"
  expect_contains "$tmp/err" "whosaid: /dev/zero:1: error: line longer than" "JSON Lines from /dev/zero"
  expect_contains "$tmp/err" "the rest of the input is not read" "JSON Lines from /dev/zero"
  expect_quote "JSON Lines from /dev/zero, then a good file"
  bounded 20 300 extract --input-format jsonl - </dev/zero
  expect_status 1 "$rc" "JSON Lines on standard input from /dev/zero"
  expect_contains "$tmp/err" "whosaid: <stdin>:1: error: line longer than" "standard input from /dev/zero"
  bounded 20 100 names /dev/zero
  expect_status 1 "$rc" "names /dev/zero"
  expect_contains "$tmp/err" "whosaid: /dev/zero:1: error: line longer than 1 MiB without an end" \
    "names /dev/zero"
  bounded 20 100 names - </dev/zero
  expect_status 1 "$rc" "names - < /dev/zero"
  bounded 20 300 extract /dev/zero
  expect_status 1 "$rc" "text from /dev/zero"
}

# 7. Text made only of distinct names took about 50 times its size in
# memory (a 60 MB document under the old 64M cap: 2.8 GB). The default cap
# is now 16M (820 MB peak for 16 MB of names; scripts/bench_hostile.sh
# names): a larger document is refused at once; smaller ones stay bounded.
case_name_dense_memory() {
  "$python" - "$tmp/names.txt" $((2000000 / shrink)) <<'PY'
import random, string, sys
random.seed(11)
w = lambda: random.choice(string.ascii_uppercase) + "".join(random.choice(string.ascii_lowercase) for _ in range(random.randint(4, 8)))
parts, n = [], 0
while n < int(sys.argv[2]):
    line = " ".join(f"{w()} {w()}," for _ in range(8)) + "\n"
    parts.append(line); n += len(line)
open(sys.argv[1], "w").write("".join(parts))
PY
  good_paragraph >>"$tmp/names.txt"
  bounded 60 250 extract "$tmp/names.txt"
  expect_status 0 "$rc" "2 MB of distinct names"
  expect_quote "2 MB of distinct names"
  # Over the default cap: refused before it is read, whatever it holds.
  local i
  for i in $(seq 9); do cat "$tmp/names.txt"; done >"$tmp/big.txt"
  truncate -s 17M "$tmp/big.txt"
  bounded 5 100 extract "$tmp/big.txt"
  expect_status 1 "$rc" "17 MB of names"
  expect_contains "$tmp/err" "$tmp/big.txt: error: document larger than --max-doc-bytes (16777216 bytes); skipped" \
    "17 MB of names"
}

# 8. A lone surrogate escape ("\ud800") in a JSON Lines text rejected the
# whole record; it is U+FFFD now, with a warning, as invalid UTF-8 is.
case_lone_surrogate() {
  printf '{"id":"s1","text":"Bad \\ud800 and \\udc00 here.\\n%s"}\n' "$(good_paragraph | sed 's/"/\\"/g')" >"$tmp/s.jsonl"
  run extract "$tmp/s.jsonl"
  expect_status 0 "$rc" "a lone surrogate escape"
  expect_contains "$tmp/err" "whosaid: $tmp/s.jsonl:1: warning: byte 23 of the line: escape of a lone surrogate (2 in the line), replaced with U+FFFD" \
    "a lone surrogate escape"
  expect_quote "a lone surrogate escape"
  expect_contains "$tmp/out" '"doc":"s1"' "a lone surrogate escape"
}

# 9. A 2 MB word forced the 1 MiB window cut mid-word, and the real short
# quote after it became one 951,450-character mixed record starting at the
# cut. The rest of a cut word is now a window of its own, and no record is
# longer than max_quote_chars (rules/records.txt).
case_word_longer_than_window() {
  { head -c 2000000 /dev/zero | tr '\0' x; printf ' '; good_paragraph; } >"$tmp/word.txt"
  # a quotation left open over a paragraph of 1.5 MB
  { printf 'He said \xe2\x80\x9c'; for _ in $(seq 30000); do printf 'the talks went on for days '; done
    printf '\nTalks went on.\n'; good_paragraph interior; } >"$tmp/open.txt"
  local f
  for f in word open; do
    bounded 60 400 extract "$tmp/$f.txt"
    expect_status 0 "$rc" "$f.txt"
    expect_quote "$f.txt"
    expect_offsets "$tmp/$f.txt"
    "$python" - "$tmp/out" <<'PY' || fail "$f.txt: a record longer than 20,000 characters"
import json, sys
sys.exit(any(len(json.loads(l)["quote"]["text"]) > 20000 for l in open(sys.argv[1])))
PY
  done
  [ "$(wc -l <"$tmp/out")" -ge 1 ] || fail "no record"
  # the word's document: the real quote, whole and alone
  bounded 60 400 extract "$tmp/word.txt"
  [ "$(wc -l <"$tmp/out")" -eq 1 ] || fail "a 2 MB word: $(wc -l <"$tmp/out") records, expected the one quote"
  expect_contains "$tmp/out" '"kind":"direct"' "a 2 MB word"
}

# 10. `| head -1` gave status 0 even when a document had failed.
case_closed_pipe_after_failure() {
  set +o pipefail
  "$bin" extract "$tmp/missing.txt" "$root/corpus" 2>"$tmp/err" | head -1 >"$tmp/out"
  local status=${PIPESTATUS[0]}
  expect_status 1 "$status" "a failed document, then a closed pipe"
  expect_contains "$tmp/err" "$tmp/missing.txt: error: cannot read" "a failed document, then a closed pipe"
  { head -c 70000 /dev/zero | tr '\0' a; printf '\n'; for i in $(seq 20000); do printf 'Amir Rana %d\n' "$i"; done; } \
    >"$tmp/names.txt"
  "$bin" names "$tmp/names.txt" 2>"$tmp/err" | head -1 >"$tmp/out"
  status=${PIPESTATUS[0]}
  set -o pipefail
  expect_status 1 "$status" "names: a failed line, then a closed pipe"
  expect_contains "$tmp/err" "$tmp/names.txt:1: error: line longer than 64 KiB" "names: a failed line"
}

# 11. A stale FILE.tmp was left after SIGTERM, SIGINT or SIGHUP.
case_signal_removes_temp() {
  corpus_jsonl "$tmp/docs.jsonl" 3000
  mkdir "$tmp/o"
  "$python" - "$bin" "$tmp/docs.jsonl" "$tmp/o" <<'PY' || fail "a signal left a temporary file or the wrong status"
import glob, os, signal, subprocess, sys, time
binary, docs, out = sys.argv[1:]
def restore():  # a background job's SIGINT would be ignored: make it default
    for s in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(s, signal.SIG_DFL)
for sig in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
    p = subprocess.Popen([binary, "extract", "--threads", "1", "-o", f"{out}/q.jsonl", docs],
                         stderr=subprocess.DEVNULL, preexec_fn=restore)
    deadline = time.time() + 60
    while not glob.glob(f"{out}/q.jsonl.*.tmp") and time.time() < deadline and p.poll() is None:
        time.sleep(0.01)
    time.sleep(0.2)
    if p.poll() is not None:
        sys.exit(f"{sig.name}: the run ended before the signal; use a larger input")
    p.send_signal(sig)
    status = p.wait(timeout=60)
    left = glob.glob(f"{out}/*.tmp")
    if status != -sig or left or os.path.exists(f"{out}/q.jsonl"):
        sys.exit(f"{sig.name}: status {status}, left {left}")
PY
}

# 12. Messages and options.
case_newline_in_file_name() {
  mkdir "$tmp/a
b"
  run extract "$tmp/a
b/nope.txt"
  expect_status 1 "$rc" "a file name with a newline"
  expect_contains "$tmp/err" "whosaid: $tmp/a\\nb/nope.txt: error: cannot read" "a file name with a newline"
  [ "$(wc -l <"$tmp/err")" -eq 1 ] || fail "a newline in a file name split the message"
}

case_output_temp_is_directory() {
  good_paragraph >"$tmp/good.txt"
  mkdir -p "$tmp/o/q.jsonl.tmp"
  run extract "$tmp/good.txt" -o "$tmp/o/q.jsonl"
  expect_status 0 "$rc" "a directory named FILE.tmp"
  expect_contains "$tmp/o/q.jsonl" "\"text\":\"$good_quote\"" "a directory named FILE.tmp"
  run extract "$tmp/good.txt" -o "$tmp/none/q.jsonl"
  expect_status 2 "$rc" "-o in a missing directory"
  expect_contains "$tmp/err" "whosaid: $tmp/none/q.jsonl: cannot create a temporary file in $tmp/none/: No such file or directory" \
    "-o in a missing directory"
}

case_id_of_wrong_type() {
  printf '{"id":["x"],"text":"%s"}\n' "$(good_paragraph | sed 's/"/\\"/g')" >"$tmp/ids.jsonl"
  run extract "$tmp/ids.jsonl"
  expect_status 0 "$rc" "an id of the wrong type"
  expect_contains "$tmp/err" "whosaid: $tmp/ids.jsonl:1: warning: \"id\" is an array, not a string or an integer; named \"ids:1\"" \
    "an id of the wrong type"
  expect_quote "an id of the wrong type"
}

case_size_suffixes() {
  good_paragraph >"$tmp/good.txt"
  local s
  for s in 1k 1K 2m 2M 1g 1G 512KiB 3mib 100; do
    run extract --max-doc-bytes "$s" "$tmp/good.txt"
    expect_status 0 "$rc" "--max-doc-bytes $s"
    expect_quote "--max-doc-bytes $s"
  done
  for s in 2x 0 -1 1.5M ''; do
    run extract --max-doc-bytes "$s" "$tmp/good.txt"
    expect_status 2 "$rc" "--max-doc-bytes '$s'"
  done
  expect_contains "$tmp/err" "expected a positive number of bytes, optionally with K, M or G" "--max-doc-bytes"
}

case_empty_output_name() {
  good_paragraph >"$tmp/good.txt"
  printf 'Amir Rana\n' >"$tmp/names.txt"
  run extract -o "" "$tmp/good.txt"
  expect_status 2 "$rc" "extract -o ''"
  expect_contains "$tmp/err" "whosaid: -o: the file name is empty" "extract -o ''"
  expect_empty "$tmp/out" "extract -o ''"
  run names -o "" "$tmp/names.txt"
  expect_status 2 "$rc" "names -o ''"
  expect_empty "$tmp/out" "names -o ''"
}

case_directory_without_documents() {
  mkdir "$tmp/d"
  printf 'notes\n' >"$tmp/d/README.md"
  run extract "$tmp/d"
  expect_status 0 "$rc" "a directory with no *.txt"
  expect_contains "$tmp/err" "whosaid: $tmp/d: warning: no *.txt file found under this directory; nothing read from it" \
    "a directory with no *.txt"
  run extract --on-error skip "$tmp/d"
  expect_status 0 "$rc" "a directory with no *.txt, --on-error skip"
}

# `names --help` documented --on-error, which names refused; an unknown type
# (a line that was processed) failed the run.
case_names_options() {
  run names --help
  expect_contains "$tmp/out" "--on-error" "names --help"
  { printf 'Amir Rana\tperson\nAmir Khan\tfish\n'; head -c 70000 /dev/zero | tr '\0' a; printf '\nJohn Roe\n'; } \
    >"$tmp/names.tsv"
  run names "$tmp/names.tsv"
  expect_status 1 "$rc" "names --on-error warn"
  expect_contains "$tmp/err" "$tmp/names.tsv:2: warning: unknown type 'fish' (expected person or org); guessed" \
    "names: an unknown type"
  expect_contains "$tmp/err" "$tmp/names.tsv:3: error: line longer than 64 KiB" "names --on-error warn"
  [ "$(wc -l <"$tmp/out")" -eq 4 ] || fail "names: one output line per input line"
  run names --on-error skip "$tmp/names.tsv"
  expect_status 0 "$rc" "names --on-error skip"
  expect_contains "$tmp/err" "1 input(s) skipped because of errors (--on-error skip)" "names --on-error skip"
  run names --on-error fail "$tmp/names.tsv"
  expect_status 1 "$rc" "names --on-error fail"
  expect_contains "$tmp/err" "stopped at the first error (--on-error fail)" "names --on-error fail"
  expect_empty "$tmp/out" "names --on-error fail"
  printf 'Amir Rana\tfish\n' >"$tmp/one.tsv"
  run names "$tmp/one.tsv"
  expect_status 0 "$rc" "names: an unknown type is a warning"
}

[ $# -eq 1 ] || { echo "usage: $0 CASE" >&2; exit 2; }
declare -F "case_$1" >/dev/null || { echo "unknown case: $1" >&2; exit 2; }
cd "$tmp"
"case_$1"
echo "ok: $1"
