// Tests for claims/conflicts.h: which figures of one event and measure
// conflict (exact against exact, a lower bound against a smaller exact),
// which are compatible, and that sub-counts and other measures never do.
#include "claims/conflicts.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace whosaid::claims {
namespace {

Figure F(double value, std::string qualifier = "", std::string measure = "killed",
         bool subcount = false) {
  Figure f;
  f.value = value;
  f.qualifier = std::move(qualifier);
  f.measure = std::move(measure);
  f.subcount = subcount;
  f.outcome = f.measure != "troops";
  return f;
}

SourcedFigure At(std::string event, std::string doc, Figure f, std::string source = "") {
  SourcedFigure s;
  s.event = std::move(event);
  s.doc = std::move(doc);
  s.figure = std::move(f);
  s.source_entity = std::move(source);
  return s;
}

TEST_SUITE("claims.conflicts") {
  TEST_CASE("compatible figures") {
    struct Row {
      Figure a, b;
      bool compatible;
    } rows[] = {
        {F(125), F(200), false},
        {F(125), F(125), true},
        {F(46, "at least"), F(50), true},
        {F(46, "at least"), F(30), false},
        {F(1000, "more than"), F(1018), true},
        {F(1000, "more than"), F(1000), false},
        {F(125, "about"), F(130), true},
        {F(125, "about"), F(200), false},
        {F(24, "dozens"), F(60), true},
        {F(200, "hundreds"), F(1018), true},
        {F(0), F(6), false},
        {F(10, "up to"), F(8), true},
        {F(10, "fewer than"), F(10), false},
    };
    for (const Row& r : rows) {
      CAPTURE(r.a.value);
      CAPTURE(r.b.value);
      CHECK(Compatible(r.a, r.b) == r.compatible);
      CHECK(Compatible(r.b, r.a) == r.compatible);
    }
  }

  TEST_CASE("lines: conflict, compatible, sub-count, other measure, other event") {
    std::vector<SourcedFigure> in = {
        At("E2", "a", F(125)),
        At("E2", "b", F(200), "P1"),
        At("E3", "a", F(46, "at least")),
        At("E3", "b", F(50)),
        At("E3", "c", F(8, "", "civilians killed")),
        At("E3", "c", F(5, "", "civilians killed", true)),
        At("E3", "d", F(3, "", "civilians killed", true)),
        At("E10", "a", F(4, "", "wounded")),
        At("", "a", F(9, "", "wounded")),
        At("", "b", F(12, "", "wounded")),
        At("E11", "a", F(5500, "about", "troops")),
        At("E11", "b", F(7500, "", "troops")),
    };
    std::vector<FigureLine> lines = BuildLines(in);
    REQUIRE(lines.size() == 4);  // E10 and the event-less ones have one source each
    CHECK(lines[0].event == "E2");
    CHECK(lines[0].conflict);
    CHECK(lines[1].event == "E3");
    CHECK(lines[1].measure == "civilians killed");
    CHECK_FALSE(lines[1].conflict);  // sub-counts are parts, not rivals
    CHECK(lines[2].measure == "killed");
    CHECK_FALSE(lines[2].conflict);
    CHECK(lines[3].measure == "troops");
    CHECK_FALSE(lines[3].conflict);  // troops are counted in parts
  }
}

}  // namespace
}  // namespace whosaid::claims
