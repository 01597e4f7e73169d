// Tests for claims/diff.h: the wording changes between two direct quotes of
// one statement (a misquote), beyond spelling.
#include "claims/diff.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "../support/rules_fixture.h"

namespace whosaid::claims {
namespace {

const TermLexicon& Lexicon() {
  static const TermLexicon lexicon(TermConfig{}, testing::Rules());
  return lexicon;
}

TEST_SUITE("claims.diff") {
  TEST_CASE("changed, added and removed words; spelling and excerpts are no change") {
    struct Row {
      std::string a, b;
      std::vector<std::pair<std::string, std::string>> changes;
    } rows[] = {
        {"This attack will not go unanswered",
         "This attack will not remain unanswered",
         {{"not go unanswered", "not remain unanswered"}}},
        {"We defend our neighbours", "we defend our neighbors", {}},
        {"This won’t go unanswered and we’re ready",
         "This will not go unanswered and we are ready",
         {}},
        {"They don't yield", "They do not yield", {}},
        {"We cannot yield", "We won't yield", {{"We cannot", "We won't"}}},
        {"“We defend our people”", "We defend our people,", {}},
        {"We will win", "We will win this war", {}},  // a longer excerpt
        {"We will win this war soon",
         "We will surely win this war soon",
         {{"will win", "will surely win"}}},
        {"The council of Tarsk lied to us",
         "The council lied to us",
         {{"council of Tarsk lied", "council lied"}}},
    };
    for (const Row& r : rows) {
      CAPTURE(r.a);
      std::vector<std::pair<std::string, std::string>> got;
      for (const WordChange& c : DiffWords(r.a, r.b, Lexicon()))
        got.emplace_back(c.a_text, c.b_text);
      CHECK(got == r.changes);
    }
  }
}

}  // namespace
}  // namespace whosaid::claims
