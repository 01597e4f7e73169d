// Tests for claims/occasions.h: which documents' figures count one occasion
// (a shared event, a shared main speaker or place) and what keeps them apart
// (dates, countries, an armed action against another root), complete-link
// joining and independence of input order. Invented documents only.
#include "claims/occasions.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "../support/rules_fixture.h"

namespace whosaid::claims {
namespace {

constexpr int kMay3 = 20211;  // day number of 2025-05-03

Occasion Doc(std::string id, std::string root, int day, std::vector<std::string> speakers,
             std::vector<std::string> countries = {"Zelvania"}) {
  Occasion o;
  o.doc = std::move(id);
  o.root = std::move(root);
  if (day >= 0) o.date = events::DateRange{day, day, events::Precision::kDay};
  o.speakers = speakers;
  o.main = std::move(speakers);
  o.countries = std::move(countries);
  return o;
}

// The groups as document ids, each group's ids joined by '+', groups sorted.
std::vector<std::string> Groups(const std::vector<Occasion>& occasions) {
  const std::vector<std::size_t> of = JoinOccasions(occasions, ReadOccasionRules(testing::Rules()));
  std::vector<std::string> out;
  for (std::size_t i = 0; i < occasions.size(); ++i) {
    if (of[i] != i) continue;
    std::vector<std::string> ids;
    for (std::size_t j = 0; j < occasions.size(); ++j) {
      if (of[j] == i) ids.push_back(occasions[j].doc);
    }
    std::sort(ids.begin(), ids.end());
    std::string g;
    for (const std::string& id : ids) g += (g.empty() ? "" : "+") + id;
    out.push_back(g);
  }
  std::sort(out.begin(), out.end());
  return out;
}

TEST_SUITE("claims.occasions") {
  TEST_CASE("the examples of rules/claims/lines.txt") {
    const std::vector<Occasion> docs = {
        Doc("d1", "armed action", kMay3, {"P1"}),
        Doc("d2", "armed action", -1, {"P1"}),
        Doc("d3", "armed action", kMay3 + 58, {"P1"}),
        Doc("d4", "election", -1, {"P1"}),
    };
    CHECK(Groups(docs) == std::vector<std::string>{"d1+d2", "d3", "d4"});
  }

  TEST_CASE("no shared speaker, place or event: apart") {
    CHECK(Groups({Doc("a", "armed action", kMay3, {"P1"}),
                  Doc("b", "armed action", kMay3, {"P2"})}) == std::vector<std::string>{"a", "b"});
  }

  TEST_CASE("a speaker quoted once in each, the main speaker of neither, links nothing") {
    Occasion a = Doc("a", "armed action", -1, {"O9", "P1"});
    Occasion b = Doc("b", "armed action", -1, {"O9", "P2"});
    a.main = {"P1"};
    b.main = {"P2"};
    CHECK(Groups({a, b}) == std::vector<std::string>{"a", "b"});
  }

  TEST_CASE("a shared place below the country links, disjoint countries keep apart") {
    Occasion a = Doc("a", "armed action", -1, {});
    Occasion b = Doc("b", "armed action", -1, {});
    a.places = b.places = {"Tarsk"};
    CHECK(Groups({a, b}) == std::vector<std::string>{"a+b"});
    b.countries = {"Ostrava"};
    CHECK(Groups({a, b}) == std::vector<std::string>{"a", "b"});
  }

  TEST_CASE("one run-wide event links whatever the types and places") {
    Occasion a = Doc("a", "protest", -1, {"P1"});
    Occasion b = Doc("b", "armed action", kMay3, {"P2"}, {"Ostrava"});
    a.events = b.events = {"E4"};
    CHECK(Groups({a, b}) == std::vector<std::string>{"a+b"});
  }

  TEST_CASE("complete link: an undated document does not chain two dates") {
    const std::vector<Occasion> docs = {
        Doc("a", "armed action", kMay3, {"P1"}),
        Doc("b", "armed action", -1, {"P1"}),
        Doc("c", "armed action", kMay3 + 30, {"P1"}),
    };
    CHECK(Groups(docs) == std::vector<std::string>{"a+b", "c"});
  }

  TEST_CASE("input order does not matter") {
    std::vector<Occasion> docs = {
        Doc("a", "armed action", kMay3, {"P1"}),
        Doc("b", "armed action", -1, {"P1"}),
        Doc("c", "armed action", kMay3 + 30, {"P1"}),
        Doc("d", "armed action", kMay3 + 31, {"P1"}),
    };
    const std::vector<std::string> first = Groups(docs);
    std::reverse(docs.begin(), docs.end());
    CHECK(Groups(docs) == first);
    std::rotate(docs.begin(), docs.begin() + 1, docs.end());
    CHECK(Groups(docs) == first);
  }
}

}  // namespace
}  // namespace whosaid::claims
