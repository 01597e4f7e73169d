// Tests for core/places.h: rules/places.txt read by its one loader.
#include "core/places.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "../support/rules_fixture.h"

namespace whosaid::rules {
namespace {

std::shared_ptr<const RuleSet> WithPlaces(const std::string& content) {
  return testing::Rules().With("places.txt", RuleFile::Parse("places.txt", content));
}

TEST_SUITE("core.places") {
  TEST_CASE("CommaList: items trimmed, empty ones dropped") {
    struct Row {
      std::string list;
      std::vector<std::string> expected;
    } rows[] = {
        {"Valdorian, Valdorians", {"Valdorian", "Valdorians"}},
        {"  a ,b,, c  ", {"a", "b", "c"}},
        {"", {}},
        {" , ", {}},
        {"U.S., US", {"U.S.", "US"}},
    };
    for (const Row& r : rows) {
      CAPTURE(r.list);
      CHECK(CommaList(r.list) == r.expected);
    }
  }

  TEST_CASE("ReadPlaces: entries in file order, fields as written") {
    auto rules = WithPlaces(
        "# invented\nValdoria | Port Amsel | Valdorian, Valdorians\nKessland | Brev | "
        "Kesslander,\n");
    auto places = ReadPlaces(*rules);
    REQUIRE(places.size() == 2);
    CHECK(places[0].name == "Valdoria");
    CHECK(places[0].capital == "Port Amsel");
    CHECK(places[0].demonyms == std::vector<std::string>{"Valdorian", "Valdorians"});
    CHECK(places[0].line == 2);
    CHECK(places[1].demonyms == std::vector<std::string>{"Kesslander"});
  }

  TEST_CASE("ReadPlaces: an entry without three fields names the file and line") {
    auto rules = WithPlaces("Valdoria | Port Amsel | Valdorian\nKessland | Brev\n");
    CHECK_THROWS_WITH_AS(ReadPlaces(*rules),
                         doctest::Contains("places.txt:2: expected COUNTRY | CAPITAL | DEMONYMS"),
                         ConfigError);
  }

  TEST_CASE("Places: countries and capitals are places, demonyms as written") {
    auto rules = WithPlaces("Valdoria | Port Amsel | Valdorian, Valdorians\n");
    const Places places(*rules);
    REQUIRE(places.countries().size() == 1);
    struct Row {
      std::string word;
      bool place, demonym;
    } rows[] = {
        {"Valdoria", true, false},   {"Port Amsel", true, false}, {"Valdorian", false, true},
        {"Valdorians", false, true}, {"valdoria", false, false},  {"Port", false, false},
    };
    for (const Row& r : rows) {
      CAPTURE(r.word);
      CHECK(places.IsPlace(r.word) == r.place);
      CHECK(places.IsDemonym(r.word) == r.demonym);
    }
  }

  TEST_CASE("RuleSet::Shared: one Places per rule set, none carried into a changed copy") {
    auto rules = WithPlaces("Valdoria | Port Amsel | Valdorian\n");
    const Places& once = rules->Shared<Places>();
    CHECK(&rules->Shared<Places>() == &once);
    CHECK(once.IsPlace("Valdoria"));
    auto changed =
        rules->With("places.txt", RuleFile::Parse("places.txt", "Kessland | Brev | Kesslander\n"));
    const Places& other = changed->Shared<Places>();
    CHECK(&other != &once);
    CHECK(other.IsPlace("Brev"));
    CHECK_FALSE(other.IsPlace("Valdoria"));
    // A bad file throws each time it is asked for, and nothing is kept.
    auto bad = WithPlaces("Valdoria | Port Amsel\n");
    CHECK_THROWS_AS(bad->Shared<Places>(), ConfigError);
    CHECK_THROWS_WITH_AS(bad->Shared<Places>(), doctest::Contains("places.txt:1:"), ConfigError);
  }

  TEST_CASE("the project's places.txt reads") {
    auto places = ReadPlaces(testing::Rules());
    CHECK(places.size() > 10);
    for (const Country& c : places) {
      CAPTURE(c.line);
      CHECK_FALSE(c.name.empty());
      CHECK_FALSE(c.capital.empty());
    }
  }
}

}  // namespace
}  // namespace whosaid::rules
