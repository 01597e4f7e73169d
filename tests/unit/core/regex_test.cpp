// Tests for core/regex.h: matching stays on character boundaries; MayMatch.
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

  TEST_CASE("regex: MayMatch says no only where PCRE2 finds no match") {
    struct Row {
      std::string pattern, subject;
      bool may;  // MayMatch's answer; when false, FindAll finds nothing
    };
    const std::vector<Row> rows = {
        {"q", "kasim", false},                       // first unit absent
        {"q", "qasim", true},                        //
        {"[iy]j$", "rajab", false},                  // no i or y: the first-unit set
        {"gu(?=[aeiy])", "gamal", false},            // g, but no u: a required unit
        {"(?<=[iy])j$", "hadi", false},              // a lookbehind takes nothing: j first
        {"(.)\\1+", "aa", true},                     // no first unit known
        {"(?i)q", "Qasim", true},                    // inline option: never says no
        {"(?<=ai)e$", "maie", true},                 //
        {"\\b[ae]l (?=[a-z]{2})", "bin ali", true},  //
    };
    for (const Row& row : rows) {
      CAPTURE(row.pattern);
      CAPTURE(row.subject);
      Regex re(row.pattern, "test");
      CHECK(re.MayMatch(row.subject) == row.may);
      if (!row.may) CHECK(re.FindAll(row.subject).empty());
    }
  }

  TEST_CASE("regex: a runaway pattern hits the match limit and finds nothing, quickly") {
    // Catastrophic backtracking: (a+)+$ on a's followed by b.
    Regex re("(a+)+$", "test");
    CHECK(re.FindAll(std::string(40, 'a') + "b").empty());
  }
}

}  // namespace whosaid
