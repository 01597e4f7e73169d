// Tests for segment/word_lists.h: the word lists the attribution lexicon and
// the name mentions share (words.txt, roles.txt, titles.txt, org_heads.txt).
#include "segment/word_lists.h"

#include <doctest/doctest.h>

#include <string>

#include "../support/rules_fixture.h"
#include "attribution/lexicon.h"

namespace whosaid::segment {
namespace {

std::shared_ptr<const rules::RuleSet> With(const std::string& file, const std::string& content) {
  return testing::Rules().With(file, rules::RuleFile::Parse(file, content));
}

TEST_SUITE("segment.word_lists") {
  TEST_CASE("look-ups on invented lists") {
    auto rules = With("titles.txt", "Brig | rank\nSayyid | honorific\n");
    rules = rules->With("roles.txt",
                        rules::RuleFile::Parse("roles.txt", "Quartermaster\nRival | relational\n"));
    rules = rules->With("org_heads.txt",
                        rules::RuleFile::Parse("org_heads.txt", "guild | any\nHouse | cap\n"));
    const WordLists& w = rules->Shared<WordLists>();
    struct Row {
      std::string word;
      bool title, honorific, role, head_lower, head_cap, relational;
    } rows[] = {
        {"brig", true, false, false, false, false, false},
        {"brig.", true, false, false, false, false, false},  // a final stop is no part of it
        {"sayyid", true, true, false, false, false, false},
        {"quartermaster", false, false, true, false, false, false},
        {"rival", false, false, true, false, false, true},  // a relation, still a role noun
        {"guild", false, false, false, true, true, false},
        {"house", false, false, false, false, true, false},  // "cap": only written capitalised
        {"ferryman", false, false, false, false, false, false},
    };
    for (const Row& r : rows) {
      CAPTURE(r.word);
      CHECK(w.IsTitle(r.word) == r.title);
      CHECK(w.IsHonorific(r.word) == r.honorific);
      CHECK(w.IsRole(r.word) == r.role);
      CHECK(w.IsOrgHead(r.word, false) == r.head_lower);
      CHECK(w.IsOrgHead(r.word, true) == r.head_cap);
      CHECK(w.IsRelational(r.word) == r.relational);
    }
  }

  TEST_CASE("a roles.txt line with another second field throws") {
    auto rules = With("roles.txt", "ferryman | nautical\n");
    CHECK_THROWS_WITH_AS(rules->Shared<WordLists>(),
                         doctest::Contains("expected NOUN or NOUN | relational"), ConfigError);
  }

  TEST_CASE("function words: what the lexicon gives a symbol, number compounds too") {
    const auto& rules = testing::Rules();
    const WordLists& w = rules.Shared<WordLists>();
    const auto& lexicon = rules.Shared<attribution::Lexicon>();
    for (const char* word :
         {"the", "of", "twenty-six", "ninety-one", "one-twenty", "twenty-", "ferry", "went"}) {
      CAPTURE(word);
      CHECK(w.IsFunctionWord(word) == (lexicon.FunctionSymbol(word) != 0));
    }
    CHECK(w.IsFunctionWord("twenty-six"));
    CHECK_FALSE(w.IsFunctionWord("went"));  // a past flag only
  }

  TEST_CASE("a words.txt class shape_classes.txt does not know throws") {
    auto rules = With("words.txt", "zorb | gadget\n");
    CHECK_THROWS_WITH_AS(rules->Shared<WordLists>(),
                         doctest::Contains("expected WORD | CLASS with a known CLASS"),
                         ConfigError);
  }
}

}  // namespace
}  // namespace whosaid::segment
