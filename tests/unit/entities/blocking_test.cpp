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
}

}  // namespace whosaid::entities
