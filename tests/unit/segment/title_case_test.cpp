// Tests for segment/title_case.h: the one headline test, at each stage's setting.
#include "segment/title_case.h"

#include <doctest/doctest.h>

namespace whosaid::segment {
namespace {

TEST_SUITE("segment.title_case") {
  TEST_CASE("enough words, enough of them capitalised") {
    struct Row {
      std::size_t words, caps;
      TitleCaseConfig config;
      bool expected;
    } rows[] = {
        {5, 4, {}, true},         // 80% of five: "Mayor Plans New Park for Town"
        {5, 3, {}, false},        // 60%
        {3, 3, {}, false},        // too short however capitalised
        {10, 7, {4, 70}, true},   // seven in ten at a 70% setting
        {10, 7, {4, 80}, false},  // … but not at 80%
        {3, 3, {3, 80}, true},    // a shorter minimum
        {0, 0, {0, 80}, true},    // nothing to count: 0 >= 0
    };
    for (const Row& r : rows) {
      CAPTURE(r.words);
      CAPTURE(r.caps);
      CHECK(IsTitleCase(r.words, r.caps, r.config) == r.expected);
    }
  }
}

}  // namespace
}  // namespace whosaid::segment
