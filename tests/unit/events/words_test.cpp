#include "events/words.h"

#include <doctest/doctest.h>

#include "events_fixture.h"

namespace whosaid {
namespace {

TEST_SUITE("events words") {
  TEST_CASE("ReadWords: each token's span, text, lower case, kind, case, sentence, paragraph") {
    const std::string text =
        "Turkish DRONES hit Afrin\u2019s edge. \u00c9lodie said: \u201cNo.\u201d\n"
        "Second paragraph, 6,000 people \u2014 U.S. aid.";
    const segment::Tokens tokens = testing::TokensOf(text);
    const events::Words w = events::ReadWords(text, tokens);
    REQUIRE(w.size() == tokens.tokens.size());
    REQUIRE(w.sentences.size() == tokens.sentences.size());
    CHECK(w.size() > 10);
    for (std::size_t i = 0; i < w.size(); ++i) {
      CAPTURE(i);
      const segment::Token& t = tokens.tokens[i];
      CHECK(w[i].span == t.span);
      CHECK(w[i].text == text.substr(t.span.begin, t.span.size()));
      CHECK(w[i].lower == tokens.Lowered(i));
      CHECK(w[i].lower.data() != tokens.Lowered(i).data());  // (its own copy)
      CHECK(w[i].kind == t.kind);
      CHECK(w[i].cap == t.cap);
      CHECK(w[i].all_caps == t.all_caps);
      CHECK(w[i].sentence == t.sentence);
      CHECK(w[i].paragraph == t.paragraph);
      CHECK(w[i].key == WordFilter::KeyOf(w[i].lower));  // (the filters' key, made once)
    }
  }

  TEST_CASE("ReadWords on a thread's reused storage: the same words, no answer remembered") {
    // (a Words gives its storage to the thread's next ReadWords: each row is
    // read after the one before was let go, longer and shorter in turn, and
    // compared with a read while another Words holds the storage)
    const std::string texts[] = {
        "Air strikes hit the border town, he said. In the wake of border areas attacks.",
        "Short one.",
        "\u00c9lodie said: \u201cNo.\u201d\nSecond paragraph, 6,000 people \u2014 U.S. aid, in "
        "the wake of the border areas attacks, in the town; air strikes again.",
        "",
        "Air strikes.",
    };
    const events::EventLexicon& lex = testing::Lexicon();
    for (const std::string& text : texts) {
      CAPTURE(text);
      const segment::Tokens tokens = testing::TokensOf(text);
      {
        const events::Words first = events::ReadWords(text, tokens);
        // every word's context asked, so a memo left over would show below
        for (std::size_t i = 0; i < first.size(); ++i) lex.Context(first.words, i, first.size());
      }
      const events::Words reused = events::ReadWords(text, tokens);
      const events::Words fresh = events::ReadWords(text, tokens);  // (the spare is in `reused`)
      REQUIRE(reused.size() == tokens.tokens.size());
      REQUIRE(fresh.size() == reused.size());
      CHECK(reused.sentences.size() == tokens.sentences.size());
      for (std::size_t i = 0; i < reused.size(); ++i) {
        CAPTURE(i);
        CHECK(reused[i].span == fresh[i].span);
        CHECK(reused[i].text == fresh[i].text);
        CHECK(reused[i].lower == tokens.Lowered(i));
        CHECK(reused[i].kind == fresh[i].kind);
        CHECK(reused[i].cap == fresh[i].cap);
        CHECK(reused[i].sentence == fresh[i].sentence);
        CHECK(reused[i].paragraph == fresh[i].paragraph);
        CHECK(reused[i].context.lexicon == 0);
      }
    }
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

  TEST_CASE(
      "EventLexicon::Context remembers a word's answer and still honours a shorter end, in any "
      "order of asking") {
    const events::EventLexicon& lex = testing::Lexicon();
    const events::Words w = testing::WordsOf("In the wake of border areas attacks, in the town.");
    // Asked in this order, on one Words: a long answer first, then ends that cut it short.
    struct Row {
      std::size_t i, end, length;
      std::uint32_t cls;  // a class the answer has (0: none expected)
    } rows[] = {
        {0, 4, 4, events::kBackground},     // in the wake of
        {0, 3, 1, events::kLocative},       // in (the wake of cut off)
        {0, 1, 1, events::kPlaceLike},      // in
        {0, 4, 4, events::kBackground},     // remembered
        {4, w.size(), 2, events::kBorder},  // border areas
        {4, 5, 1, events::kRegion},         // border alone
        {4, 6, 2, events::kBorder},
        {6, w.size(), 0, 0},           // attacks: no phrase
        {8, 9, 1, events::kLocative},  // in (before "the town")
        {8, 8, 0, 0},                  // an empty range
    };
    for (const Row& r : rows) {
      CAPTURE(r.i);
      CAPTURE(r.end);
      auto [n, bits] = lex.Context(w.words, r.i, r.end);
      CHECK(n == r.length);
      if (r.cls) CHECK((bits & r.cls) != 0);
      if (!r.cls) CHECK(bits == 0u);
    }
    const std::uint64_t asker = w[0].context.lexicon;
    CHECK(asker != 0);
    const std::vector<events::Word> copy(w.words.begin() + 4, w.words.end());
    CHECK(copy[0].context.lexicon == 0);  // a copied word forgets the answer
    CHECK(lex.Context(copy, 0, 1).first == 1);
    // another lexicon never takes this one's answer: it asks again and keeps its own
    const events::EventLexicon other(testing::Rules());
    CHECK(other.Context(w.words, 0, 3).first == 1);  // in (the wake of cut off)
    CHECK(w[0].context.lexicon != asker);
    CHECK(w[0].context.lexicon != 0);
    CHECK(lex.Context(w.words, 0, w.size()).first == 4);
    CHECK(w[0].context.lexicon == asker);
  }
}

}  // namespace
}  // namespace whosaid
