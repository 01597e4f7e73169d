// Tests for core/rules.h RuleFile::Read: comments, examples, fields, and the
// byte-order-mark regression (a BOM made the first "# comment" an entry).
#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "core/rules.h"

namespace whosaid::rules {
namespace {

// Writes `content` to a scratch file, reads it back as a RuleFile.
RuleFile ReadContent(const std::string& content) {
  static int counter = 0;
  auto path =
      std::filesystem::temp_directory_path() /
      ("whosaid_rule_" + std::to_string(::getpid()) + "_" + std::to_string(counter++) + ".txt");
  std::ofstream(path, std::ios::binary) << content;
  RuleFile file = RuleFile::Read(path);
  std::filesystem::remove(path);
  return file;
}

std::vector<std::string> Entries(const std::vector<RuleLine>& lines) {
  std::vector<std::string> out;
  for (const auto& l : lines) out.push_back(std::to_string(l.line) + ":" + l.text);
  return out;
}

}  // namespace

TEST_SUITE("core.rules") {
  TEST_CASE("RuleFile::Read keeps entries with their line numbers") {
    struct Row {
      std::string name;
      std::string content;
      std::vector<std::string> entries;   // "LINE:TEXT"
      std::vector<std::string> examples;  // "LINE:TEXT"
    };
    // clang-format off
    const std::vector<Row> rows = {
        {"comments and blanks", "# header\n\nsaid\n  told  \n", {"3:said", "4:told"}, {}},
        {"trailing comment", "said # the verb\n", {"1:said"}, {}},
        {"# inside a word is kept", "C# | language\n", {"1:C# | language"}, {}},
        {"CRLF", "said\r\ntold\r\n", {"1:said", "2:told"}, {}},
        {"examples", "#! he said | said\nsaid\n", {"2:said"}, {"1:he said | said"}},
        {"regression: a byte order mark", "\xEF\xBB\xBF# comment\nsaid\n", {"2:said"}, {}},
    };
    // clang-format on
    for (const Row& row : rows) {
      CAPTURE(row.name);
      RuleFile file = ReadContent(row.content);
      CHECK(Entries(file.lines()) == row.entries);
      CHECK(Entries(file.examples()) == row.examples);
    }
  }

  TEST_CASE("RuleFile::Fields splits on ' | ' and trims") {
    struct Row {
      std::string entry;
      std::vector<std::string> fields;
    };
    const std::vector<Row> rows = {
        {"say | speech |  | said says", {"say", "speech", "", "said says"}},
        {"single", {"single"}},
        {"a|b", {"a|b"}},
    };
    for (const Row& row : rows) {
      CHECK(RuleFile::Fields(RuleLine{1, row.entry}) == row.fields);
    }
  }

  TEST_CASE("unreadable or non-UTF-8 rule files are configuration errors") {
    CHECK_THROWS_AS(RuleFile::Read("/nonexistent/rules.txt"), ConfigError);
    CHECK_THROWS_WITH_AS(ReadContent("ok\n\xFF\n"), doctest::Contains("byte 3"), ConfigError);
  }
}

}  // namespace whosaid::rules
