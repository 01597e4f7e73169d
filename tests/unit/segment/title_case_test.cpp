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

  TEST_CASE("NeverTitleCase: no count it rules out is title case, and it rules out all it may") {
    const TitleCaseConfig configs[] = {{}, {3, 80}, {4, 70}, {4, 0}, {4, 100}, {4, 120}, {0, 50}};
    for (const TitleCaseConfig& config : configs) {
      for (std::size_t max_caps = 0; max_caps <= 12; ++max_caps) {
        for (std::size_t lower = 0; lower <= 12; ++lower) {
          CAPTURE(config.min_words);
          CAPTURE(config.caps_percent);
          CAPTURE(max_caps);
          CAPTURE(lower);
          const bool never = NeverTitleCase(max_caps, lower, config);
          // sound: every count it covers reads as no headline
          for (std::size_t caps = 0; never && caps <= max_caps; ++caps) {
            for (std::size_t more = lower; more <= lower + 30; ++more)
              CHECK_FALSE(IsTitleCase(caps + more, caps, config));
          }
          // tight: otherwise the most capitalised count has the share
          if (!never && config.caps_percent <= 100)
            CHECK(max_caps * 100 >= (max_caps + lower) * config.caps_percent);
        }
      }
    }
    CHECK(NeverTitleCase(4, 2, {}));        // 4 of 6 at most: 67% < 80%
    CHECK_FALSE(NeverTitleCase(4, 1, {}));  // 4 of 5 may be
  }
}

}  // namespace
}  // namespace whosaid::segment
