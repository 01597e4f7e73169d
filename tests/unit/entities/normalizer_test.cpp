// Tests for entities::Normalizer: the examples of rules/names/transform.txt,
// characters.txt and punctuation.txt, inputs that are not names, and the
// punctuation.txt path against ICU's.
#include "entities/normalizer.h"

#include <doctest/doctest.h>

#include <random>
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

// The normaliser with no punctuation.txt entry: every non-ASCII name goes
// through ICU (the reference for the punctuation.txt path).
const Normalizer& IcuOnly() {
  static const Normalizer n(*testing::Rules().With(
      "names/punctuation.txt", rules::RuleFile::Parse("names/punctuation.txt", "")));
  return n;
}

// The characters punctuation.txt lists, as UTF-8.
std::vector<std::string> Listed() {
  std::vector<std::string> out;
  for (const rules::RuleLine& line : testing::Rules().File("names/punctuation.txt").lines()) {
    const char32_t c = std::stoul(line.text.substr(2), nullptr, 16);
    std::string u8;
    if (c < 0x800) {
      u8 = {static_cast<char>(0xC0 | (c >> 6)), static_cast<char>(0x80 | (c & 0x3F))};
    } else if (c < 0x10000) {
      u8 = {static_cast<char>(0xE0 | (c >> 12)), static_cast<char>(0x80 | ((c >> 6) & 0x3F)),
            static_cast<char>(0x80 | (c & 0x3F))};
    } else {
      u8 = {static_cast<char>(0xF0 | (c >> 18)), static_cast<char>(0x80 | ((c >> 12) & 0x3F)),
            static_cast<char>(0x80 | ((c >> 6) & 0x3F)), static_cast<char>(0x80 | (c & 0x3F))};
    }
    out.push_back(u8);
  }
  return out;
}

}  // namespace

TEST_SUITE("entities.normalizer") {
  TEST_CASE("the examples of transform.txt and characters.txt hold") {
    for (std::string file :
         {"names/transform.txt", "names/characters.txt", "names/punctuation.txt"}) {
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

  // The punctuation.txt path gives what ICU gives: each listed character
  // between any two of the ASCII characters that can sit beside it in a
  // name (punctuation, space, a letter of each case, a digit, nothing), and
  // random mixtures of listed characters, ASCII and (sent to ICU by both)
  // accented letters.
  TEST_CASE("punctuation.txt characters map as ICU maps them, in any context") {
    const std::vector<std::string> listed = Listed();
    REQUIRE(listed.size() >= 20);
    std::vector<std::string> beside = {"", " ", "a", "Z", "0", "ab"};
    for (char c = '!'; c <= '~'; ++c) {
      const bool letter =
          (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
      if (!letter) beside.push_back(std::string(1, c));
    }
    for (const std::string& c : listed) {
      for (const std::string& x : beside) {
        for (const std::string& y : beside) {
          const std::string input = x + c + y;
          CAPTURE(input);
          CHECK(TheNormalizer().Normalize(input) == IcuOnly().Normalize(input));
        }
      }
    }
    std::vector<std::string> pieces = listed;
    for (const char* p : {"a", "B", "x", "Q", "7", " ", ".", "-", "'", "\xC3\xA9", "\xC3\x91"})
      pieces.push_back(p);
    std::mt19937 random(20261205);
    for (int round = 0; round < 3000; ++round) {
      std::string input;
      for (int k = std::uniform_int_distribution<int>(1, 10)(random); k > 0; --k)
        input += pieces[std::uniform_int_distribution<std::size_t>(0, pieces.size() - 1)(random)];
      CAPTURE(input);
      CHECK(TheNormalizer().Normalize(input) == IcuOnly().Normalize(input));
    }
  }

  TEST_CASE("punctuation.txt: one non-ASCII character a line as U+XXXX, mapped alone") {
    const std::string kShape =
        "expected one character as U+ and 4 to 6 hex digits, not ASCII (U+2019)";
    const std::string kKind =
        "only punctuation, spaces, symbols and format characters can be listed (a letter, mark "
        "or digit is transformed in context)";
    struct Row {
      std::string content, error;  // error: "" when accepted
    } rows[] = {
        {"", ""},
        {"U+2019\nU+00A0\n", ""},
        {"U+2019\nU+2019\n", ""},  // listed twice: once
        {"u+2019\n", "names/punctuation.txt:1: " + kShape},
        {"2019\n", "names/punctuation.txt:1: " + kShape},
        {"U+201\n", "names/punctuation.txt:1: " + kShape},
        {"U+0002019\n", "names/punctuation.txt:1: " + kShape},
        {"U+20G9\n", "names/punctuation.txt:1: " + kShape},
        {"U+2019\nU+0027\n", "names/punctuation.txt:2: " + kShape},
        {"U+D800\n", "names/punctuation.txt:1: " + kShape},
        {"U+110000\n", "names/punctuation.txt:1: " + kShape},
        {"\xE2\x80\x99\n", "names/punctuation.txt:1: " + kShape},
        {"U+0301\n", "names/punctuation.txt:1: " + kKind},          // a combining mark
        {"U+2014\nU+0435\n", "names/punctuation.txt:2: " + kKind},  // Cyrillic e: ye alone
        {"U+0442\n", "names/punctuation.txt:1: " + kKind},          // Cyrillic t: тс is t·s
        {"U+0663\n", "names/punctuation.txt:1: " + kKind},          // an Arabic-Indic digit
        {"U+00B4\nU+20AC\nU+200D\n", ""},  // a modifier symbol, a currency sign, a format character
    };
    for (const Row& row : rows) {
      CAPTURE(row.content);
      CHECK(LoadError("names/punctuation.txt", row.content) == row.error);
    }
  }

  // A transform that reads ASCII in context or changes it (a user's
  // transform.txt) turns the punctuation.txt path off: every non-ASCII name
  // then goes through ICU, as with no punctuation.txt entry.
  TEST_CASE("punctuation.txt: a transform that fails the load checks gets no fast path") {
    const std::vector<std::string> inputs = {"Shaun O'Neil\xE2\x80\x94Ruiz", "ana\xE2\x80\x99s",
                                             "\xE2\x80\x9C"
                                             "Ana Ruiz\xE2\x80\xA6",
                                             "sen.\xC2\xA0"
                                             "ana",
                                             "a\xE2\x80\x93"
                                             "b c\xC2\xAB"
                                             "d\xC2\xBB"};
    for (const char* transform : {"NFKC\nAny-Publishing\nLower\n", "Latin-ASCII\nAny-Title\n",
                                  "Latin-ASCII\nLower\nLatin-Greek\n"}) {
      CAPTURE(transform);
      const auto rules = testing::Rules().With(
          "names/transform.txt", rules::RuleFile::Parse("names/transform.txt", transform));
      const Normalizer with(*rules);  // the shipped punctuation.txt
      const Normalizer without(*rules->With("names/punctuation.txt",
                                            rules::RuleFile::Parse("names/punctuation.txt", "")));
      for (const std::string& input : inputs) {
        CAPTURE(input);
        CHECK(with.Normalize(input) == without.Normalize(input));
      }
    }
  }
}

}  // namespace whosaid::entities
