// whosaid::segment::IsTitleCase — the one test for a headline written in
// title case ("Minister Vows To Rebuild The Bridge"): enough words, and
// enough of them starting with a capital. Which words count (every word,
// or only those that are not function words) and over what span (a
// paragraph, a sentence) is the caller's; how many and what share is its
// config's (TitleCaseConfig, one per stage that asks).
//
// Example
//   segment::TitleCaseConfig headline;  // 4 words, 80% capitalised
//   bool title = segment::IsTitleCase(words, capitalised, headline);
#pragma once

#include <cstddef>

namespace whosaid::segment {

struct TitleCaseConfig {
  std::size_t min_words = 4;      // fewer words are never a headline
  std::size_t caps_percent = 80;  // at least this share of them capitalised
};

// `words` words of which `caps` are capitalised read as title case.
inline bool IsTitleCase(std::size_t words, std::size_t caps, const TitleCaseConfig& config) {
  return words >= config.min_words && caps * 100 >= words * config.caps_percent;
}

// IsTitleCase is false for every count with at most `max_caps` capitalised
// words and at least `lower` others: a caller counting the lower-case words
// first (the names' counts are cheap, the function-word test not) may stop
// as soon as this holds. Never true when caps_percent is over 100.
inline bool NeverTitleCase(std::size_t max_caps, std::size_t lower, const TitleCaseConfig& config) {
  return config.caps_percent <= 100 &&
         max_caps * (100 - config.caps_percent) < lower * config.caps_percent;
}

}  // namespace whosaid::segment
