// Tests for entities::NameParser: the examples of the word lists in
// rules/names/ ("NAME => PARSED", "org: NAME => PARSED") and bad input.
#include "entities/name_parser.h"

#include <doctest/doctest.h>

#include <string>
#include <utility>
#include <vector>

#include "core/parallel.h"
#include "entities_fixture.h"

namespace whosaid::entities {
namespace {

ParsedName Parse(const std::string& name, EntityType type) {
  return testing::Clusterer().parser().Parse(name, type);
}

}  // namespace

TEST_SUITE("entities.parser") {
  TEST_CASE("the examples of titles, families and organisation lists hold") {
    for (std::string file : {"names/titles.txt", "names/families.txt", "names/org_words.txt",
                             "names/org_synonyms.txt", "names/org_owners.txt"}) {
      auto examples = testing::Examples(file);
      CHECK(!examples.empty());
      for (const auto& ex : examples) {
        CAPTURE(file);
        CAPTURE(ex.line);
        bool org = ex.input.rfind("org: ", 0) == 0;
        ParsedName n = Parse(org ? ex.input.substr(5) : ex.input,
                             org ? EntityType::kOrg : EntityType::kPerson);
        CHECK(n.Display() == ex.expected);
      }
    }
  }

  // The memos are a cache: forgetting them (EntityResolver::Clear does, on
  // every thread) changes no result, first call or repeated.
  TEST_CASE("ForgetThreadMemos changes no parse") {
    const std::vector<std::pair<std::string, EntityType>> rows = {
        {"Dr. Abdul Qadeer Khan", EntityType::kPerson},
        {"Mohammed bin Salman", EntityType::kPerson},
        {"Khwarizmi", EntityType::kPerson},
        {"the Foreign Ministry of Iran", EntityType::kOrg},
        {"Sadiq", EntityType::kUnknown},
    };
    std::vector<std::string> first;
    for (const auto& [name, type] : rows) first.push_back(Parse(name, type).Display());
    for (int round = 0; round < 2; ++round) {
      NameParser::ForgetThreadMemos();
      for (std::size_t i = 0; i < rows.size(); ++i) {
        CAPTURE(rows[i].first);
        CHECK(Parse(rows[i].first, rows[i].second).Display() == first[i]);  // parsed afresh
        CHECK(Parse(rows[i].first, rows[i].second).Display() == first[i]);  // from the memo
      }
    }
  }

  // The memo shared by the threads (a thread's miss looked up there before
  // it parses) is a cache too: names parsed on 1, 2, 3 and 7 threads at
  // once, each thread starting at its own place (so that they race for the
  // same names), with the memos forgotten or not, and more names than the
  // shared memo holds (its shards cleared as they fill), parse as they do
  // on one thread with no memo.
  TEST_CASE("the shared memo changes no parse, on any number of threads") {
    const NameParser& plain = testing::Clusterer().parser();  // (no shared memo)
    ParserConfig config;
    config.shared_memo = true;
    const NameParser parser(testing::Rules(), config, plain.spelling());
    const std::vector<std::string> firsts = {"Abdul", "Mohammed", "Ann", "Yusuf", "Dr.", "Haji"};
    const std::vector<std::string> lasts = {"Khan", "bin Salman", "al-Zuwari", "Doe", "O'Neil"};
    std::vector<std::pair<std::string, EntityType>> rows;
    for (std::size_t i = 0; rows.size() < NameParser::kSharedEntries + 3000; ++i) {
      std::string name = firsts[i % firsts.size()];
      name.append(" ").append(lasts[(i / firsts.size()) % lasts.size()]);
      if (i >= firsts.size() * lasts.size()) name.append(" ").append(std::to_string(i));
      rows.emplace_back(name, i % 7 == 0 ? EntityType::kOrg : EntityType::kPerson);
      if (i % 5 == 0) rows.emplace_back(name, EntityType::kUnknown);
    }
    auto describe = [](const ParsedName& n) { return n.Display() + "|" + n.Key(); };
    NameParser::ForgetThreadMemos();
    std::vector<std::string> alone(rows.size());
    for (std::size_t i = 0; i < rows.size(); ++i) {
      alone[i] = describe(plain.Parse(rows[i].first, rows[i].second));
      NameParser::ForgetThreadMemos();  // (each parsed afresh)
    }
    for (unsigned threads : {1u, 2u, 3u, 7u}) {
      for (bool forget : {true, false}) {
        CAPTURE(threads);
        CAPTURE(forget);
        if (forget) parser.ForgetSharedMemo();
        std::vector<std::vector<std::string>> got(threads, std::vector<std::string>(rows.size()));
        parallel::RunWorkers(threads, [&](std::size_t k) {
          if (forget) NameParser::ForgetThreadMemos();
          for (std::size_t j = 0; j < rows.size(); ++j) {
            const std::size_t i = (j + k * rows.size() / threads) % rows.size();
            got[k][i] = describe(*parser.ParseShared(rows[i].first, rows[i].second));
          }
        });
        for (unsigned k = 0; k < threads; ++k) CHECK(got[k] == alone);
      }
    }
    NameParser::ForgetThreadMemos();
    parser.ForgetSharedMemo();
  }

  // resolve/ asks for a capitalised word's parse by its lower case (the
  // entry the memo holds for it, WordKeys): a word of ASCII bytes must
  // parse as its lower case does, whatever its capitals, prefix, apostrophe
  // or hyphen; only the original differs.
  TEST_CASE("an ASCII word parses as its lower case") {
    const std::vector<std::pair<std::string, std::string>> rows = {
        {"Shafiq", "shafiq"},
        {"MUHAMMAD", "muhammad"},
        {"Mohd", "mohd"},
        {"Al-Zuwari", "al-zuwari"},
        {"O'Neil", "o'neil"},
        {"Abdulhamid", "abdulhamid"},
        {"Abu-Walid", "abu-walid"},
        {"Haji", "haji"},
        {"Dr.", "dr."},
        {"X", "x"},
        {"McDONALD", "mcdonald"},
        {"Sadiq", "sadiq"},
    };
    for (const auto& [word, lower] : rows) {
      CAPTURE(word);
      const ParsedName a = Parse(word, EntityType::kPerson), b = Parse(lower, EntityType::kPerson);
      CHECK(a.original == word);
      CHECK(a.Display() == b.Display());
      CHECK(a.Key() == b.Key());
      REQUIRE(a.parts.size() == b.parts.size());
      for (std::size_t k = 0; k < a.parts.size(); ++k) {
        CHECK(a.parts[k].text == b.parts[k].text);
        CHECK(a.parts[k].rule_weight == b.parts[k].rule_weight);
        CHECK(a.parts[k].initial == b.parts[k].initial);
      }
    }
  }

  // org_synonyms.txt: the longest phrase at each word, anywhere in the
  // name; a word that starts a phrase the name does not complete stays.
  TEST_CASE("organisation synonyms: the longest phrase wins, anywhere") {
    struct Row {
      std::string a, b;
      bool same;
    };
    const std::vector<Row> rows = {
        {"Ministry of Home Affairs", "Ministry Interior", true},  // not "home affairs"
        {"Home Affairs Ministry", "Interior Ministry", true},
        {"Home Ministry", "Interior Ministry", true},
        {"Pakistan Foreign Office", "Pakistan Ministry of Foreign Affairs", true},
        {"Ministry of National Defence", "Ministry of Defense", true},
        {"Somali Armed Forces", "Somali Army", true},
        {"Home Office", "Interior Office", false},  // "home" starts phrases, none here
        {"Foreign Press Office", "Ministry of Foreign Affairs Press", false},
    };
    for (const Row& row : rows) {
      CAPTURE(row.a);
      CAPTURE(row.b);
      CHECK((Parse(row.a, EntityType::kOrg).Key() == Parse(row.b, EntityType::kOrg).Key()) ==
            row.same);
    }
  }

  TEST_CASE("the type is guessed from organisation words") {
    struct Row {
      std::string name;
      EntityType type;
    };
    const std::vector<Row> rows = {
        {"Tarlan Electric Company", EntityType::kOrg},
        {"Zarrin Air Transport Company LTD.", EntityType::kOrg},
        {"Ministry of Foreign Affairs", EntityType::kOrg},
        {"Hedayatullah Shwarabni", EntityType::kPerson},
        {"Haji Jamil Khan", EntityType::kPerson},
    };
    for (const Row& row : rows) {
      CAPTURE(row.name);
      CHECK(Parse(row.name, EntityType::kUnknown).type == row.type);
    }
  }

  TEST_CASE("bad input gets a defined result") {
    struct Row {
      std::string name, input;
      std::size_t parts;
      bool matchable;
    };
    std::string twenty;
    for (int i = 0; i < 20; ++i)
      twenty += "Word" + std::string(1, static_cast<char>('a' + i)) + " ";
    const std::vector<Row> rows = {
        {"empty", "", 0, false},
        {"punctuation", "--- ...", 0, false},
        {"one letter", "Q", 1, true},
        {"a title alone is a name", "Mullah", 1, true},
        {"twenty parts: a sentence, not a name", twenty, 20, false},
        {"other script", "ابو بكر البغدادي", 3, true},
        {"very long", std::string(5000, 'a'), 0, false},
        {"several names: the first", "Husain Kareemi; Hosain Kareemi", 2, true},
    };
    for (const Row& row : rows) {
      CAPTURE(row.name);
      ParsedName n = Parse(row.input, EntityType::kPerson);
      CHECK(n.parts.size() == row.parts);
      CHECK(n.matchable == row.matchable);
    }
  }
}

}  // namespace whosaid::entities
