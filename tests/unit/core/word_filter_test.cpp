// Tests for core/word_filter.h: every word added passes; a word that differs
// in length, first or last byte is turned away; FirstWords holds the first
// word of every phrase of an index.
#include "core/word_filter.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/phrase_index.h"

namespace whosaid {
namespace {

TEST_SUITE("core word filter") {
  TEST_CASE(
      "WordFilter: every word added passes; a word that differs in length, first or last "
      "byte is turned away") {
    WordFilter f;
    for (const char* w : {"attack", "air", "the", "a", "élection", "’"}) f.Add(w);
    struct Row {
      const char* word;
      bool expected;
    } rows[] = {{"attack", true},   {"air", true}, {"the", true},      {"a", true},
                {"élection", true}, {"’", true},   {"attacks", false}, {"btack", false},
                {"attacc", false},  {"ai", false}, {"b", false},       {"election", false},
                {"", false},        {"tha", false}};
    for (const Row& r : rows) {
      CAPTURE(r.word);
      CHECK(f.MayHold(r.word) == r.expected);
      CHECK(f.MayHoldKey(WordFilter::KeyOf(r.word)) == r.expected);  // (the key made once)
    }
    CHECK_FALSE(WordFilter{}.MayHold("attack"));
  }

  TEST_CASE("WordFilter::MayHoldKey(KeyOf(w)) answers as MayHold(w) on generated words") {
    WordFilter f;
    std::vector<std::string> words;
    for (std::size_t n = 0; n < 3000; ++n) {  // lengths 0-12, bytes over the whole range
      std::string w(n % 13, ' ');
      for (std::size_t k = 0; k < w.size(); ++k) w[k] = static_cast<char>((n * 131 + k * 29) % 256);
      if (n % 7 == 0) f.Add(w);
      words.push_back(std::move(w));
    }
    for (const std::string& w : words) {
      CAPTURE(w);
      CHECK(f.MayHoldKey(WordFilter::KeyOf(w)) == f.MayHold(w));
    }
  }

  TEST_CASE("WordFilter::FirstWords holds the first word of every phrase") {
    rules::PhraseIndex<int> index;
    index.Add({"air", "strikes"}, 1);
    index.Add({"attack"}, 2);
    const WordFilter f = WordFilter::FirstWords(index);
    CHECK(f.MayHold("air"));
    CHECK(f.MayHold("attack"));
    CHECK_FALSE(f.MayHold("strikes"));
  }
}

}  // namespace
}  // namespace whosaid
