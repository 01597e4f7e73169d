// Tests for attribution/people_index.h: recency, ties and the word lookup
// that coreference relies on (and that must not cost O(n) per query).
#include "attribution/people_index.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace whosaid::attribution {
namespace {

std::string NameOf(const KnownPerson* p) { return p ? p->name : "-"; }

// Ihsanullah Tipu (unit 10, analyst), Amir Rana (20, analyst),
// Ali Tipu (30, minister); then Ihsanullah Tipu seen again at 40; and a
// person known only as "Tipu" at 50.
PeopleIndex Sample() {
  PeopleIndex people;
  people.Remember({"Ihsanullah Tipu", "security analyst", "", "analyst", 10});
  people.Remember({"Amir Rana", "security analyst", "", "analyst", 20});
  people.Remember({"Ali Tipu", "minister", "", "minister", 30});
  people.Remember({"Ihsanullah Tipu", "", "PIPS", "", 40});
  people.Remember({"Tipu", "", "", "", 50});
  return people;
}

}  // namespace

TEST_SUITE("attribution") {
  TEST_CASE("people index: the most recent person by unit, role and name word") {
    const PeopleIndex people = Sample();
    struct Row {
      std::string what;
      const KnownPerson* got;
      std::string expected;
    };
    const std::vector<Row> rows = {
        {"before unit 0", people.Before(0), "-"},
        {"before 20: strictly before", people.Before(20), "-"},  // Ihsanullah Tipu moved to 40
        {"before 31", people.Before(31), "Ali Tipu"},
        {"before 45", people.Before(45), "Ihsanullah Tipu"},
        {"analyst at 25", people.WithRole("analyst", 25), "Amir Rana"},
        {"analyst at 45", people.WithRole("analyst", 45), "Ihsanullah Tipu"},
        {"no such role", people.WithRole("senator", 99), "-"},
        {"Tipu at 35", people.WithWord("Tipu", 35), "Ali Tipu"},
        {"Tipu at 60: not the bare Tipu", people.WithWord("Tipu", 60), "Ihsanullah Tipu"},
        {"Tipu at 5: none before, the first known", people.WithWord("Tipu", 5), "Ihsanullah Tipu"},
        {"Rana at 99", people.WithWord("Rana", 99), "Amir Rana"},
        {"a word of nobody", people.WithWord("Khan", 99), "-"},
        {"find", people.Find("Amir Rana"), "Amir Rana"},
    };
    for (const Row& row : rows) {
      CAPTURE(row.what);
      CHECK(NameOf(row.got) == row.expected);
    }
  }

  TEST_CASE("people index: a second mention fills a missing role or affiliation, keeps the first") {
    const PeopleIndex people = Sample();
    const KnownPerson* tipu = people.Find("Ihsanullah Tipu");
    REQUIRE(tipu);
    CHECK(tipu->role == "security analyst");  // not replaced by the later empty role
    CHECK(tipu->affiliation == "PIPS");       // filled in
    CHECK(tipu->unit == 40);
  }

  TEST_CASE("people index: ties at one unit go to the person known first") {
    PeopleIndex people;
    people.Remember({"Amir Rana", "", "", "", 7});
    people.Remember({"Ali Rana", "", "", "", 7});
    CHECK(NameOf(people.Before(8)) == "Amir Rana");
    CHECK(NameOf(people.WithWord("Rana", 8)) == "Amir Rana");
    people.Remember({"Rana", "", "", "", 7});  // the bare word is skipped, not the tie
    CHECK(NameOf(people.WithWord("Rana", 8)) == "Amir Rana");
  }
}

}  // namespace whosaid::attribution
