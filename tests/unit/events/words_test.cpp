#include "events/words.h"

#include <doctest/doctest.h>

#include "events_fixture.h"

namespace whosaid {
namespace {

TEST_SUITE("events words") {
  TEST_CASE(
      "WordFilter: every word added passes; a word that differs in length, first or last "
      "byte is turned away") {
    events::WordFilter f;
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
    CHECK_FALSE(events::WordFilter{}.MayHold("attack"));
  }

  TEST_CASE("WordFilter::FirstWords holds the first word of every phrase") {
    events::PhraseIndex<int> index;
    index.Add({"air", "strikes"}, 1);
    index.Add({"attack"}, 2);
    const events::WordFilter f = events::WordFilter::FirstWords(index);
    CHECK(f.MayHold("air"));
    CHECK(f.MayHold("attack"));
    CHECK_FALSE(f.MayHold("strikes"));
  }

  TEST_CASE("the lexicon's look-ups behind their filters: starts, triggers, context") {
    const events::Words w = testing::WordsOf("Air strikes hit the border town, he said.");
    const events::EventLexicon& lex = testing::Lexicon();
    CHECK(lex.StartsTrigger("air"));
    CHECK_FALSE(lex.StartsTrigger("strikes-x"));
    CHECK(lex.Trigger(w.words, 0, w.size()).first == 2);                       // air strikes
    CHECK(lex.Trigger(w.words, 2, w.size()).second == nullptr);                // hit
    CHECK((lex.Context(w.words, 4, w.size()).second & events::kBorder) != 0);  // border
    CHECK(lex.Context(w.words, 0, 0).first == 0);                              // an empty range
  }
}

}  // namespace
}  // namespace whosaid
