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

  TEST_CASE("Classes: a backslash writes the next symbol as it is (a '#' first)") {
    struct Row {
      std::string content, symbols;
    } rows[] = {
        {"a | \\#\n", "#"},   {"a | \\#Dd   # the count, then determiners\n", "#Dd"},
        {"a | D\\#\n", "D#"}, {"a | D#\n", "D#"},
        {"a | \\\\\n", "\\"},
    };
    for (const Row& r : rows) {
      CAPTURE(r.content);
      CHECK(Parse(r.content).Symbols("a").symbols() == r.symbols);
    }
    CHECK(Parse("number | \\#\n").Symbol("number") == '#');
    CHECK(Parse("a | D\nb | d\n").Names() == std::vector<std::string>{"a", "b"});
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
    CHECK(alpha.sym.quotation == 'Q');
    CHECK(alpha.sym.sentence_end == '|');
    CHECK(alpha.sym.full_stop == '.');
    CHECK(alpha.sym.number == '#');
    CHECK(alpha.sym.Named("number") == '#');
    CHECK(alpha.sym.NameOf('#') == "number");
    CHECK(alpha.sym.Named("no such symbol") == 0);
    CHECK(alpha.WordClassSymbol("be") == alpha.sym.aux);
    CHECK(alpha.WordClassSymbol("quantifier") == alpha.sym.determiner);
    CHECK(alpha.WordClassSymbol("past") == 0);
    CHECK(alpha.CueClassSymbols("say") == std::pair(alpha.sym.say, alpha.sym.say_ing));
    CHECK(alpha.CueClassSymbols("according") ==
          std::pair(alpha.sym.according, alpha.sym.according));
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
                         doctest::Contains("shape_classes.txt: no class quotation defined"),
                         ConfigError);
    // The project's file with one line changed (or, with no `was`, one added).
    auto classes = testing::Rules().File("shape_classes.txt");
    struct Row {
      std::string was, now, error;
    } rows[] = {
        {"name | N", "name | Q", "class name shares its symbol with quotation"},
        {"", "word.wide | no_symbol", "class word.wide names no symbol 'no_symbol'"},
        {"", "word.wide | name, role", "class word.wide must name one symbol"},
        {"", "cue.wide | say, say_ing, tell", "class cue.wide must name one or two symbols"},
    };
    for (const Row& r : rows) {
      CAPTURE(r.now);
      std::string content;
      for (const RuleLine& line : classes.lines())
        content += (line.text == r.was ? r.now : line.text) + "\n";
      if (r.was.empty()) content += r.now + "\n";
      rules =
          testing::Rules().With("shape_classes.txt", RuleFile::Parse("shape_classes.txt", content));
      CHECK_THROWS_WITH_AS(attribution::ShapeAlphabet::Load(*rules),
                           doctest::Contains(r.error.c_str()), ConfigError);
    }
    rules = testing::Rules().With("english.txt", RuleFile::Parse("english.txt", "a | the\n"));
    CHECK_THROWS_WITH_AS(attribution::EnglishWords::Load(*rules),
                         doctest::Contains("english.txt: no class gerund_ending defined"),
                         ConfigError);
  }
}

}  // namespace
}  // namespace whosaid::rules
