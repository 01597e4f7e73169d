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

// The error a Normalizer gives with `file` (a names/ rule file) holding
// `content`, or "" when it loads.
std::string LoadError(const std::string& file, const std::string& content) {
  auto rules = testing::Rules().With(file, rules::RuleFile::Parse(file, content));
  try {
    Normalizer n(*rules);
  } catch (const ConfigError& e) {
    return e.what();
  }
  return "";
}

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
        {"digits kept", "Tanbak 2480 Sal", "tanbak 2480 sal"},
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

  // Regression (fuzz_rules): ICU 72's ID parser leaks memory on some
  // malformed IDs — a '(' never closed ("Lower; (x"), words and "::" inside
  // parentheses ("role (entities::Comparer). Arabic") — so a line must have
  // the shape of an ID before ICU sees it; otherwise it is a rule error with
  // its line.
  TEST_CASE("a transform line must have the shape of an ICU ID") {
    struct Row {
      std::string content;
      std::string error;  // "" → accepted
    };
    const std::string kShape =
        "not a transform ID (NAME, Source-Target or Source-Target/Variant, after an optional "
        "[filter])";
    const std::vector<Row> rows = {
        {"NFKC\nLower\n", ""},
        {"NFKC\n(Lower)\n", ""},
        {"[(] Remove\nLower\n", ""},
        {"[:Lm:] Remove\nRussian-Latin/BGN\nAny-Latin\n", ""},
        {"[[:Lm:][:Mn:]] Remove\nLatin-ASCII (Any-Null)\n", ""},
        {"NFKC\nLower; (x\n", "names/transform.txt:2: '(' without ')' at the end of the line"},
        {"(x\n", "names/transform.txt:1: '(' without ')' at the end of the line"},
        {"spokeswoman (entities::Comparer). Arabic, Persian and\n",
         "names/transform.txt:1: '(' without ')' at the end of the line"},
        {"role (entities::Comparer)\n", "names/transform.txt:1: not a transform name in '(…)'"},
        {"NFKC; Lower\n", "names/transform.txt:1: " + kShape},
        {"Latin-ASCII-Lower\n", "names/transform.txt:1: " + kShape},
        {"Any-Latin/BGN/x\n", "names/transform.txt:1: " + kShape},
        {"[abc Remove\n", "names/transform.txt:1: '[' without ']'"},
        {"()\n", "names/transform.txt:1: an empty transform"},
    };
    for (const Row& row : rows) {
      CAPTURE(row.content);
      CHECK(LoadError("names/transform.txt", row.content) == row.error);
    }
  }

  TEST_CASE("characters.txt: one ASCII character a line, never a letter") {
    struct Row {
      std::string content, error;  // error: "" when accepted
    } rows[] = {
        {"'\n`\n", ""},
        {"-\n", ""},
        {"7\n", ""},
        {"a\n", "names/characters.txt:1: a letter cannot be deleted (letters make the words)"},
        {"'\nZ\n", "names/characters.txt:2: a letter cannot be deleted (letters make the words)"},
        {"ab\n", "names/characters.txt:1: expected one ASCII character per line"},
        {"\xC3\xA9\n", "names/characters.txt:1: expected one ASCII character per line"},
    };
    for (const Row& row : rows) {
      CAPTURE(row.content);
      CHECK(LoadError("names/characters.txt", row.content) == row.error);
    }
  }
}

}  // namespace whosaid::entities
