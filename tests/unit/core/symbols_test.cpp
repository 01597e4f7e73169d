// Tests for core/symbols.h: named symbol classes read from a rule file, and
// the project's rules/shape_classes.txt read into attribution's ShapeAlphabet.
#include "core/symbols.h"

#include <doctest/doctest.h>

#include <string>

#include "../support/rules_fixture.h"
#include "attribution/alphabet.h"

namespace whosaid::rules {
namespace {

SymbolClasses Parse(const std::string& content) {
  return SymbolClasses::Read(RuleFile::Parse("shape_classes.txt", content));
}

TEST_SUITE("core.symbols") {
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

  TEST_CASE("SymbolClasses: classes by name, comments after a blank cut") {
    auto c = Parse("# invented\nopeners | Dds#   # a comment\nend | |\nboth | |/\n");
    CHECK(c.Get("openers").symbols() == "Dds#");
    CHECK(c.Single("end") == '|');
    CHECK(c.Get("both").Has('/'));
  }

  TEST_CASE("SymbolClasses: errors name the file, the line and the class") {
    struct Row {
      std::string content, name, error;
    } rows[] = {
        {"openers Dds\n", "openers", "shape_classes.txt:1: expected NAME | SYMBOLS"},
        {"openers | D d\n", "openers", "shape_classes.txt:1: expected NAME | SYMBOLS"},
        {"a | D\na | d\n", "a", "shape_classes.txt:2: class a defined twice"},
        {"a | D\n", "b", "shape_classes.txt: no class b defined"},
        {"a | Dd\n", "a", "shape_classes.txt:1: class a must be one symbol"},
    };
    for (const Row& r : rows) {
      CAPTURE(r.content);
      CHECK_THROWS_WITH_AS(Parse(r.content).Single(r.name), doctest::Contains(r.error.c_str()),
                           ConfigError);
    }
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

  TEST_CASE("a shape_classes.txt without a class the code needs names it") {
    auto rules =
        testing::Rules().With("shape_classes.txt", RuleFile::Parse("shape_classes.txt", "a | D\n"));
    CHECK_THROWS_WITH_AS(attribution::ShapeAlphabet::Load(*rules),
                         doctest::Contains("shape_classes.txt: no class name_premodifier defined"),
                         ConfigError);
  }
}

}  // namespace
}  // namespace whosaid::rules
