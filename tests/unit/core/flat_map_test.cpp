// Tests for core/flat_map.h: FlatMap / FlatSet find what was inserted (and
// nothing else) through growth and clearing, keep a key's first value, and
// iterate in insertion order; keys whose 32 hash bits agree are told apart by
// their bytes (SameBytes, core/view_hash.h, against memcmp).
#include "core/flat_map.h"

#include <doctest/doctest.h>

#include <cstring>
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

// n bytes that vary (low and high values, no two neighbours equal up to 100)
std::string Bytes(std::size_t n, unsigned seed) {
  std::string s(n, '\0');
  for (std::size_t i = 0; i < n; ++i) s[i] = static_cast<char>((seed + 37 * i + i * i) & 0xFF);
  return s;
}

TEST_SUITE("core.flat_map") {
  TEST_CASE("SameBytes: the rows, and memcmp's answer over every length and differing byte") {
    struct Row {
      std::string_view a, b;  // of one length
      bool same;
    } rows[] = {
        {"", "", true},
        {"a", "a", true},
        {"a", "b", false},
        {"ab", "ac", false},
        {"ab", "bb", false},
        {"abc", "abd", false},
        {"abc", "aXc", false},  // the middle byte (n / 2) of three
        {"abcd", "abcd", true},
        {"abcd", "abce", false},
        {"abcde", "abXde", false},  // only in the overlap of the two 4-byte loads
        {"minister", "ministeR", false},
        {"ministers", "ministers", true},
        {"ministers", "minisXers", false},
        {"abcdefghijkl", "abcdXfghijkl", false},            // byte 4 of 12: the first load only
        {"abcdefghijkl", "abcdefghXjkl", false},            // byte 8 of 12: the second load only
        {"abcdefghijklmnop", "abcdefghijklmnoP", false},    // 16: the last byte
        {"abcdefghijklmnopq", "abcdefghijklmnopQ", false},  // 17: memcmp
        {"a much longer word than sixteen", "a much longer word than sixteen", true},
    };
    for (const Row& r : rows) {
      CAPTURE(r.a);
      CAPTURE(r.b);
      REQUIRE(r.a.size() == r.b.size());
      CHECK(SameBytes(r.a.data(), r.b.data(), r.a.size()) == r.same);
      CHECK((std::memcmp(r.a.data(), r.b.data(), r.a.size()) == 0) == r.same);
    }
    // every length to 40, copies at another (unaligned) address, each byte
    // changed by a low bit, the high bit and all bits: never the same
    for (std::size_t n = 0; n <= 40; ++n) {
      const std::string a = Bytes(n, static_cast<unsigned>(n));
      const std::string padded = "x" + a;
      const char* b = padded.data() + 1;
      CAPTURE(n);
      CHECK(SameBytes(a.data(), b, n));
      for (std::size_t i = 0; i < n; ++i)
        for (unsigned flip : {0x01u, 0x80u, 0xFFu}) {
          std::string c = padded;
          c[1 + i] = static_cast<char>(c[1 + i] ^ flip);
          CAPTURE(i);
          CAPTURE(flip);
          CHECK_FALSE(SameBytes(a.data(), c.data() + 1, n));
          CHECK_FALSE(SameBytes(c.data() + 1, a.data(), n));
        }
    }
  }

  TEST_CASE("FlatMap: keys whose hashes agree are told apart by their bytes") {
    // Each near miss of a key (one byte changed, one byte fewer or more) is
    // probed with the key's own hash: the probe meets the key's slot, whose
    // 32 hash bits agree, so only the compare of the lengths and bytes
    // decides (with their real hashes such pairs are rare).
    FlatMap<int> m;
    std::vector<std::string> keys;
    for (std::size_t n = 0; n <= 24; ++n) keys.push_back(Bytes(n, 7));
    for (const char* k : {"said", "sail", "minister", "ministers"}) keys.emplace_back(k);
    for (std::size_t k = 0; k < keys.size(); ++k) m.Insert(keys[k], static_cast<int>(k));
    REQUIRE(m.size() == keys.size());
    const auto held = [&](const std::string& s) {
      for (const std::string& k : keys)
        if (k == s) return true;
      return false;
    };
    for (std::size_t k = 0; k < keys.size(); ++k) {
      const std::string& key = keys[k];
      const std::uint64_t h = HashBytes(key);
      CAPTURE(key);
      const int* v = m.Find(key, h);
      REQUIRE(v != nullptr);
      CHECK(*v == static_cast<int>(k));
      for (std::size_t i = 0; i < key.size(); ++i)
        for (unsigned flip : {0x01u, 0x20u, 0x80u}) {
          std::string near = key;
          near[i] = static_cast<char>(near[i] ^ flip);
          CAPTURE(i);
          CAPTURE(flip);
          if (!held(near)) CHECK(m.Find(near, h) == nullptr);
        }
      if (!key.empty()) {
        const std::string shorter[] = {key.substr(1), key.substr(0, key.size() - 1)};
        for (const std::string& s : shorter)
          if (!held(s)) CHECK(m.Find(s, h) == nullptr);
      }
      if (!held(key + "s")) CHECK(m.Find(key + "s", h) == nullptr);
    }
  }

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
