// Tests for entities::Blocker: spelling variants share a key, and the
// number of candidate pairs grows with the names, not with their square.
#include "entities/blocking.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "entities_fixture.h"

namespace whosaid::entities {
namespace {

bool ShareKey(const std::string& a, const std::string& b) {
  const NameClusterer& c = testing::Clusterer();
  Blocker blocker(c.config().blocking);
  auto ka = blocker.Keys(c.parser().Parse(a, EntityType::kPerson));
  auto kb = blocker.Keys(c.parser().Parse(b, EntityType::kPerson));
  return std::any_of(ka.begin(), ka.end(), [&](const std::string& k) {
    return std::find(kb.begin(), kb.end(), k) != kb.end();
  });
}

}  // namespace

TEST_SUITE("entities.blocking") {
  TEST_CASE("variants share a key") {
    struct Row {
      std::string a, b;
    };
    const std::vector<Row> rows = {
        {"Hedayatullah Showarabani", "Hidayatullah Shwarbani"},
        {"Muhammad Yasir Tayrbik", "Mohamad Teir Beik"},
        {"Jamil Khan Mohammadyari", "Jamil Khan Mohadmmadyari"},
        {"Khalid Mohd Turki Alqubaie", "Khalid Al-Qubayi"},
        {"Mohammad Khan", "Muhammad Khan"},  // all common: the whole name is the key
        {"Shafiq", "Mohammad Shafiq"},
    };
    for (const Row& row : rows) {
      CAPTURE(row.a);
      CAPTURE(row.b);
      CHECK(ShareKey(row.a, row.b));
    }
    CHECK_FALSE(ShareKey("Ibrahim Soomro", "Haseebullah Toorzai"));
  }

  // Keys builds each key in one string (the type, the kind, the pieces of
  // the body): the same keys as concatenating std::strings, checked here
  // against that plain construction for names with pair keys, deletion
  // keys (a long rare part) and joined runs.
  TEST_CASE("keys are the type, the kind and the body") {
    const NameClusterer& c = testing::Clusterer();
    const BlockingConfig& config = c.config().blocking;
    Blocker blocker(config);
    auto plain = [&](const ParsedName& n) {
      std::vector<std::string> keys;
      const std::string type = EntityTypeName(n.type);
      auto tail = [](const std::string& b) { return !b.empty() && b[0] == '@' ? b.substr(1) : b; };
      for (const NamePart& p : n.parts) {
        if (p.initial || p.weight < config.single_key_min_weight) continue;
        keys.push_back(type + "1:" + p.spelling.blocking);
        for (const auto& alt : p.alternatives) {
          if (!alt.weak) keys.push_back(type + "1:" + alt.spelling.blocking);
        }
        if (p.spelling.consonants < config.deletion_min_consonants) continue;
        const std::string& b = p.spelling.blocking;
        keys.push_back(type + "d:" + b);
        for (std::size_t k = 0; k < b.size(); ++k)
          keys.push_back(type + "d:" + (b.substr(0, k) + b.substr(k + 1)));
      }
      for (std::size_t k = 0; k + 1 < n.parts.size(); ++k) {
        std::string joined = n.parts[k].spelling.blocking;
        for (std::size_t e = k + 1; e < n.parts.size() && e < k + 3; ++e) {
          if (n.parts[e].initial || n.parts[k].initial) break;
          joined += tail(n.parts[e].spelling.blocking);
          keys.push_back(type + "1:" + joined);
        }
      }
      std::vector<std::string> pieces;  // every pair of parts: a superset of the heaviest's
      for (const NamePart& p : n.parts) {
        if (!p.initial && !p.spelling.blocking.empty()) pieces.push_back(p.spelling.blocking);
      }
      std::vector<std::string> pairs;
      for (std::size_t x = 0; x < pieces.size(); ++x) {
        for (std::size_t y = x + 1; y < pieces.size(); ++y) {
          std::string a = pieces[x], b = pieces[y];
          if (b < a) std::swap(a, b);
          pairs.push_back(type + "2:" + (a + "+" + b));
        }
      }
      return std::make_pair(keys, pairs);
    };
    int pair_keys = 0, deletion_keys = 0;
    for (const char* name :
         {"Hedayatullah Showarabani", "Jamil Khan Mohammadyari", "Muhammad Yasir Teir Beik",
          "Khalid Mohd Turki Alqubaie", "Ministry of Foreign Affairs", "Mohadmmadyari"}) {
      CAPTURE(name);
      const ParsedName n = c.parser().Parse(name, EntityType::kUnknown);
      const std::vector<std::string> got = blocker.Keys(n);
      auto [keys, pairs] = plain(n);
      for (const std::string& k : keys) CHECK(std::binary_search(got.begin(), got.end(), k));
      for (const std::string& k : got) {
        CAPTURE(k);
        const bool pair = k.find("2:") != std::string::npos;
        pair_keys += pair ? 1 : 0;
        deletion_keys += k.find("d:") != std::string::npos ? 1 : 0;
        const auto& from = pair ? pairs : keys;
        CHECK(std::find(from.begin(), from.end(), k) != from.end());
      }
    }
    CHECK(pair_keys > 3);
    CHECK(deletion_keys > 5);
  }

  TEST_CASE("candidate pairs grow about linearly") {
    const NameClusterer& c = testing::Clusterer();
    Blocker blocker(c.config().blocking);
    std::vector<ParsedName> names;
    const std::string consonants = "bdfklmnprstz";
    for (int i = 0; i < 3000; ++i) {
      // Distinct given names, one surname shared by all (a block larger
      // than max_block).
      std::string given;
      for (int k = i, digits = 0; digits < 4; k /= 12, ++digits)
        given += consonants[k % 12] + std::string("a");
      names.push_back(c.parser().Parse(given + " Khanzada", EntityType::kPerson));
    }
    std::vector<const ParsedName*> ptrs;
    for (const auto& n : names) ptrs.push_back(&n);
    auto pairs = blocker.Pairs(ptrs);
    CHECK(pairs.size() <= names.size() * c.config().blocking.window * 2);
    CHECK(std::is_sorted(pairs.begin(), pairs.end()));
  }

  // Build hashes each name's keys as Keys writes them (no string per key,
  // each distinct key once): a name's candidates are the later names that
  // share one of Keys' strings (no block here is over max_block).
  TEST_CASE("Build blocks the names that share a key") {
    const NameClusterer& c = testing::Clusterer();
    Blocker blocker(c.config().blocking);
    std::vector<ParsedName> names;
    for (const char* n : {"Hedayatullah Showarabani", "Hidayatullah Shwarbani", "Shwarbani",
                          "Muhammad Yasir Tayrbik", "Mohamad Teir Beik", "Muhammad Yasir Teir Beik",
                          "Jamil Khan Mohammadyari", "Jamil Khan Mohadmmadyari", "Mohammad Khan",
                          "Muhammad Khan", "Shafiq", "Mohammad Shafiq", "Ibrahim Soomro",
                          "Haseebullah Toorzai", "", "Khan", "M Shafiq", "Mohammad Khan"})
      names.push_back(c.parser().Parse(n, EntityType::kPerson));
    names.push_back(c.parser().Parse("Ministry of Foreign Affairs", EntityType::kOrg));
    names.push_back(c.parser().Parse("Foreign Ministry", EntityType::kOrg));
    std::vector<const ParsedName*> ptrs;
    for (const auto& n : names) ptrs.push_back(&n);
    const Blocker::Index index = blocker.Build(ptrs, 2);
    std::vector<std::vector<std::string>> keys;
    for (const auto& n : names) keys.push_back(blocker.Keys(n));
    std::size_t pairs = 0;
    std::vector<std::uint32_t> got;
    for (std::uint32_t i = 0; i < names.size(); ++i) {
      CAPTURE(i);
      std::vector<std::uint32_t> want;
      for (std::uint32_t j = i + 1; j < names.size(); ++j) {
        const bool share = std::any_of(keys[i].begin(), keys[i].end(), [&](const std::string& k) {
          return std::binary_search(keys[j].begin(), keys[j].end(), k);
        });
        if (share) want.push_back(j);
      }
      index.Candidates(i, got);
      CHECK(got == want);
      pairs += want.size();
    }
    CHECK(pairs > names.size() / 2);  // (names that share keys, repeated keys among them)
  }

  TEST_CASE("Build gives the same candidates on any number of threads") {
    const NameClusterer& c = testing::Clusterer();
    Blocker blocker(c.config().blocking);
    std::vector<ParsedName> names;
    for (const char* n : {"Hedayatullah Showarabani", "Hidayatullah Shwarbani", "Shwarbani",
                          "Muhammad Yasir Tayrbik", "Mohamad Teir Beik", "Jamil Khan Mohammadyari",
                          "Jamil Khan Mohadmmadyari", "Mohammad Khan", "Muhammad Khan", "Shafiq",
                          "Mohammad Shafiq", "Ibrahim Soomro", "Haseebullah Toorzai", "", "Khan"})
      names.push_back(c.parser().Parse(n, EntityType::kPerson));
    // one shared surname past max_block, so the windowed path is taken too
    const std::string consonants = "bdfklmnprstz";
    for (int i = 0; i < 300; ++i) {
      std::string given;
      for (int k = i, digits = 0; digits < 3; k /= 12, ++digits)
        given += consonants[k % 12] + std::string("a");
      names.push_back(c.parser().Parse(given + " Khanzada", EntityType::kPerson));
    }
    std::vector<const ParsedName*> ptrs;
    for (const auto& n : names) ptrs.push_back(&n);
    const Blocker::Index one = blocker.Build(ptrs, 1);
    REQUIRE(one.size() == names.size());
    for (unsigned threads : {2u, 3u, 8u}) {
      CAPTURE(threads);
      const Blocker::Index many = blocker.Build(ptrs, threads);
      REQUIRE(many.size() == names.size());
      std::vector<std::uint32_t> a, b;
      std::size_t pairs = 0;
      for (std::uint32_t i = 0; i < names.size(); ++i) {
        CAPTURE(i);
        one.Candidates(i, a);
        many.Candidates(i, b);
        CHECK(a == b);
        pairs += a.size();
      }
      CHECK(pairs > names.size());  // (the table compares something)
    }
  }
}

}  // namespace whosaid::entities
