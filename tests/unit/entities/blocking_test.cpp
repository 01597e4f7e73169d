// Tests for entities::Blocker: spelling variants share a key, and the
// number of candidate pairs grows with the names, not with their square.
#include "entities/blocking.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
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
