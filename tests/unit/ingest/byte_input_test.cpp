// Tests for ingest/byte_input.h: BufferedInput::ReadLine with its two
// limits — a line too long is dropped, a line without an end stops the input.
#include "ingest/byte_input.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace whosaid::ingest {
namespace {

// Every ReadLine until kEnd, as "ok:TEXT", "long", "endless", with at most
// `calls` calls.
std::string Lines(const std::string& input, std::size_t max_bytes, std::size_t max_skip) {
  BufferedInput in(std::make_unique<StringInput>(input));
  std::string line, out;
  for (int calls = 0; calls < 20; ++calls) {
    BufferedInput::Line r = in.ReadLine(line, max_bytes, max_skip);
    if (r == BufferedInput::Line::kEnd) return out;
    if (!out.empty()) out += " ";
    if (r == BufferedInput::Line::kOk) out += "ok:" + line;
    if (r == BufferedInput::Line::kTooLong) out += "long" + line;  // (line stays empty)
    if (r == BufferedInput::Line::kEndless) out += "endless" + line;
  }
  return out + " …";
}

}  // namespace

TEST_SUITE("ingest.bytes") {
  // Regression (issue 10): `--input-format jsonl /dev/zero` and `names
  // /dev/zero` read forever: a line too long was skipped to its end, and
  // /dev/zero has none.
  TEST_CASE("ReadLine: lines, a line too long, a line without an end") {
    const std::string block(200 * 1024, 'x');  // longer than the 64 KiB read blocks
    struct Row {
      std::string name, input;
      std::size_t max_bytes, max_skip;
      std::string expected;
    };
    const std::vector<Row> rows = {
        {"lines", "a\nbb\n\nc", 4, 4, "ok:a ok:bb ok: ok:c"},
        {"empty input", "", 4, 4, ""},
        {"at the limit", "abcd\nx\n", 4, 0, "ok:abcd ok:x"},
        {"too long, its end within the skip", "abcdef\nx\n", 4, 2, "long ok:x"},
        {"too long up to the end of the input", "abcdef", 4, 2, "long"},
        {"a long block, skipped", block + "\nx\n", 1024, 300 * 1024, "long ok:x"},
        // (the skip is counted in the 64 KiB blocks read)
        {"no end within the skip: nothing after it is read", block + block + "\nx\n", 1024,
         64 * 1024, "endless"},
    };
    for (const Row& row : rows) {
      CAPTURE(row.name);
      CHECK(Lines(row.input, row.max_bytes, row.max_skip) == row.expected);
    }
  }
}

}  // namespace whosaid::ingest
