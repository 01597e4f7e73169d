// Tests for entities::PartWeights: common.txt examples ("PART => WEIGHT",
// with no rarity information) and the rarity weighting.
#include "entities/part_weights.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "entities_fixture.h"

namespace whosaid::entities {

TEST_SUITE("entities.weights") {
  TEST_CASE("the examples of common.txt hold") {
    for (const auto& ex : testing::Examples("names/common.txt")) {
      CAPTURE(ex.line);
      ParsedName n = testing::Clusterer().parser().Parse(ex.input, EntityType::kPerson);
      REQUIRE(n.parts.size() == 1);
      PartWeights weights{WeightConfig{}};
      weights.Add(n);
      weights.Apply(n);
      CHECK(n.parts[0].weight == doctest::Approx(std::stof(ex.expected)));
    }
  }

  TEST_CASE("a part shared by many different names weighs little") {
    const NameParser& parser = testing::Clusterer().parser();
    PartWeights weights{WeightConfig{}};
    std::vector<ParsedName> names;
    for (int i = 0; i < 200; ++i) {
      std::string given = "Zor" + std::to_string(i) + "wal";
      names.push_back(parser.Parse(given + " Tarkhanov", EntityType::kPerson));
    }
    names.push_back(parser.Parse("Hedayatullah Shwarabni", EntityType::kPerson));
    for (const auto& n : names) weights.Add(n);
    for (auto& n : names) weights.Apply(n);
    CHECK(names[0].parts[1].weight < 0.2f);   // Tarkhanov: in 200 names
    CHECK(names[0].parts[0].weight == 1.0f);  // a given name found once
    CHECK(names.back().parts[1].weight == 1.0f);
  }

  TEST_CASE("spelling variants of one name count once") {
    const NameParser& parser = testing::Clusterer().parser();
    PartWeights weights{WeightConfig{}};
    std::vector<ParsedName> names;
    for (const char* n : {"Hedayatullah Showarabani", "Hidayatullah Shwarebni",
                          "Hedayatullah Shwarbani", "Hedayatulla Shwarabni",
                          "Hedayatullah Shwarabni", "Hidayatullah Shwarbani", "Shwarabni"}) {
      names.push_back(parser.Parse(n, EntityType::kPerson));
    }
    for (const auto& n : names) weights.Add(n);
    for (auto& n : names) weights.Apply(n);
    CHECK(names.back().parts[0].weight == 1.0f);
  }
}

}  // namespace whosaid::entities
