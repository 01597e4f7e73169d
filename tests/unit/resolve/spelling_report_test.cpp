#include "resolve/spelling_report.h"

#include <doctest/doctest.h>

#include "../support/rules_fixture.h"

namespace whosaid {
namespace {

const resolve::EntityResolver& Resolver() {
  static resolve::EntityResolver r(resolve::ResolverConfig{}, testing::Rules());
  return r;
}

const resolve::SpellingReporter& Reporter() {
  static resolve::SpellingReporter r(testing::Rules(), Resolver().clusterer().parser(),
                                     Resolver().clusterer().spelling());
  return r;
}

resolve::EntityVariant V(const std::string& form, const std::string& doc, std::size_t count = 1) {
  return {form, {doc}, {"outlet-" + doc}, count};
}

TEST_SUITE("resolve") {
  TEST_CASE("the examples in rules/spelling.txt") {
    for (const auto& ex : testing::Examples("spelling.txt")) {
      CAPTURE(ex.line);
      auto slash = ex.input.find(" / ");
      REQUIRE(slash != std::string::npos);
      CHECK(Reporter().Label(ex.input.substr(0, slash), ex.input.substr(slash + 3), true) ==
            ex.expected);
    }
  }

  TEST_CASE("spelling report: one group per differing word, majority first") {
    resolve::EntityTable table;
    resolve::Entity org;
    org.id = "O1";
    org.type = "organization";
    org.name = "Somalia’s Defense Ministry";
    org.variants = {V("Somalia’s Defence Ministry", "d1"), V("Somalia’s Defense Ministry", "d2", 2),
                    V("Somali Defense Ministry", "d3")};
    resolve::Entity person;
    person.id = "P1";
    person.type = "person";
    person.name = "Ibrahim Soomro";
    person.variants = {V("Ibrahim Soomro", "d1", 3),
                       V("Soomro", "d1")};  // a short form is not a spelling
    table.entities = {org, person};
    resolve::SpellingReport report = Reporter().Build(table);
    REQUIRE(report.groups.size() == 1);
    const auto& g = report.groups[0];
    CHECK(g.entity == "O1");
    CHECK(g.label == "British/American");
    CHECK(g.majority == "Defense");
    REQUIRE(g.variants.size() == 2);
    CHECK(g.variants[0].form == "Defense");
    CHECK(g.variants[0].count == 3);
    CHECK(g.variants[1].form == "Defence");
    CHECK(g.forms.size() == 3);
    CHECK(resolve::ToJson(report).find("\"majority\":\"Defense\"") != std::string::npos);
    CHECK(resolve::ToTable(report).find("* Defense") != std::string::npos);
  }
}

}  // namespace
}  // namespace whosaid
