// Tests for entities::NameParser: the examples of the word lists in
// rules/names/ ("NAME => PARSED", "org: NAME => PARSED") and bad input.
#include "entities/name_parser.h"

#include <doctest/doctest.h>

#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>
#include <utility>
#include <vector>

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

  // ForgetMemos empties every thread's memos (a thread that parsed and
  // ended, one that still lives, this one): the same names parse the same
  // before, after, and again once remembered anew.
  TEST_CASE("ForgetMemos: the same results before and after, on every thread") {
    const std::vector<std::pair<std::string, EntityType>> rows = {
        {"Hedayatullah Shwarabni", EntityType::kPerson},
        {"Haji Jamil Khan", EntityType::kPerson},
        {"Ministry of Foreign Affairs", EntityType::kOrg},
        {"Tarlan Electric Company", EntityType::kUnknown},
    };
    std::vector<std::string> before;
    for (const auto& [name, type] : rows) before.push_back(Parse(name, type).Display());
    std::thread([&] {
      for (const auto& [name, type] : rows) Parse(name, type);
    }).join();
    std::mutex m;
    std::condition_variable cv;
    int step = 0;  // 1: the live thread parsed; 2: memos forgotten; 3: it parsed again
    std::vector<std::string> live_after;
    std::thread live([&] {
      for (const auto& [name, type] : rows) Parse(name, type);
      std::unique_lock<std::mutex> lock(m);
      step = 1;
      cv.notify_all();
      cv.wait(lock, [&] { return step == 2; });
      for (const auto& [name, type] : rows) live_after.push_back(Parse(name, type).Display());
      step = 3;
      cv.notify_all();
    });
    {
      std::unique_lock<std::mutex> lock(m);
      cv.wait(lock, [&] { return step == 1; });
      NameParser::ForgetMemos();
      step = 2;
      cv.notify_all();
      cv.wait(lock, [&] { return step == 3; });
    }
    live.join();
    CHECK(live_after == before);
    for (int round = 0; round < 2; ++round) {
      for (std::size_t k = 0; k < rows.size(); ++k) {
        CAPTURE(rows[k].first);
        CHECK(Parse(rows[k].first, rows[k].second).Display() == before[k]);
      }
      NameParser::ForgetMemos();
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
