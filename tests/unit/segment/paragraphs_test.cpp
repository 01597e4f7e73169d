#include "segment/paragraphs.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace whosaid::segment {
namespace {

std::vector<std::pair<std::size_t, std::size_t>> Spans(std::string_view text) {
  std::vector<std::pair<std::size_t, std::size_t>> out;
  for (const Paragraph& p : SplitParagraphs(text)) out.emplace_back(p.span.begin, p.span.end);
  return out;
}

// SplitParagraphs passes plain ASCII sixteen bytes at a time (FirstStop):
// breaks at every offset of a step, and the multi-byte breaks, are still found.
TEST_CASE("SplitParagraphs finds breaks inside and after long plain runs") {
  struct Row {
    std::string text;
    std::vector<std::pair<std::size_t, std::size_t>> spans;
  };
  const std::string long_line(21, 'x');  // 21: two eight-byte steps and a tail
  const Row rows[] = {
      {"A b.\n\n  C d.\n", {{0, 4}, {8, 12}}},
      {long_line + "\n" + long_line, {{0, 21}, {22, 43}}},
      {long_line + "\r\n" + long_line + "  ", {{0, 21}, {23, 44}}},
      {"abcdefg\nhij", {{0, 7}, {8, 11}}},
      {"abcdefgh\nij", {{0, 8}, {9, 11}}},
      {long_line + "\xe2\x80\xa8" + long_line, {{0, 21}, {24, 45}}},  // U+2028
      {long_line + "\xc2\x85" + "yy", {{0, 21}, {23, 25}}},           // U+0085
      {long_line + "\xe2\x80\x94" + "yyyyyyyyyy", {{0, 34}}},         // an em dash: no break
      {"  \xc2\xa0" + long_line + " \n", {{4, 25}}},                  // no-break space trimmed
  };
  for (const Row& r : rows) {
    CAPTURE(r.text);
    CHECK(Spans(r.text) == r.spans);
  }
}

TEST_CASE("SplitParagraphs finds a break at every offset of the sixteen-byte steps") {
  for (std::size_t at = 1; at <= 40; ++at) {
    for (const std::string brk : {"\n", "\r", "\xe2\x80\xa9", "\xc2\x85"}) {
      const std::string text = std::string(at, 'x') + brk + std::string(20, 'y');
      CAPTURE(at);
      CAPTURE(brk.size());
      const std::vector<std::pair<std::size_t, std::size_t>> want{
          {0, at}, {at + brk.size(), at + brk.size() + 20}};
      CHECK(Spans(text) == want);
    }
  }
}

}  // namespace
}  // namespace whosaid::segment
