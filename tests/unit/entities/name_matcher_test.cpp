// Tests for entities::NameMatcher: must-match and must-not-match pairs,
// judged by the names alone (weights from the two names and common.txt).
#include "entities/name_matcher.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "entities/part_weights.h"
#include "entities_fixture.h"

namespace whosaid::entities {
namespace {

PairMatch Compare(const std::string& a, const std::string& b, EntityType type) {
  const NameClusterer& c = testing::Clusterer();
  ParsedName x = c.parser().Parse(a, type), y = c.parser().Parse(b, type);
  PartWeights weights{WeightConfig{}};
  weights.Add(x);
  weights.Add(y);
  weights.Apply(x);
  weights.Apply(y);
  PartComparer parts(c.spelling());
  return c.matcher().Compare(x, y, parts);
}

}  // namespace

TEST_SUITE("entities.matcher") {
  TEST_CASE("pairs of names") {
    using R = Relation;
    using S = Strength;
    constexpr EntityType P = EntityType::kPerson, O = EntityType::kOrg;
    struct Row {
      std::string a, b;
      EntityType type;
      Relation relation;
      Strength strength;
    };
    // clang-format off
    const std::vector<Row> rows = {
        // spelling variants
        {"Enayatullah Khowarazami", "Enayatullah Khwarzami", P, R::kEqual, S::kStrong},
        {"Mufti Enayatullah Khwarazmi", "Inayatullah Khwarezmi", P, R::kEqual, S::kStrong},
        {"Abd al-Rahman Milad", "Abdurrahman Milad", P, R::kEqual, S::kStrong},
        {"Muhammad Nasif Khayrbik", "Mohamad Nasif Kheir Beik", P, R::kEqual, S::kStrong},
        {"Muhammad Hadi Fayhan Al-Anzi", "Mohammad H F Alanizi", P, R::kEqual, S::kStrong},
        {"Hatim Ahmad Barakat", "Hatam Ahmad Barakat", P, R::kEqual, S::kStrong},
        {"Tohami Khaled", "Khaled Al-Tuhami", P, R::kEqual, S::kStrong},
        // short forms
        {"Sadiq", "Mohammad Sadiq", P, R::kFirstShort, S::kStrong},
        {"Muhammad Abbas", "Mohammad Hassan Abbas", P, R::kFirstShort, S::kStrong},
        {"Asad Khan Mohammadhasni", "Haji Asad Khan Zarkari Mohammadhasni", P, R::kFirstShort, S::kStrong},
        // only with context
        {"Mohammad Sadi", "Sadiq", P, R::kSecondShort, S::kWeak},
        {"Mohammad Sadi", "Mohammad Sadiq", P, R::kEqual, S::kWeak},
        {"Ali Hasan", "Hasan Ali", P, R::kEqual, S::kWeak},
        {"Ahmad Al-Shami", "Abdelkader Kassim Ahmed Al Shami", P, R::kFirstShort, S::kWeak},
        {"Abdur Rahman", "Abdul Rehman", P, R::kEqual, S::kWeak},
        // different people
        {"Amir Rana", "Amir Khan Muttaqi", P, R::kConflict, S::kNone},
        {"Yahya Sarei", "Rajeh Sarei", P, R::kConflict, S::kNone},
        {"Hasan Barakat", "Husayn Barakat", P, R::kConflict, S::kNone},
        {"Amir Barakat", "Omar Barakat", P, R::kConflict, S::kNone},
        {"Oluwole A. Ogungbuyi", "Abeni O. Ogungbuyi", P, R::kConflict, S::kNone},
        {"Zahid Khan", "Zahedi Khan", P, R::kEqual, S::kWeak},
        // organisations
        {"Afghanistan’s Defence Ministry", "Afghan Defense Ministry", O, R::kEqual, S::kStrong},
        {"Taliban defense ministry", "Afghanistan's Defense Ministry", O, R::kEqual, S::kStrong},
        {"Pakistan Taliban", "Afghan Taliban", O, R::kConflict, S::kNone},
        {"Interior Ministry", "Ministry of Foreign Affairs", O, R::kConflict, S::kNone},
        {"Ministry of Foreign Affairs", "Pakistani Foreign Office", O, R::kFirstShort, S::kStrong},
        {"Pakistan Taliban", "Tehreek-e-Taliban Pakistan", O, R::kFirstShort, S::kStrong},
        {"Lashkar-e-Tayyiba", "Lashkar-i-Taiba", O, R::kEqual, S::kStrong},
    };
    // clang-format on
    for (const Row& row : rows) {
      CAPTURE(row.a);
      CAPTURE(row.b);
      PairMatch m = Compare(row.a, row.b, row.type);
      CAPTURE(m.rule);
      CHECK(RelationName(m.relation) == std::string(RelationName(row.relation)));
      CHECK(static_cast<int>(m.strength) == static_cast<int>(row.strength));
      PairMatch back = Compare(row.b, row.a, row.type);  // symmetric
      CHECK(static_cast<int>(back.strength) == static_cast<int>(m.strength));
    }
  }

  TEST_CASE("explanations name the aligned parts") {
    const NameClusterer& c = testing::Clusterer();
    ParsedName x = c.parser().Parse("Enayatullah Khowarazami", EntityType::kPerson);
    ParsedName y = c.parser().Parse("Enayatullah Khwarzami", EntityType::kPerson);
    PartComparer parts(c.spelling());
    PairMatch m = c.matcher().Compare(x, y, parts);
    CHECK(NameMatcher::Explain(x, y, m) ==
          "enayatullah=enayatullah (exact), khowarazami~khwarzami (spelling)");
  }
}

}  // namespace whosaid::entities
