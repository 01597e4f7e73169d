// Tests for core/flat_map.h: FlatMap / FlatSet find what was inserted (and
// nothing else) through growth and clearing, keep a key's first value, and
// iterate in insertion order.
#include "core/flat_map.h"

#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

namespace whosaid {
namespace {

// "w<i>" (appended, not "w" + …: GCC 12's -Wrestrict misfires on that)
std::string Key(int i) {
  std::string k = "w";
  k += std::to_string(i);
  return k;
}

TEST_SUITE("core.flat_map") {
  TEST_CASE("FlatMap: probes by view find the inserted keys, and only them") {
    FlatMap<int> m;
    CHECK(m.Find("a") == nullptr);  // empty: no slots yet
    const std::vector<std::string> keys = {"minister",
                                           "said",
                                           "",
                                           "a",
                                           "b",
                                           "minister.",
                                           "a much longer word than sixteen",
                                           "al-Tamimi",
                                           "\xC3\xA9t\xC3\xA9"};
    for (std::size_t i = 0; i < keys.size(); ++i) m.Insert(keys[i], static_cast<int>(i));
    struct Row {
      std::string_view probe;
      int value;  // -1: absent
    } rows[] = {
        {"minister", 0},
        {"said", 1},
        {"", 2},
        {"a", 3},
        {"b", 4},
        {"minister.", 5},
        {"a much longer word than sixteen", 6},
        {"al-Tamimi", 7},
        {"\xC3\xA9t\xC3\xA9", 8},
        {"Minister", -1},
        {"ministe", -1},
        {"c", -1},
        {"al-tamimi", -1},
        {"a much longer word than sixteeN", -1},
    };
    for (const Row& r : rows) {
      CAPTURE(r.probe);
      const int* v = m.Find(r.probe);
      CHECK((v ? *v : -1) == r.value);
      CHECK(m.Contains(r.probe) == (r.value >= 0));
      CHECK(m.Find(r.probe, HashBytes(r.probe)) == v);  // the caller's hash: the same entry
    }
    // a view into a longer text, as the tokenizer hands them
    const std::string text = "the minister said";
    CHECK(*m.Find(std::string_view(text).substr(4, 8)) == 0);
  }

  TEST_CASE("FlatMap: Insert with the caller's hash is Insert, through growth") {
    FlatMap<int> by_hash, plain;
    for (int i = 0; i < 100; ++i) {
      const std::string k = Key(i % 70);  // 30 keys twice: the first value stays
      CHECK(by_hash.Insert(k, HashBytes(k), i) == plain.Insert(k, i));
    }
    REQUIRE(by_hash.size() == 70);
    for (int i = 0; i < 80; ++i) {
      const std::string k = Key(i);
      CAPTURE(k);
      const int* a = by_hash.Find(k);
      const int* b = plain.Find(k, HashBytes(k));
      REQUIRE((a == nullptr) == (i >= 70));
      if (a) CHECK(*a == *b);
    }
  }

  TEST_CASE("FlatMap: a key's first value stays; growth keeps every key") {
    FlatMap<int> m;
    CHECK(m.Insert("x", 1) == 1);
    CHECK(m.Insert("x", 2) == 1);
    CHECK(m.size() == 1);
    for (int i = 0; i < 5000; ++i) m.Insert(Key(i), i);
    CHECK(m.size() == 5001);
    int found = 0;
    for (int i = 0; i < 5000; ++i) {
      const int* v = m.Find(Key(i));
      found += v && *v == i;
    }
    CHECK(found == 5000);
    CHECK(m.Find("w5000") == nullptr);
    CHECK(*m.Find("x") == 1);
  }

  TEST_CASE("FlatMap: insertion order; Clear empties it for reuse") {
    FlatMap<std::string> m;
    for (const char* k : {"zeta", "alpha", "mu", "alpha"}) m.Insert(k, std::string(k) + "!");
    std::vector<std::string> order;
    for (const auto& [k, v] : m) order.push_back(k + "=" + v);
    CHECK(order == std::vector<std::string>{"zeta=zeta!", "alpha=alpha!", "mu=mu!"});
    m.Clear();
    CHECK(m.empty());
    CHECK(m.Find("zeta") == nullptr);
    m.Insert("mu", "again");
    CHECK(*m.Find("mu") == "again");
    CHECK(m.Find("alpha") == nullptr);
  }

  TEST_CASE("FlatSet: members, non-members, keys in insertion order") {
    FlatSet s;
    for (const char* k : {"of", "and", "de", "of"}) s.Insert(k);
    struct Row {
      std::string_view probe;
      bool member;
    } rows[] = {{"of", true},  {"and", true}, {"de", true},
                {"Of", false}, {"", false},   {"an", false}};
    for (const Row& r : rows) {
      CAPTURE(r.probe);
      CHECK(s.Contains(r.probe) == r.member);
    }
    std::vector<std::string> keys;
    s.ForEach([&](const std::string& k) { keys.push_back(k); });
    CHECK(keys == std::vector<std::string>{"of", "and", "de"});
    CHECK(s.size() == 3);
  }
}

}  // namespace
}  // namespace whosaid
