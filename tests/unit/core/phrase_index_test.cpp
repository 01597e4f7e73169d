// Tests for core/phrase_index.h: Longest gives the longest phrase that fits
// (equal lengths: the first added), Before the longest that ends right before
// a word, Exact the value of exactly these words; a brute-force reference
// agrees with Longest at every position of a text.
#include "core/phrase_index.h"

#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

namespace whosaid {
namespace {

using Index = rules::PhraseIndex<int>;

// The sequence's k-th word.
struct At {
  const std::vector<std::string>& w;
  std::string_view operator()(std::size_t k) const { return w[k]; }
};

std::vector<std::string> Split(std::string_view text) {
  std::vector<std::string> out;
  std::size_t b = 0;
  while (b < text.size()) {
    std::size_t e = text.find(' ', b);
    if (e == std::string_view::npos) e = text.size();
    if (e > b) out.emplace_back(text.substr(b, e - b));
    b = e + 1;
  }
  return out;
}

// An index of "in …" phrases and others, values 1, 2, … in the order added.
Index Sample(std::vector<std::vector<std::string>>* phrases = nullptr) {
  const char* lines[] = {"in the wake of",
                         "in the",
                         "in response to",
                         "in a statement",
                         "in",
                         "on monday",
                         "on",
                         "according to",
                         "in the wake",
                         "in addition",
                         "the",
                         "the white house",
                         "in response",
                         "in the end"};
  Index idx;
  int v = 0;
  for (const char* line : lines) {
    idx.Add(Split(line), ++v);
    if (phrases) phrases->push_back(Split(line));
  }
  return idx;
}

// The first phrase added among the longest that match at i and end by `end`.
std::pair<std::size_t, int> Reference(const std::vector<std::vector<std::string>>& phrases,
                                      const std::vector<std::string>& w, std::size_t i,
                                      std::size_t end) {
  std::pair<std::size_t, int> best{0, 0};
  for (std::size_t p = 0; p < phrases.size(); ++p) {
    const auto& ph = phrases[p];
    if (i + ph.size() > end || ph.size() <= best.first) continue;
    bool ok = true;
    for (std::size_t k = 0; ok && k < ph.size(); ++k) ok = w[i + k] == ph[k];
    if (ok) best = {ph.size(), static_cast<int>(p + 1)};
  }
  return best;
}

TEST_SUITE("core phrase index") {
  TEST_CASE(
      "PhraseIndex::Longest: the longest phrase that fits; a shorter one when the end cuts it") {
    const Index idx = Sample();
    struct Row {
      const char* text;
      std::size_t i, end;
      std::size_t length;
      int value;
    } rows[] = {
        {"in the wake of the storm", 0, 6, 4, 1},
        {"in the wake of the storm", 0, 3, 3, 9},
        {"in the wake of the storm", 0, 2, 2, 2},
        {"in the wake of the storm", 0, 1, 1, 5},
        {"in the wake of the storm", 4, 6, 1, 11},
        {"in the white house", 0, 4, 2, 2},
        {"in the white house", 1, 4, 3, 12},
        {"in response to it", 0, 4, 3, 3},
        {"in response it", 0, 3, 2, 13},
        {"in storm", 0, 2, 1, 5},
        {"on monday", 0, 2, 2, 6},
        {"on tuesday", 0, 2, 1, 7},
        {"according", 0, 1, 0, 0},
        {"storm in", 0, 2, 0, 0},
        {"in the", 2, 2, 0, 0},
        {"in the end", 0, 3, 3, 14},
    };
    for (const Row& r : rows) {
      CAPTURE(r.text);
      CAPTURE(r.i);
      CAPTURE(r.end);
      const auto w = Split(r.text);
      const auto hit = idx.Longest(r.i, r.end, At{w});
      CHECK(hit.length == r.length);
      CHECK((hit.value ? *hit.value : 0) == r.value);
    }
  }

  TEST_CASE("PhraseIndex::Longest agrees with a brute-force search at every position and end") {
    std::vector<std::vector<std::string>> phrases;
    const Index idx = Sample(&phrases);
    const auto w = Split(
        "in the wake of the white house statement in a statement on monday in response to in "
        "addition "
        "according to the end in the end in on the in response the white house in the wake");
    for (std::size_t i = 0; i < w.size(); ++i) {
      for (std::size_t end = i; end <= w.size() && end <= i + 5; ++end) {
        CAPTURE(i);
        CAPTURE(end);
        const auto hit = idx.Longest(i, end, At{w});
        const auto ref = Reference(phrases, w, i, end);
        CHECK(hit.length == ref.first);
        CHECK((hit.value ? *hit.value : 0) == ref.second);
      }
    }
  }

  TEST_CASE("PhraseIndex::Before and Exact") {
    Index idx = Sample();
    const auto w = Split("said in the wake of it");
    const auto before = idx.Before(0, 4, 4, At{w});  // ends before 'of'
    CHECK(before.length == 3);
    CHECK((before.value ? *before.value : 0) == 9);
    int* v = idx.Exact(Split("in response"));
    REQUIRE(v != nullptr);
    CHECK(*v == 13);
    *v = 40;
    const auto w2 = Split("in response");
    CHECK(*idx.Longest(0, 2, At{w2}).value == 40);
    CHECK(idx.Exact(Split("in response to it")) == nullptr);
    CHECK(idx.StartsWith("according"));
    CHECK_FALSE(idx.StartsWith("wake"));
  }
}

}  // namespace
}  // namespace whosaid
