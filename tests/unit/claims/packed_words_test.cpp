// Tests for claims/packed_words.h: words packed in one buffer read back as
// they were added (with their flags), and a document's term counts looked up
// by key.
#include "claims/packed_words.h"

#include <doctest/doctest.h>

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace whosaid::claims {
namespace {

TEST_SUITE("claims.packed_words") {
  TEST_CASE("words and flags read back in order, empty words included") {
    const std::vector<std::pair<std::string, bool>> rows = {
        {"reservoir", false},
        {"Velmora", true},
        {"", false},
        {"not", false},
        {"a-much-longer-term-than-sso", true},
    };
    PackedWords words;
    for (const auto& [key, flag] : rows) words.Add(key, flag);
    words.Compact();
    REQUIRE(words.size() == rows.size());
    std::size_t i = 0;
    for (const PackedWords::Word w : words) {
      CAPTURE(i);
      CHECK(w.key == rows[i].first);
      CHECK(w.flag == rows[i].second);
      ++i;
    }
    CHECK(i == rows.size());
    const PackedWords copy = words;  // a copy's views are its own
    CHECK(copy[1].key == "Velmora");
    CHECK(copy == words);
  }

  TEST_CASE("Reserve changes no list: the same words after it, before or between Adds") {
    PackedWords plain, reserved;
    reserved.Reserve(3, 1);  // (less than what comes: the list still grows)
    for (const char* w : {"march", "", "tarsk", "longer than fifteen bytes"}) {
      plain.Add(w, w[0] == 't');
      reserved.Add(w, w[0] == 't');
      reserved.Reserve(40, 2);
    }
    CHECK(reserved == plain);
    CHECK(reserved.size() == 4);
    CHECK(reserved[3].key == "longer than fifteen bytes");
    CHECK(reserved[2].flag);
  }

  TEST_CASE("Assign takes back a list's form (letters, ends), and only such a form") {
    PackedWords words;
    words.Add("dam", false);
    words.Add("Velmora", true);
    words.Add("", false);
    words.Add("river", true);
    PackedWords back;
    REQUIRE(back.Assign(words.letters(), words.ends().data(), words.ends().size()));
    CHECK(back == words);
    CHECK(back[1].key == "Velmora");
    CHECK(back[1].flag);
    CHECK(back[2].key.empty());
    const std::uint32_t kFlag = 0x80000000u;
    struct Row {
      std::string name, letters;
      std::vector<std::uint32_t> ends;
      bool ok;
    };
    const std::vector<Row> rows = {
        {"empty", "", {}, true},
        {"two words, one flagged", "damriver", {3, 8 | kFlag}, true},
        {"ends short of the letters", "damriver", {3, 7}, false},
        {"ends past the letters", "dam", {3, 4}, false},
        {"ends descending", "damriver", {5, 3, 8}, false},
        {"letters without words", "dam", {}, false},
    };
    for (const Row& row : rows) {
      CAPTURE(row.name);
      PackedWords list;
      list.Add("kept", false);
      CHECK(list.Assign(row.letters, row.ends.data(), row.ends.size()) == row.ok);
      if (!row.ok) {
        CHECK(list.size() == 1);  // unchanged
        continue;
      }
      CHECK(list.letters() == row.letters);
      CHECK(list.ends() == row.ends);
    }
    TermUses uses;
    PackedWords keys;
    keys.Add("dam");
    CHECK_FALSE(uses.Assign(keys, {}));
    CHECK(uses.Assign(keys, {4}));
    CHECK(uses.Count("dam", 1) == 4);
  }

  TEST_CASE("TermUses::Assign takes only keys that ascend (a corrupt form fails, unchanged)") {
    struct Row {
      std::string name;
      std::vector<std::string> keys;
      bool ok;
    };
    const std::vector<Row> rows = {
        {"none", {}, true},
        {"one", {"dam"}, true},
        {"ascending", {"dam", "flood", "river"}, true},
        {"a prefix first", {"dam", "dams"}, true},
        {"repeated", {"dam", "dam"}, false},
        {"descending", {"river", "dam"}, false},
        {"one out of order at the end", {"dam", "river", "flood"}, false},
        {"a longer key before its prefix", {"dams", "dam"}, false},
    };
    for (const Row& row : rows) {
      CAPTURE(row.name);
      PackedWords keys;
      for (const std::string& k : row.keys) keys.Add(k);
      std::vector<int> counts(row.keys.size());
      for (std::size_t i = 0; i < counts.size(); ++i) counts[i] = static_cast<int>(i) + 2;
      TermUses uses({{"kept", 9}});
      CHECK(uses.Assign(keys, counts) == row.ok);
      if (!row.ok) {
        CHECK(uses.size() == 1);  // unchanged
        CHECK(uses.Count("kept", 0) == 9);
        continue;
      }
      REQUIRE(uses.size() == row.keys.size());
      for (std::size_t i = 0; i < row.keys.size(); ++i)
        CHECK(uses.Count(row.keys[i], 0) == counts[i]);
    }
  }

  TEST_CASE("a document's counts by term key; missing keys give the default") {
    const TermUses uses({{"dam", 4}, {"flood", 3}, {"river", 7}});
    struct Row {
      std::string key;
      int expected;
    } rows[] = {{"dam", 4}, {"flood", 3}, {"river", 7}, {"bridge", 1}, {"zzz", 1}, {"", 1}};
    for (const Row& r : rows) {
      CAPTURE(r.key);
      CHECK(uses.Count(r.key, 1) == r.expected);
    }
    CHECK(TermUses().Count("dam", 1) == 1);
  }
}

}  // namespace
}  // namespace whosaid::claims
