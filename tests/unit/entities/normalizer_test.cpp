// Tests for entities::Normalizer: the examples of rules/names/transform.txt
// and characters.txt, and inputs that are not names.
#include "entities/normalizer.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "entities_fixture.h"

namespace whosaid::entities {
namespace {

const Normalizer& TheNormalizer() { return testing::Clusterer().parser().normalizer(); }

}  // namespace

TEST_SUITE("entities.normalizer") {
  TEST_CASE("the examples of transform.txt and characters.txt hold") {
    for (std::string file : {"names/transform.txt", "names/characters.txt"}) {
      auto examples = testing::Examples(file);
      CHECK(!examples.empty());
      for (const auto& ex : examples) {
        CAPTURE(file);
        CAPTURE(ex.line);
        CHECK(TheNormalizer().Normalize(ex.input) == ex.expected);
      }
    }
  }

  TEST_CASE("any input gives lower-case ASCII words") {
    struct Row {
      std::string name, input, expected;
    };
    const std::vector<Row> rows = {
        {"empty", "", ""},
        {"blanks", " \t  ", ""},
        {"punctuation only", "... -- !!", ""},
        {"one letter", "X", "x"},
        {"digits kept", "Gebaa 2480 Sal", "gebaa 2480 sal"},
        {"hyphens split", "Abd-al-Rahman", "abd al rahman"},
        {"Arabic script", "محمد", "mhmd"},
        {"Chinese", "毛泽东", "mao ze dong"},
        {"emoji dropped", "Ali \xF0\x9F\x98\x80 Khan", "ali khan"},
        {"regression: invalid UTF-8 is replaced, not fatal", "Ali\xFF Khan", "ali khan"},
    };
    for (const Row& row : rows) {
      CAPTURE(row.name);
      CHECK(TheNormalizer().Normalize(row.input) == row.expected);
    }
  }

  // Regression (fuzz_rules): ICU 72 leaks memory on an ID with a '(' never
  // closed ("Lower; (x"); such a line is refused before ICU sees it, with
  // its line.
  TEST_CASE("a transform line with an unclosed '(' is a rule error naming the line") {
    struct Row {
      std::string content;
      std::string error;  // "" → accepted
    };
    const std::vector<Row> rows = {
        {"NFKC\nLower\n", ""},
        {"NFKC\n(Lower)\n", ""},
        {"[(] Remove\nLower\n", ""},
        {"NFKC\nLower; (x\n", "names/transform.txt:2: '(' without ')'"},
        {"(x\n", "names/transform.txt:1: '(' without ')'"},
    };
    for (const Row& row : rows) {
      CAPTURE(row.content);
      auto rules = testing::Rules().With(
          "names/transform.txt", rules::RuleFile::Parse("names/transform.txt", row.content));
      std::string error;
      try {
        Normalizer n(*rules);
      } catch (const ConfigError& e) {
        error = e.what();
      }
      CHECK(error == row.error);
    }
  }
}

}  // namespace whosaid::entities
