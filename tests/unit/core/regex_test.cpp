// Tests for core/regex.h: matching stays on character boundaries.
#include "core/regex.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace whosaid {

TEST_SUITE("core") {
  TEST_CASE("regex: empty matches step over whole characters, never into one") {
    struct Row {
      std::string pattern, subject;
      std::vector<std::size_t> begins;  // where each match starts
    };
    const std::vector<Row> rows = {
        {"x*", "ab", {0, 1, 2}},
        // é is two bytes, 一 three: an empty match before each character
        {"x*",
         "\xC3\xA9"
         "a\xE4\xB8\x80",
         {0, 2, 3, 6}},
        {"(?=a)|b",
         "\xC3\xA9"
         "ab",
         {2, 3}},
    };
    for (const Row& row : rows) {
      CAPTURE(row.pattern);
      Regex re(row.pattern, "test");
      std::vector<std::size_t> begins;
      for (const auto& m : re.FindAll(row.subject)) begins.push_back(m.groups[0].begin);
      CHECK(begins == row.begins);
    }
  }

  TEST_CASE("regex: a runaway pattern hits the match limit and finds nothing, quickly") {
    // Catastrophic backtracking: (a+)+$ on a's followed by b.
    Regex re("(a+)+$", "test");
    CHECK(re.FindAll(std::string(40, 'a') + "b").empty());
  }
}

}  // namespace whosaid
