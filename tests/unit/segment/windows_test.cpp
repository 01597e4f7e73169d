// Tests for segment/windows.h: where a long text is cut.
#include "segment/windows.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace whosaid::segment {
namespace {

// The windows as their texts, joined by "|".
std::string Cut(const std::string& text, std::size_t max_bytes) {
  std::string out;
  std::size_t expected_begin = 0;
  for (Span w : SplitWindows(text, max_bytes)) {
    CHECK(w.begin == expected_begin);  // contiguous, no gap
    CHECK(w.size() <= std::max<std::size_t>(max_bytes, 8));
    expected_begin = w.end;
    if (!out.empty()) out += "|";
    out += text.substr(w.begin, w.size());
  }
  CHECK(expected_begin == text.size());  // covers the text
  return out;
}

}  // namespace

TEST_SUITE("segment") {
  TEST_CASE("windows: short texts are one window; long ones are cut at lines, sentences, blanks") {
    struct Row {
      std::string name, text;
      std::size_t max;
      std::string expected;
    };
    const std::vector<Row> rows = {
        {"fits", "A b.\nC d.\n", 64, "A b.\nC d.\n"},
        {"empty", "", 8, ""},
        {"after a line break", "Aaa bbb.\nCcc ddd.\n", 12, "Aaa bbb.\n|Ccc ddd.\n"},
        {"after a sentence end", "Aaa bbb. Ccc ddd. Eee fff.", 20, "Aaa bbb. Ccc ddd. |Eee fff."},
        {"after a blank", "aaaa bbbb cccc dddd", 12, "aaaa bbbb |cccc dddd"},
        {"no blank: on a character boundary", "\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9", 9,
         "\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9|\xC3\xA9"},
        {"a line break in the first half does not make a tiny window", "a\nbbbbbbbbbbbbbbbbbb", 16,
         "a\nbbbbbbbbbbbbbb|bbbb"},
        // regression (issue 10): a word longer than a window was cut and its
        // rest read with the quotation after it as one bogus quote; the rest
        // of the word is now a window of its own
        {"the rest of a cut word is a window of its own", "xxxxxxxxxxxxxxxxxxxx \"Aa b,\" he said.",
         16, "xxxxxxxxxxxxxxxx|xxxx |\"Aa b,\" he said."},
        {"the rest of a cut word with no blank within a window", std::string(40, 'x'), 16,
         std::string(16, 'x') + "|" + std::string(16, 'x') + "|" + std::string(8, 'x')},
    };
    for (const Row& row : rows) {
      CAPTURE(row.name);
      CHECK(Cut(row.text, row.max) == row.expected);
    }
  }
}

}  // namespace whosaid::segment
