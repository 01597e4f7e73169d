// Tests for claims/terms.h: the content terms of a statement (the examples
// of rules/claims/words.txt) and the spelling keys of the wording diff.
#include "claims/terms.h"

#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

#include "../support/rules_fixture.h"

namespace whosaid::claims {
namespace {

const TermLexicon& Lexicon() {
  static const TermLexicon lexicon(TermConfig{}, testing::Rules());
  return lexicon;
}

std::string Show(const std::vector<Term>& terms) {
  std::string out;
  for (const Term& t : terms) out += (out.empty() ? "" : " ") + t.key + (t.proper ? "*" : "");
  return out;
}

TEST_SUITE("claims.terms") {
  TEST_CASE("the examples of rules/claims/words.txt") {
    const auto examples = testing::Examples("claims/words.txt");
    REQUIRE(examples.size() >= 4);
    for (const auto& ex : examples) {
      CAPTURE(ex.line);
      CHECK(Show(Lexicon().Terms(ex.input)) == ex.expected);
    }
  }

  TEST_CASE("ForEachTerm gives the terms of the examples, the memo's keys read twice too") {
    const auto examples = testing::Examples("claims/words.txt");
    REQUIRE(examples.size() >= 4);
    for (const auto& ex : examples) {
      CAPTURE(ex.line);
      std::vector<Term> seen;
      Lexicon().ForEachTerm(ex.input, [&](std::string_view key, bool proper) {
        seen.push_back({std::string(key), proper});
      });
      CHECK(Show(seen) == ex.expected);
      // The same words again: every key now comes from the thread's memo.
      std::string keys, twice;
      for (const Term& t : seen) keys += t.key + " ";
      Lexicon().ForEachTerm(ex.input + "\n" + ex.input,
                            [&](std::string_view key, bool) { twice.append(key).append(" "); });
      CHECK(twice == keys + keys);
    }
  }

  TEST_CASE("indirect speech shifts do not change the terms") {
    struct Row {
      std::string direct, indirect;
    } rows[] = {
        {"We will rebuild the bridge at Tarsk", "they would rebuild the bridge at Tarsk"},
        {"I have never met him", "he had never met him"},
        {"Our neighbours are safe", "their neighbors were safe"},
    };
    for (const Row& r : rows) {
      CAPTURE(r.direct);
      std::vector<std::string> a, b;
      for (const Term& t : Lexicon().Terms(r.direct)) a.push_back(t.key);
      for (const Term& t : Lexicon().Terms(r.indirect)) b.push_back(t.key);
      CHECK(a == b);
    }
  }

  TEST_CASE("spelling keys: case, apostrophes and British spellings") {
    struct Row {
      std::string a, b;
      bool same;
    } rows[] = {
        {"Defence", "defense", true},     {"labour", "labor", true}, {"won’t", "won't", true},
        {"organised", "organized", true}, {"go", "remain", false},   {"four", "for", false},
        {"won’t", "will not", true},      {"we're", "we are", true}, {"isn't", "is not", true},
        {"can't", "will not", false},
    };
    for (const Row& r : rows) {
      CAPTURE(r.a);
      std::vector<std::string> a, b;
      for (const SpelledWord& w : Lexicon().Words(r.a)) a.push_back(w.key);
      for (const SpelledWord& w : Lexicon().Words(r.b)) b.push_back(w.key);
      CHECK((a == b) == r.same);
    }
  }

  TEST_CASE("ScanWords: spans, joiners, sentence starts") {
    auto words = ScanWords("“Tarsk’s 1,500 men,” she said. Then: war-torn", false);
    std::vector<std::string> lower;
    for (const RawWord& w : words) lower.push_back(w.lower);
    CHECK(lower ==
          std::vector<std::string>{"tarsk's", "1,500", "men", "she", "said", "then", "war-torn"});
    CHECK(words[0].sentence_start);
    CHECK_FALSE(words[3].sentence_start);
    CHECK(words[5].sentence_start);
  }

  TEST_CASE("ScanWords: ASCII runs and other letters in one word, case flags") {
    // Each word: lower, span, cap, all_caps (the ASCII letters and digits of
    // a word are read without decoding; the rest with it: both must agree).
    struct Row {
      std::string text;
      bool split_hyphens;
      std::vector<std::string> lower;
      std::vector<std::pair<std::size_t, std::size_t>> spans;
      std::vector<bool> cap, all_caps;
    };
    const std::vector<Row> rows = {
        {"NATO Said", false, {"nato", "said"}, {{0, 4}, {5, 9}}, {true, true}, {true, false}},
        {"Müller ÉCOLE",
         false,
         {"müller", "école"},
         {{0, 7}, {8, 14}},
         {true, true},
         {false, true}},
        {"a1b2 X", false, {"a1b2", "x"}, {{0, 4}, {5, 6}}, {false, true}, {false, false}},
        {"US-led", false, {"us-led"}, {{0, 6}}, {true}, {false}},
        {"US-led", true, {"us", "led"}, {{0, 2}, {3, 6}}, {true, false}, {true, false}},
        {"3.5bn 1,000.",
         false,
         {"3.5bn", "1,000"},
         {{0, 5}, {6, 11}},
         {false, false},
         {false, false}},
        {"naïveTÉ end",
         false,
         {"naïveté", "end"},
         {{0, 9}, {10, 13}},
         {false, false},
         {false, false}},
    };
    for (const Row& row : rows) {
      CAPTURE(row.text);
      const std::vector<RawWord> words = ScanWords(row.text, row.split_hyphens);
      std::vector<std::string> lower;
      std::vector<std::pair<std::size_t, std::size_t>> spans;
      std::vector<bool> cap, all_caps;
      for (const RawWord& w : words) {
        lower.push_back(w.lower);
        spans.emplace_back(w.span.begin, w.span.end);
        cap.push_back(w.cap);
        all_caps.push_back(w.all_caps);
      }
      CHECK(lower == row.lower);
      CHECK(spans == row.spans);
      CHECK(cap == row.cap);
      CHECK(all_caps == row.all_caps);
    }
  }
}

}  // namespace
}  // namespace whosaid::claims
