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

# Sanitizer builds run several times slower and use more memory.
if [ -n "${WHOSAID_SANITIZED:-}" ]; then slow=8; else slow=1; fi

# run ARGS... : runs whosaid; stdout → $tmp/out, stderr → $tmp/err, status → $rc.
run() {
  rc=0
  "$bin" "$@" >"$tmp/out" 2>"$tmp/err" || rc=$?
}

# bounded SECONDS MEGABYTES ARGS... : run, failing when it takes longer than
# SECONDS (× 8 under sanitizers) or, outside sanitizer builds and where
# /usr/bin/time exists, more than MEGABYTES of peak memory.
bounded() {
  local seconds=$(($1 * slow)) megabytes=$2
  shift 2
  rc=0
  if [ -x /usr/bin/time ] && [ "$slow" -eq 1 ]; then
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
  expect_contains "$tmp/err" "$tmp/a_huge.txt: error: document larger than --max-doc-bytes (67108864 bytes); skipped" \
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
  # Not UTF-8.
  break_rules roles.txt '1s/^/\xff/'
  run extract --rules "$tmp/rules" "$tmp/good.txt"
  expect_status 2 "$rc" "rule file not UTF-8"
  expect_contains "$tmp/err" "whosaid: $tmp/rules/roles.txt: byte 0: not valid UTF-8" "rule file not UTF-8"
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

[ $# -eq 1 ] || { echo "usage: $0 CASE" >&2; exit 2; }
declare -F "case_$1" >/dev/null || { echo "unknown case: $1" >&2; exit 2; }
cd "$tmp"
"case_$1"
echo "ok: $1"
