#include "resolve/spelling_report.h"

#include <doctest/doctest.h>

#include "../support/rules_fixture.h"
#include "output/spelling_report.h"

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

  TEST_CASE("Transliteration is Label's \"transliteration\", both ways, person or not") {
    const auto& r = Reporter();
    for (const auto& ex : testing::Examples("spelling.txt")) {
      CAPTURE(ex.line);
      const auto slash = ex.input.find(" / ");
      REQUIRE(slash != std::string::npos);
      const std::string a = ex.input.substr(0, slash), b = ex.input.substr(slash + 3);
      for (bool person : {true, false}) {
        CAPTURE(person);
        CHECK(r.Transliteration(r.Prepare(a), r.Prepare(b), person) ==
              (r.Label(a, b, person) == "transliteration"));
        CHECK(r.Transliteration(r.Prepare(b), r.Prepare(a), person) ==
              (r.Label(b, a, person) == "transliteration"));
      }
      // the first-byte test alone (what the entity stage's pair memo asks
      // first) never rejects a transliteration
      if (r.Label(a, b, true) == "transliteration") {
        CHECK(resolve::SpellingReporter::MayTransliterate(r.Prepare(a), r.Prepare(b)));
        CHECK(resolve::SpellingReporter::MayTransliterate(r.Prepare(b), r.Prepare(a)));
      }
    }
  }

  TEST_CASE("compounds are spellings part by part only with as many parts") {
    struct Row {
      const char *a, *b, *label;
    };
    const Row rows[] = {
        {"Tehreek-e-Adalat", "Tehreek-Adalat", ""},  // a connector left out: other parts
        {"Al-Hadithi", "Hadithi", ""},               // a particle: the form comparison's
        {"Harakat-ul-Ansar", "Harakat-al-Ansar", "connector"},
    };
    for (const Row& row : rows) {
      CAPTURE(row.a);
      CHECK(Reporter().Label(row.a, row.b, true) == row.label);
      CHECK(Reporter().Label(row.b, row.a, true) == row.label);
    }
  }

  TEST_CASE("spelling report: one group per entity's spellings, its words, majority first") {
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
    resolve::Entity other;
    other.id = "P2";
    other.type = "person";
    other.name = "Karim Aziz Khattak";
    other.variants = {V("Karim Aziz Khattak", "d1", 2), V("Aziz Karim Khattak", "d2"),
                      V("Umar Farid", "d1"), V("Omar Farid Khan", "d2"), V("Farid", "d2")};
    table.entities = {org, person, other};
    resolve::SpellingReport report = Reporter().Build(table);
    REQUIRE(report.groups.size() == 3);
    const auto& g = report.groups[0];
    CHECK(g.entity == "O1");
    CHECK(g.label.find("British/American") != std::string::npos);
    CHECK(g.majority == "Somalia’s Defense Ministry");
    CHECK(g.variants.size() == 3);
    REQUIRE(g.words.size() == 1);
    CHECK(g.words[0].majority == "Defense");
    REQUIRE(g.words[0].variants.size() == 2);
    CHECK(g.words[0].variants[0].count == 3);
    CHECK(g.words[0].variants[1].form == "Defence");
    CHECK(report.groups[1].label == "word order");       // Karim Aziz / Aziz Karim
    CHECK(report.groups[2].label == "transliteration");  // Umar Farid / Omar Farid Khan
    CHECK(report.groups[2].variants.size() == 2);        // not the short form Farid
    CHECK(output::SpellingJson(report).find("\"majority\":\"Defense\"") != std::string::npos);
    CHECK(output::SpellingTable(report).find("* Somalia’s Defense Ministry") != std::string::npos);
  }

  TEST_CASE("spelling report: other names spelled alike part by part in other outlets") {
    resolve::EntityTable table;
    table.words = {V("Wadi El Kabir", "d1"), V("Wadi Al Kebir", "d2"), V("Al-Gadir", "d1"),
                   V("Al Gadir", "d2"),      V("Became", "d1"),        V("Become", "d2")};
    resolve::SpellingReport report = Reporter().Build(table);
    REQUIRE(report.groups.size() == 2);
    for (const auto& g : report.groups) {
      CHECK(g.entity.empty());
      CHECK(g.variants.size() == 2);
    }
  }
}

}  // namespace
}  // namespace whosaid
