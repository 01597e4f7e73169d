// Tests for claims/statements.h: one statement across outlets (direct and
// direct, direct and indirect), two statements of one speaker kept apart,
// different speakers and occasions kept apart, ids independent of order.
// Invented people and sentences only.
#include "claims/statements.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "../support/rules_fixture.h"

namespace whosaid::claims {
namespace {

const TermLexicon& Lexicon() {
  static const TermLexicon lexicon(testing::Rules());
  return lexicon;
}

StatementItem Item(std::string speaker, std::string doc, std::size_t start, std::string text,
                   std::string event = "", std::string date = "") {
  return {std::move(speaker), std::move(event), std::move(date), std::move(doc), start,
          std::move(text)};
}

// A small run: Maren Okafor (P1) says two things, reported by three outlets;
// Ilyas Brandt (P2) says one of her words.
std::vector<StatementItem> Run1() {
  return {
      Item("P1", "a", 10, "The dam at Tarsk will be rebuilt before the winter rains"),
      Item("P1", "b", 40, "The dam at Tarsk will be rebuilt before the winter rains"),
      Item("P1", "c", 5, "the dam at Tarsk would be rebuilt before the winter rains"),
      Item("P1", "a", 200, "We have asked the Velda council for fuel and medicine"),
      Item("P1", "c", 300, "she had asked the Velda council for fuel and medicines"),
      Item("P2", "b", 90, "The dam at Tarsk will be rebuilt before the winter rains"),
      Item("P1", "b", 400, "Nobody in Tarsk should fear the soldiers"),
  };
}

TEST_SUITE("claims.statements") {
  TEST_CASE("same statement: direct in two outlets, indirect in a third") {
    StatementGroups g = StatementGrouper(StatementConfig{}, Lexicon()).Run(Run1());
    CHECK(g.of[0] == g.of[1]);  // direct / direct
    CHECK(g.of[0] == g.of[2]);  // direct / indirect (would, no marks)
    CHECK(g.of[3] == g.of[4]);  // we have asked / she had asked
    CHECK(g.statements[g.of[0]].appearances == 3);
    CHECK(g.statements[g.of[3]].appearances == 2);
  }

  TEST_CASE("two statements of one speaker stay apart; other speakers never join") {
    StatementGroups g = StatementGrouper(StatementConfig{}, Lexicon()).Run(Run1());
    CHECK(g.of[0] != g.of[3]);
    CHECK(g.of[0] != g.of[6]);  // shares only the place name
    CHECK(g.of[0] != g.of[5]);  // the same words from another speaker
    CHECK(g.statements[g.of[6]].appearances == 1);
  }

  TEST_CASE("the same words on two occasions far apart are two statements") {
    std::vector<StatementItem> items = {
        Item("P1", "a", 0, "We will never leave the valley of Tarsk", "E1", "2021-03-02"),
        Item("P1", "b", 0, "We will never leave the valley of Tarsk", "E2", "2023-08-19"),
        Item("P1", "c", 0, "they would never leave the valley of Tarsk", "E2", "2023-08-20"),
    };
    StatementGroups g = StatementGrouper(StatementConfig{}, Lexicon()).Run(items);
    CHECK(g.of[0] != g.of[1]);
    CHECK(g.of[1] == g.of[2]);
  }

  TEST_CASE("a record holding two statements does not chain them") {
    std::vector<StatementItem> items = {
        Item("P1", "a", 0, "The fuel convoy reached Tarsk on time"),
        Item("P1", "b", 0, "Our clinics reopened across the northern districts"),
        Item("P1", "c", 0,
             "The fuel convoy reached Tarsk on time. Our clinics reopened across the northern "
             "districts"),
    };
    StatementGroups g = StatementGrouper(StatementConfig{}, Lexicon()).Run(items);
    CHECK(g.of[0] != g.of[1]);
  }

  TEST_CASE("a title-case headline and a paraphrase in other words are the statement") {
    const std::vector<StatementItem> items = {
        Item("P1", "a", 0, "Mayor Okafor Vows To Quit Over Budget Row With Velda Council"),
        Item("P1", "b", 50, "she would resign over the budget dispute with the Velda council"),
        Item("P1", "b", 300, "the Velda council must open the winter shelters"),
    };
    const StatementGroups g = StatementGrouper(StatementConfig{}, Lexicon()).Run(items);
    CHECK(g.of[0] == g.of[1]);
    CHECK(g.of[2] != g.of[0]);
  }

  TEST_CASE("ids do not depend on input order") {
    const std::vector<StatementItem> items = Run1();
    auto ids = [](const std::vector<StatementItem>& in, const StatementGroups& g) {
      std::vector<std::string> out;
      for (std::size_t i = 0; i < in.size(); ++i) {
        out.push_back(in[i].doc + ":" + std::to_string(in[i].start) + "=" +
                      g.statements[g.of[i]].id);
      }
      std::sort(out.begin(), out.end());
      return out;
    };
    const StatementGrouper grouper(StatementConfig{}, Lexicon());
    const auto want = ids(items, grouper.Run(items));
    std::mt19937 rng(7);
    for (int round = 0; round < 5; ++round) {
      std::vector<StatementItem> shuffled = items;
      std::shuffle(shuffled.begin(), shuffled.end(), rng);
      CHECK(ids(shuffled, grouper.Run(shuffled)) == want);
    }
    StatementGroups g = grouper.Run(items);
    CHECK(g.statements[g.of[0]].id == "S1");  // doc a, offset 10 comes first
  }

  TEST_CASE("DayNumber") {
    CHECK(DayNumber("1970-01-01") == 0);
    CHECK(DayNumber("2024-03-01") - DayNumber("2024-02-28") == 2);
    CHECK(DayNumber("2024-03") == -1);
    CHECK(DayNumber("") == -1);
  }
}

}  // namespace
}  // namespace whosaid::claims
