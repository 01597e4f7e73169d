// Tests for core/rules.h RuleFile::Read: comments, examples, fields, and the
// byte-order-mark regression (a BOM made the first "# comment" an entry).
#include <doctest/doctest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "../ingest/temp_dir.h"
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

  // Regression (issue 10): an empty frames.txt or cues.txt was accepted and
  // gave no quote at all, status 0; an empty places.txt was reported at
  // events/gazetteer.txt:375.
  TEST_CASE("a mandatory rule file without an entry is an error naming it") {
    testing::TempDir dir;
    struct Row {
      std::string name, content, error;  // error "" : accepted
    };
    const std::vector<Row> rows = {
        {"frames.txt", "", "frames.txt: no frame defined (the file is empty)"},
        {"cues.txt", "# only a comment\n\n#! an example\n",
         "cues.txt: no cue defined (the file is empty)"},
        {"places.txt", "\n", "places.txt: no country defined (the file is empty)"},
        {"names/letters.txt", "",
         "names/letters.txt: no letter rewrite defined (the file is empty)"},
        {"frames.txt", "x | y\n", ""},
        {"transcript.txt", "", ""},  // optional: empty means "no labels"
        {"names/org_synonyms.txt", "", ""},
    };
    for (const Row& row : rows) {
      CAPTURE(row.name);
      std::filesystem::remove_all(dir.path() / "r");
      dir.Write("r/" + row.name, row.content);
      auto set = RuleSet::Load(dir.path() / "r");
      std::string error;
      try {
        set->File(row.name);
      } catch (const ConfigError& e) {
        error = e.what();
      }
      CHECK(error == (row.error.empty() ? "" : (dir.path() / "r" / row.error).string()));
    }
  }

  // Regression (issue 10): a rule file that is a FIFO or a directory was
  // reported as missing (a FIFO is never opened: it would block).
  TEST_CASE("a rule file that is not a regular file is reported as what it is") {
    testing::TempDir dir;
    dir.Write("r/words.txt", "the | D\n");
    std::filesystem::create_directories(dir.path() / "r" / "frames.txt");
    REQUIRE(::mkfifo((dir.path() / "r" / "cues.txt").c_str(), 0600) == 0);
    auto set = RuleSet::Load(dir.path() / "r");
    const std::string r = (dir.path() / "r").string();
    CHECK_THROWS_WITH_AS(set->File("frames.txt"),
                         (r + "/frames.txt: is a directory, not a rule file").c_str(), ConfigError);
    CHECK_THROWS_WITH_AS(set->File("cues.txt"),
                         (r + "/cues.txt: is a FIFO (named pipe), not a rule file").c_str(),
                         ConfigError);
    CHECK_THROWS_WITH_AS(set->File("roles.txt"), (r + "/roles.txt: rule file missing").c_str(),
                         ConfigError);
    CHECK(set->File("words.txt").lines().size() == 1);
  }
}

}  // namespace whosaid::rules
