// Tests for rules/names/rewrites.txt: every example, "NAME => REWRITTEN"
// for persons and "org: NAME => REWRITTEN" for organisations.
#include <doctest/doctest.h>

#include <string>

#include "entities_fixture.h"

namespace whosaid::entities {

TEST_SUITE("entities.rewrites") {
  TEST_CASE("the examples of rewrites.txt hold") {
    const NameParser& parser = testing::Clusterer().parser();
    auto examples = testing::Examples("names/rewrites.txt");
    CHECK(examples.size() > 40);
    for (const auto& ex : examples) {
      CAPTURE(ex.line);
      CAPTURE(ex.input);
      std::string input = ex.input;
      EntityType type = EntityType::kPerson;
      if (input.rfind("org: ", 0) == 0) {
        input = input.substr(5);
        type = EntityType::kOrg;
      }
      CHECK(parser.Rewrite(parser.normalizer().Normalize(input), type) == ex.expected);
    }
  }
}

}  // namespace whosaid::entities
