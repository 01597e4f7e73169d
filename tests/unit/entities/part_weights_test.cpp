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

  TEST_CASE("ContextsOf added in order, counted, then applied, weighs as Add and Apply") {
    const NameParser& parser = testing::Clusterer().parser();
    std::vector<ParsedName> names;
    for (int i = 0; i < 60; ++i) {
      std::string given = "Zor" + std::to_string(i % 20) + "wal";
      names.push_back(parser.Parse(given + (i % 3 ? " Tarkhanov" : " Tarkhanova"),
                                   i % 4 ? EntityType::kPerson : EntityType::kOrg));
    }
    for (const char* n : {"Hedayatullah Shwarabni", "Hidayatullah Showarabani", "J. K. Tarkhanov",
                          "Tarkhanov Tarkhanov", "Mohammad Khan", "Muhammad Khan"})
      names.push_back(parser.Parse(n, EntityType::kPerson));
    PartWeights direct{WeightConfig{}}, split{WeightConfig{}};
    for (const auto& n : names) direct.Add(n);
    std::vector<PartWeights::NameContexts> contexts;
    for (auto it = names.rbegin(); it != names.rend(); ++it)  // made in another order
      contexts.insert(contexts.begin(), PartWeights::ContextsOf(*it));
    for (std::size_t k = 0; k < names.size(); ++k) split.Add(names[k].type, contexts[k]);
    split.Count();
    std::vector<ParsedName> want = names, got = names;
    for (auto& n : want) direct.Apply(n);
    for (auto& n : got) split.Apply(n);
    for (std::size_t k = 0; k < names.size(); ++k) {
      CAPTURE(k);
      REQUIRE(got[k].parts.size() == want[k].parts.size());
      for (std::size_t p = 0; p < want[k].parts.size(); ++p)
        CHECK(got[k].parts[p].weight == want[k].parts[p].weight);
    }
    CHECK(want[1].parts[1].weight < 1.0f);  // (a part shared by many weighs less)
    CHECK(PartWeights::ContextsOf(names[60]).size() == 2);
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
