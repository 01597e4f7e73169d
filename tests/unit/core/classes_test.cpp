// Tests for core/classes.h and core/symbols.h: named classes of symbols and
// words read from a rule file, and the project's rules/shape_classes.txt and
// rules/english.txt read into attribution's ShapeAlphabet and EnglishWords.
#include "core/classes.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "../support/rules_fixture.h"
#include "attribution/alphabet.h"

namespace whosaid::rules {
namespace {

Classes Parse(const std::string& content) {
  return Classes::Read(RuleFile::Parse("shape_classes.txt", content));
}

TEST_SUITE("core.classes") {
  TEST_CASE("SymbolSet: members and non-members") {
    struct Row {
      std::string symbols;
      char symbol;
      bool has;
    } rows[] = {
        {"NkRHs#Dd", 'N', true}, {"NkRHs#Dd", '#', true}, {"NkRHs#Dd", 'n', false},
        {"|/", '|', true},       {"|/", '.', false},      {"", 'k', false},
        {"\xC3", '\xC3', true},
    };
    for (const Row& r : rows) {
      CAPTURE(r.symbols);
      CAPTURE(r.symbol);
      CHECK(SymbolSet(r.symbols).Has(r.symbol) == r.has);
    }
  }

  TEST_CASE("Classes: symbols and words by name, comments after a blank cut") {
    auto c = Parse(
        "# invented\nopeners | Dds#   # a comment\nend | |\nboth | |/\nending | ing\n"
        "poss | \xE2\x80\x99s, 's\n");
    CHECK(c.Symbols("openers").symbols() == "Dds#");
    CHECK(c.Symbol("end") == '|');
    CHECK(c.Symbols("both").Has('/'));
    CHECK(c.Word("ending") == "ing");
    CHECK(c.Words("poss") == std::vector<std::string>{"\xE2\x80\x99s", "'s"});
  }

  TEST_CASE("Classes: errors name the file, the line and the class") {
    struct Row {
      std::string content, name, error;
    } rows[] = {
        {"openers Dds\n", "openers", "shape_classes.txt:1: expected NAME | VALUE"},
        {"a | D\na | d\n", "a", "shape_classes.txt:2: class a defined twice"},
        {"a | D\n", "b", "shape_classes.txt: no class b defined"},
        {"a | Dd\n", "a", "shape_classes.txt:1: class a must be one symbol"},
        {"a | D d\n", "a",
         "shape_classes.txt:1: class a holds a blank: symbols are written together"},
    };
    for (const Row& r : rows) {
      CAPTURE(r.content);
      CHECK_THROWS_WITH_AS(Parse(r.content).Symbol(r.name), doctest::Contains(r.error.c_str()),
                           ConfigError);
    }
    CHECK_THROWS_WITH_AS(Parse("w | ed, ing\n").Word("w"),
                         doctest::Contains("shape_classes.txt:1: class w must be one word"),
                         ConfigError);
  }

  TEST_CASE("the project's shape_classes.txt gives every class of the alphabet") {
    auto alpha = attribution::ShapeAlphabet::Load(testing::Rules());
    CHECK(alpha.quotation == 'Q');
    CHECK(alpha.sentence_end == '|');
    CHECK(alpha.full_stop == '.');
    CHECK(alpha.boundary.Has('/'));
    CHECK(alpha.name_premodifier.Has('#'));
    CHECK(alpha.finite_cue.symbols() == "VTCL");
  }

  TEST_CASE("the project's english.txt gives every word attribution tests") {
    auto en = attribution::EnglishWords::Load(testing::Rules());
    CHECK(en.gerund_ending == "ing");
    CHECK(en.past_ending == "ed");
    CHECK(en.article == "the");
  }

  TEST_CASE("a rule file without a class the code needs names it") {
    auto rules =
        testing::Rules().With("shape_classes.txt", RuleFile::Parse("shape_classes.txt", "a | D\n"));
    CHECK_THROWS_WITH_AS(attribution::ShapeAlphabet::Load(*rules),
                         doctest::Contains("shape_classes.txt: no class name_premodifier defined"),
                         ConfigError);
    rules = testing::Rules().With("english.txt", RuleFile::Parse("english.txt", "a | the\n"));
    CHECK_THROWS_WITH_AS(attribution::EnglishWords::Load(*rules),
                         doctest::Contains("english.txt: no class gerund_ending defined"),
                         ConfigError);
  }
}

}  // namespace
}  // namespace whosaid::rules
