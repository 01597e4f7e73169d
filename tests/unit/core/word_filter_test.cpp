// Tests for core/word_filter.h: every word added passes; a word that differs
// in length, first or last byte is turned away; FirstWords holds the first
// word of every phrase of an index.
#include "core/word_filter.h"

#include <doctest/doctest.h>

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
    }
    CHECK_FALSE(WordFilter{}.MayHold("attack"));
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
