// Tests for events/cluster.h: one id per real-world event across the
// documents of a run (ClusterEvents), the EventRef a group reads as
// (Summarize) and the quote records' `event` (AssignEvents). The document
// events are written by hand, as the per-document stage would give them.
#include "events/cluster.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdio>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "events_fixture.h"

namespace whosaid {
namespace {

using Path = std::vector<std::string>;
using testing::Ev;

events::Actor State(const std::string& country) { return {country, country}; }
events::Actor Group(const std::string& name) { return {name, ""}; }

events::DocEvents Doc(const std::string& id, const std::string& anchor,
                      std::vector<events::DocEvent> evs) {
  events::DocEvents d;
  d.doc = id;
  d.anchor = events::ParseIsoDate(anchor);
  d.events = std::move(evs);
  return d;
}

const Path kManbij = {"Syria", "Aleppo", "Manbij"};
const Path kAfrin = {"Syria", "Aleppo", "Afrin"};
const Path kAleppo = {"Syria", "Aleppo"};
const Path kIdlib = {"Syria", "Idlib"};
const Path kSyria = {"Syria"};
const Path kSinjar = {"Iraq", "Nineveh", "Sinjar"};
const Path kNineveh = {"Iraq", "Nineveh"};

// Whether the first event of document "a" and that of document "b" get one id.
bool Merged(const events::DocEvents& a, const events::DocEvents& b) {
  auto index = events::ClusterEvents({a, b});
  return index.Find(0, 0) == index.Find(1, 0);
}

TEST_SUITE("events") {
  // Regression: statements, debates and meetings of different days, places
  // and people were merged across documents by type and month alone.
  TEST_CASE(
      "cluster: statements, meetings and other local events merge only on a day and a place or "
      "actor") {
    const Path kCity = {"United States", "Ohio", "Cleveland"};
    const Path kOtherCity = {"United States", "Ohio", "Columbus"};
    const Path kCountry = {"United States"};
    struct Row {
      std::string name;
      events::DocEvent a, b;
      bool merged;
    } rows[] = {
        {"statement, same day and city", Ev("statement", {kCity}, {}, "2016-06-02"),
         Ev("statement", {kCity}, {}, "2016-06-02"), true},
        {"meeting, same day and actor", Ev("meeting", {}, {State("France")}, "2016-06-02"),
         Ev("meeting", {}, {State("France")}, "2016-06-03"), true},
        {"debate, same day, city and country", Ev("debate", {kCity}, {}, "2016-06-02"),
         Ev("debate", {kCountry}, {}, "2016-06-02"), false},
        {"meeting, same month only", Ev("meeting", {kCity}, {}, "2016-06"),
         Ev("meeting", {kCity}, {}, "2016-06"), false},
        {"meeting, same day, other cities", Ev("meeting", {kCity}, {}, "2016-06-02"),
         Ev("meeting", {kOtherCity}, {}, "2016-06-02"), false},
        {"statement, same day, nothing shared", Ev("statement", {}, {}, "2016-06-02"),
         Ev("statement", {}, {}, "2016-06-02"), false},
        {"statement, undated", Ev("statement", {kCity}, {}, ""), Ev("statement", {kCity}, {}, ""),
         false},
        {"rally, a day and undated", Ev("rally", {kCity}, {}, "2016-06-02"),
         Ev("rally", {kCity}, {}, ""), false},
        {"not local: election, same month", Ev("election", {kCountry}, {}, "2016-11"),
         Ev("election", {kCountry}, {}, "2016-11"), true},
    };
    for (const Row& r : rows) {
      CAPTURE(r.name);
      CHECK(Merged(Doc("a", "2016-06-03", {r.a}), Doc("b", "2016-06-03", {r.b})) == r.merged);
    }
  }

  // NeverAgrees: an event no event agrees with is its own cluster and no
  // scan visits it; copies of it in many documents stay apart, events that
  // can agree still find each other around them, in any document order.
  TEST_CASE("cluster: events no event agrees with stay alone, the others cluster as before") {
    const Path kCity = {"United States", "Ohio", "Cleveland"};
    const Path kCountry = {"United States"};
    struct Row {
      std::string name;
      events::DocEvent e;
      bool copies_merge;
    } rows[] = {
        {"statement, undated", Ev("statement", {kCity}, {}, ""), false},
        {"meeting, by month", Ev("meeting", {kCity}, {State("France")}, "2016-06"), false},
        {"statement, a day, country only", Ev("statement", {kCountry}, {}, "2016-06-02"), false},
        {"statement, a day, nothing", Ev("statement", {}, {}, "2016-06-02"), false},
        {"statement, a day and a city", Ev("statement", {kCity}, {}, "2016-06-02"), true},
        {"meeting, a day and an actor", Ev("meeting", {kCountry}, {State("France")}, "2016-06-02"),
         true},
        {"election, by month (not local)", Ev("election", {kCountry}, {}, "2016-06"), true},
    };
    for (const Row& r : rows) {
      for (bool reversed : {false, true}) {
        CAPTURE(r.name);
        CAPTURE(reversed);
        std::vector<events::DocEvents> docs;
        for (const char* id : {"a", "b", "c"}) {
          docs.push_back(
              Doc(id, "2016-06-03", {r.e, Ev("airstrike", {kManbij}, {}, "2016-06-01")}));
        }
        if (reversed) std::reverse(docs.begin(), docs.end());
        const auto index = events::ClusterEvents(docs);
        CHECK((index.Find(0, 0) == index.Find(1, 0)) == r.copies_merge);
        CHECK((index.Find(1, 0) == index.Find(2, 0)) == r.copies_merge);
        CHECK(index.Find(0, 1) == index.Find(1, 1));
        CHECK(index.Find(1, 1) == index.Find(2, 1));
        CHECK(index.events.size() == (r.copies_merge ? 2u : 4u));
      }
    }
  }

  TEST_CASE("cluster: two document events merge when type, place, actors and date agree") {
    struct Row {
      std::string name;
      events::DocEvent a, b;
      bool merged;
    };
    const std::vector<Row> rows = {
        {"the same", Ev("airstrike", {kManbij}, {State("Turkey")}, "2024-11-06"),
         Ev("airstrike", {kManbij}, {State("Turkey")}, "2024-11-06"), true},
        {"airstrike / attack", Ev("airstrike", {kManbij}, {}, "2024-11-06"),
         Ev("attack", {kManbij}, {}, "2024-11-06"), true},
        {"a district within its province", Ev("airstrike", {kManbij}, {}, "2024-11-06"),
         Ev("airstrike", {kAleppo}, {}, "2024-11-06"), true},
        {"a district within its country", Ev("airstrike", {kManbij}, {}, "2024-11-06"),
         Ev("airstrike", {kSyria}, {}, "2024-11-06"), true},
        {"no place said", Ev("airstrike", {kManbij}, {}, "2024-11-06"),
         Ev("airstrike", {}, {}, "2024-11-06"), true},
        {"two days apart", Ev("airstrike", {kManbij}, {}, "2024-11-06"),
         Ev("airstrike", {kManbij}, {}, "2024-11-08"), true},
        {"the month of the day", Ev("airstrike", {kManbij}, {}, "2024-11-06"),
         Ev("airstrike", {kManbij}, {}, "2024-11"), true},
        {"an army and its state",
         Ev("airstrike", {kManbij}, {{"Turkish Armed Forces", "Turkey"}}, "2024-11-06"),
         Ev("airstrike", {kManbij}, {State("Turkey")}, "2024-11-06"), true},
        // and apart
        {"three days apart", Ev("airstrike", {kManbij}, {}, "2024-11-06"),
         Ev("airstrike", {kManbij}, {}, "2024-11-09"), false},
        {"same place, another month", Ev("airstrike", {kManbij}, {}, "2024-10-06"),
         Ev("airstrike", {kManbij}, {}, "2024-11-06"), false},
        {"same place, a day outside the month", Ev("airstrike", {kManbij}, {}, "2024-10"),
         Ev("airstrike", {kManbij}, {}, "2024-11-06"), false},
        {"strike / retaliation", Ev("airstrike", {kManbij}, {}, "2024-11-06"),
         Ev("retaliatory strike", {kManbij}, {}, "2024-11-06"), false},
        {"strike / meeting", Ev("airstrike", {kAleppo}, {}, "2024-11-06"),
         Ev("meeting", {kAleppo}, {}, "2024-11-06"), false},
        {"two districts of one province", Ev("airstrike", {kManbij}, {}, "2024-11-06"),
         Ev("airstrike", {kAfrin}, {}, "2024-11-06"), false},
        {"two provinces", Ev("airstrike", {kAleppo}, {}, "2024-11-06"),
         Ev("airstrike", {kIdlib}, {}, "2024-11-06"), false},
        {"two countries", Ev("airstrike", {kManbij}, {}, "2024-11-06"),
         Ev("airstrike", {kSinjar}, {}, "2024-11-06"), false},
        {"two states acting", Ev("airstrike", {kManbij}, {State("Turkey")}, "2024-11-06"),
         Ev("airstrike", {kManbij}, {State("Russia")}, "2024-11-06"), false},
        {"a state and a group", Ev("attack", {kManbij}, {State("Turkey")}, "2024-11-06"),
         Ev("attack", {kManbij}, {Group("Islamic State")}, "2024-11-06"), false},
    };
    for (const Row& r : rows) {
      CAPTURE(r.name);
      CHECK(Merged(Doc("a", "2024-11-10", {r.a}), Doc("b", "2024-11-10", {r.b})) == r.merged);
      CHECK(Merged(Doc("a", "2024-11-10", {r.b}), Doc("b", "2024-11-10", {r.a})) == r.merged);
    }
  }

  TEST_CASE(
      "cluster: an undated event joins only the one cluster dated shortly before its document "
      "(any, when the document is undated)") {
    const auto dated = Ev("airstrike", {kManbij}, {}, "2024-11-06");
    struct Row {
      std::string name;
      std::string anchor;  // of the undated event's document
      events::DocEvent undated;
      bool merged;
    };
    const std::vector<Row> rows = {
        {"shares the district, document two days later", "2024-11-08", Ev("airstrike", {kManbij}),
         true},
        {"shares the province", "2024-11-08", Ev("attack", {kAleppo}), true},
        {"document the same day", "2024-11-06", Ev("airstrike", {kManbij}), true},
        {"document a week later", "2024-11-13", Ev("airstrike", {kManbij}), true},
        {"document eight days later", "2024-11-14", Ev("airstrike", {kManbij}), false},
        {"document before the event", "2024-11-05", Ev("airstrike", {kManbij}), false},
        {"document undated: an undated report of the one dated event", "",
         Ev("airstrike", {kManbij}), true},
        {"document undated, no place below country", "", Ev("airstrike", {kSyria}), false},
        {"only the country in common", "2024-11-08", Ev("airstrike", {kSyria}), false},
        {"no place", "2024-11-08", Ev("airstrike", {}), false},
        {"another district", "2024-11-08", Ev("airstrike", {kAfrin}), false},
        {"a retaliation", "2024-11-08", Ev("retaliatory strike", {kManbij}), false},
    };
    for (const Row& r : rows) {
      CAPTURE(r.name);
      CHECK(Merged(Doc("a", "2024-11-07", {dated}), Doc("b", r.anchor, {r.undated})) == r.merged);
    }
    // Two clusters it might join: it joins neither.
    auto index = events::ClusterEvents(
        {Doc("a", "2024-11-07", {dated}),
         Doc("b", "2024-11-07", {Ev("airstrike", {kManbij}, {}, "2024-11-03")}),
         Doc("c", "2024-11-08", {Ev("airstrike", {kManbij})})});
    CHECK(index.events.size() == 3);
  }

  TEST_CASE("cluster: one story's armed events named by other types in other outlets") {
    // Outlets call one day's fighting "clashes", "attacks" or "the capture
    // of the city"; types of one family (types.txt) merge across documents.
    CHECK(Merged(Doc("a", "2024-11-07", {Ev("clash", {kManbij}, {}, "2024-11-06")}),
                 Doc("b", "2024-11-07", {Ev("capture", {kManbij}, {}, "2024-11-06")})));
    CHECK(Merged(Doc("a", "2024-11-07", {Ev("clash", {kAleppo}, {}, "2024-11-06")}),
                 Doc("b", "2024-11-07", {Ev("airstrike", {kManbij}, {}, "2024-11-06")})));
    // Not a retaliation (another event), not elsewhere or on another day.
    CHECK_FALSE(
        Merged(Doc("a", "2024-11-07", {Ev("clash", {kManbij}, {}, "2024-11-06")}),
               Doc("b", "2024-11-07", {Ev("retaliatory strike", {kManbij}, {}, "2024-11-06")})));
    CHECK_FALSE(Merged(Doc("a", "2024-11-07", {Ev("clash", {kManbij}, {}, "2024-11-06")}),
                       Doc("b", "2024-11-07", {Ev("capture", {kAfrin}, {}, "2024-11-06")})));
    CHECK_FALSE(Merged(Doc("a", "2024-11-07", {Ev("clash", {kManbij}, {}, "2024-11-01")}),
                       Doc("b", "2024-11-07", {Ev("capture", {kManbij}, {}, "2024-11-06")})));
    // Within one document only one day's fighting is one event ("the
    // clashes", "the capture of the airport"); other days keep them apart.
    auto index = events::ClusterEvents({Doc(
        "a", "2024-11-07",
        {Ev("clash", {kManbij}, {}, "2024-11-06"), Ev("capture", {kManbij}, {}, "2024-11-06")})});
    CHECK(index.events.size() == 1);
    index = events::ClusterEvents({Doc(
        "a", "2024-11-07",
        {Ev("clash", {kManbij}, {}, "2024-11-05"), Ev("capture", {kManbij}, {}, "2024-11-06")})});
    CHECK(index.events.size() == 2);
  }

  TEST_CASE("cluster: type agreement from the run's table of types (Store::Seal), both orders") {
    // A first document of other types (another day, another place: they
    // join nothing) puts more types in the run's table than the pair and
    // gives the pair's types other slots than 0 and 1.
    const events::DocEvents others = Doc(
        "o", "2024-01-02",
        {Ev("meeting", {kSinjar}, {}, "2024-01-01"), Ev("election", {kSinjar}, {}, "2024-01-01"),
         Ev("clash", {kSinjar}, {}, "2024-01-01"), Ev("sanction", {kSinjar}, {}, "2024-01-01")});
    struct Row {
      const char *a, *b;
      bool merged;
    } rows[] = {
        {"airstrike", "attack", true},  // one below the other
        {"attack", "airstrike", true},
        {"airstrike", "airstrike", true},
        {"airstrike", "shooting", true},             // siblings of one family, two documents
        {"airstrike", "retaliatory strike", false},  // siblings, no family in common
        {"retaliatory strike", "airstrike", false},
        {"arrest", "disaster", false},
        {"arrest", "arrest", true},
    };
    for (const Row& r : rows) {
      CAPTURE(r.a);
      CAPTURE(r.b);
      const auto a = Doc("a", "2024-11-07", {Ev(r.a, {kManbij}, {}, "2024-11-06")});
      const auto b = Doc("b", "2024-11-07", {Ev(r.b, {kManbij}, {}, "2024-11-06")});
      CHECK(Merged(a, b) == r.merged);
      const auto index = events::ClusterEvents({others, a, b});
      CHECK((index.Find(1, 0) == index.Find(2, 0)) == r.merged);
    }
  }

  TEST_CASE("cluster: a name the gazetteer lacks says nothing about where") {
    // "arrested in the Kiru Trust case" (read as a place) and "arrested in
    // Aleppo": one arrest; two such names, or the same one, never part events.
    const Path kTrust = {"Kiru Trust"};
    auto bare = [](events::DocEvent e) {
      for (auto& p : e.places) p.known = p.path.size() > 1 || p.path == kSyria;
      return e;
    };
    CHECK(Merged(Doc("a", "2024-11-07", {bare(Ev("arrest", {kTrust}, {}, "2024-11-06"))}),
                 Doc("b", "2024-11-07", {bare(Ev("arrest", {kAleppo}, {}, "2024-11-06"))})));
    CHECK(Merged(
        Doc("a", "2024-11-07", {bare(Ev("arrest", {kTrust}, {}, "2024-11-06"))}),
        Doc("b", "2024-11-07", {bare(Ev("arrest", {Path{"Dolan Gate"}}, {}, "2024-11-06"))})));
    CHECK_FALSE(Merged(Doc("a", "2024-11-07", {bare(Ev("arrest", {kManbij}, {}, "2024-11-06"))}),
                       Doc("b", "2024-11-07", {bare(Ev("arrest", {kIdlib}, {}, "2024-11-06"))})));
    // Shared by an undated report and a dated one: a place below country.
    CHECK(Merged(Doc("a", "2024-11-07", {bare(Ev("arrest", {kTrust}, {}, "2024-11-06"))}),
                 Doc("b", "2024-11-08", {bare(Ev("arrest", {kTrust}))})));
  }

  TEST_CASE("cluster: the story of a document joins its one dated cluster") {
    // The event a dated document's lead reports, undated and said only by
    // country, is the one agreeing event of the days before; in an undated
    // document it must share a country (of a place or an actor).
    auto story = [](events::DocEvent e) {
      e.story = true;
      return e;
    };
    const auto dated = Ev("airstrike", {kManbij}, {}, "2024-11-06");
    CHECK(Merged(Doc("a", "2024-11-07", {dated}),
                 Doc("b", "2024-11-08", {story(Ev("airstrike", {kSyria}))})));
    CHECK(Merged(Doc("a", "2024-11-07", {dated}),
                 Doc("b", "2024-11-08", {story(Ev("airstrike", {}))})));
    CHECK_FALSE(Merged(Doc("a", "2024-11-07", {dated}),
                       Doc("b", "2024-11-08", {Ev("airstrike", {kSyria})})));
    CHECK(
        Merged(Doc("a", "2024-11-07", {dated}), Doc("b", "", {story(Ev("airstrike", {kSyria}))})));
    CHECK_FALSE(
        Merged(Doc("a", "2024-11-07", {dated}), Doc("b", "", {story(Ev("airstrike", {}))})));
    CHECK_FALSE(Merged(Doc("a", "2024-11-07", {dated}),
                       Doc("b", "2024-11-20", {story(Ev("airstrike", {}))})));
  }

  TEST_CASE("cluster: undated reports of one story") {
    // Undated reports: "clashes in the coastal region" (a part of a country
    // said by its kind, which only counts where both name it) in two of
    // them is one event; in one report, the lead's undated story and a
    // later undated event of its family are one. A dated report keeps its
    // undated events apart.
    const Path kCoast = {"coastal region"};
    auto part = [](events::DocEvent e) {
      for (auto& p : e.places) p.known = p.path != Path{"coastal region"};
      return e;
    };
    auto story = [](events::DocEvent e) {
      e.story = true;
      return e;
    };
    CHECK(Merged(Doc("a", "", {part(Ev("clash", {kSyria, kCoast}))}),
                 Doc("b", "", {part(Ev("attack", {kCoast}))})));
    CHECK_FALSE(Merged(Doc("a", "", {part(Ev("clash", {kSyria}))}),
                       Doc("b", "", {part(Ev("attack", {kCoast}))})));
    CHECK_FALSE(Merged(Doc("a", "2024-11-07", {part(Ev("clash", {kSyria, kCoast}))}),
                       Doc("b", "2024-11-07", {part(Ev("attack", {kCoast}))})));
    auto index = events::ClusterEvents(
        {Doc("a", "", {story(Ev("attack", {})), part(Ev("clash", {kSyria, kCoast}))})});
    CHECK(index.events.size() == 1);
    CHECK(index.events[0].ref.where == std::vector<std::string>{"Syria", "coastal region"});
    index = events::ClusterEvents({Doc("a", "", {Ev("attack", {}), Ev("clash", {kCoast})})});
    CHECK(index.events.size() == 2);
  }

  TEST_CASE("cluster: an undated event at no place below country reads no cluster for a place") {
    // (UndatedHome and UndatedPeer skip the place tests of such an event:
    // it still joins its own report's undated story, and nothing else)
    auto story = [](events::DocEvent e) {
      e.story = true;
      return e;
    };
    struct Row {
      std::string name;
      std::vector<events::DocEvents> docs;
      std::size_t events;  // clusters made
    } rows[] = {
        {"the story of its own undated report",
         {Doc("a", "", {story(Ev("attack", {})), Ev("clash", {kSyria})})},
         1},
        {"the same, the event without a place",
         {Doc("a", "", {story(Ev("attack", {})), Ev("clash", {})})},
         1},
        {"a dated report: the undated event stays apart",
         {Doc("a", "2024-11-07", {story(Ev("attack", {})), Ev("clash", {kSyria})})},
         2},
        {"another report's undated cluster at a place below country",
         {Doc("a", "", {Ev("attack", {kManbij})}), Doc("b", "", {Ev("attack", {kSyria})})},
         2},
        {"another report's dated cluster, the event undated in an undated report",
         {Doc("a", "2024-11-07", {Ev("attack", {kManbij}, {}, "2024-11-06")}),
          Doc("b", "", {Ev("attack", {kSyria})})},
         2},
        {"… and at a place below country: it joins",
         {Doc("a", "2024-11-07", {Ev("attack", {kManbij}, {}, "2024-11-06")}),
          Doc("b", "", {Ev("attack", {kManbij})})},
         1},
    };
    for (const Row& r : rows) {
      CAPTURE(r.name);
      CHECK(events::ClusterEvents(r.docs).events.size() == r.events);
    }
  }

  // PathsOverlap answers from each event's summary of its places (at or
  // near, known, below country) before it compares any two: the rows put
  // each summary on both sides of each test. Dated: two same-day airstrikes
  // (any place overlap); undated: the second report undated in a dated
  // document, which joins only on a place below country.
  TEST_CASE("cluster: places overlap as Where gives them, known or named by both") {
    struct P {
      Path path;
      bool near = false, known = true;
    };
    struct Row {
      const char* what;
      std::vector<P> a, b;
      bool dated, undated;
    };
    const P kTrust{{"Kiru Trust"}, false, false};
    const P kTrustNear{{"Kiru Trust"}, true, false};
    const Row rows[] = {
        {"nested", {{kManbij}}, {{kAleppo}}, true, true},
        {"apart", {{kManbij}}, {{kIdlib}}, false, false},
        {"a near place beside one it is at", {{kManbij}, {kIdlib, true}}, {{kIdlib}}, false, false},
        {"only near places", {{kIdlib, true}}, {{kIdlib}}, true, true},
        {"none on one side", {{kManbij}}, {}, true, false},
        {"a country", {{kSyria}}, {{kManbij}}, true, false},
        {"both a country", {{kSyria}}, {{kSyria}}, true, false},
        {"a name both give", {kTrust}, {kTrust}, true, true},
        {"a name both give, beside known places",
         {kTrust, {kIdlib}},
         {kTrust, {kManbij}},
         true,
         true},
        {"a name near, beside a place at",
         {kTrustNear, {kIdlib}},
         {kTrust, {kManbij}},
         false,
         false},
        {"a name on one side", {kTrust}, {{kManbij}}, true, false},
    };
    auto event = [](const std::vector<P>& places, const std::string& date) {
      std::vector<Path> paths;
      for (const P& p : places) paths.push_back(p.path);
      events::DocEvent e = Ev("airstrike", paths, {}, date);
      for (std::size_t k = 0; k < places.size(); ++k) {
        e.places[k].near = places[k].near;
        e.places[k].known = places[k].known;
      }
      return e;
    };
    for (const Row& r : rows) {
      CAPTURE(r.what);
      CHECK(Merged(Doc("a", "2024-11-07", {event(r.a, "2024-11-06")}),
                   Doc("b", "2024-11-07", {event(r.b, "2024-11-06")})) == r.dated);
      CHECK(Merged(Doc("b", "2024-11-07", {event(r.b, "2024-11-06")}),
                   Doc("a", "2024-11-07", {event(r.a, "2024-11-06")})) == r.dated);
      CHECK(Merged(Doc("a", "2024-11-07", {event(r.a, "2024-11-06")}),
                   Doc("b", "2024-11-08", {event(r.b, "")})) == r.undated);
    }
  }

  TEST_CASE("cluster: a cluster takes only events that agree with every member") {
    // 4th ~ 6th ~ 8th, but the 4th and the 8th are four days apart.
    auto index = events::ClusterEvents(
        {Doc("a", "2024-11-10", {Ev("airstrike", {kManbij}, {}, "2024-11-04")}),
         Doc("b", "2024-11-10", {Ev("airstrike", {kManbij}, {}, "2024-11-06")}),
         Doc("c", "2024-11-10", {Ev("airstrike", {kManbij}, {}, "2024-11-08")})});
    CHECK(index.events.size() == 2);
    CHECK(index.Find(0, 0) != index.Find(2, 0));
    // A month joins the day-precise cluster, not the other way round: the
    // day seeds it and the date stays a day.
    index = events::ClusterEvents(
        {Doc("a", "2024-11-30", {Ev("airstrike", {kManbij}, {}, "2024-11")}),
         Doc("b", "2024-11-10", {Ev("airstrike", {kManbij}, {}, "2024-11-06")})});
    REQUIRE(index.events.size() == 1);
    CHECK(index.events[0].ref.when == "2024-11-06");
    CHECK(index.events[0].members.size() == 2);
  }

  // The clustering finds the clusters that may take an event through
  // buckets of days and checks one member per distinct content: neither may
  // change a result. Days on both sides of every bucket edge; identical
  // events of many documents beside a stricter same-document pair.
  TEST_CASE("cluster: the date buckets and the shared contents change no result") {
    struct Row {
      int apart;  // days between the two events
      bool merged;
    } rows[] = {{0, true}, {1, true}, {2, true}, {3, false}, {9, false}};
    for (int start = 1; start <= 17; ++start) {  // 2024-11-01 … 2024-11-17: bucket edges inside
      for (const Row& r : rows) {
        CAPTURE(start);
        CAPTURE(r.apart);
        char a[16], b[16];
        std::snprintf(a, sizeof a, "2024-11-%02d", start);
        std::snprintf(b, sizeof b, "2024-11-%02d", start + r.apart);
        CHECK(Merged(Doc("a", "2024-11-30", {Ev("airstrike", {kManbij}, {}, a)}),
                     Doc("b", "2024-11-30", {Ev("airstrike", {kManbij}, {}, b)})) == r.merged);
        CHECK(Merged(Doc("a", "2024-11-30", {Ev("airstrike", {kManbij}, {}, b)}),
                     Doc("b", "2024-11-30", {Ev("airstrike", {kManbij}, {}, a)})) == r.merged);
      }
    }
    // Document "z" reports clashes on the 5th and a capture on the 6th (one
    // document: two days, two events); ten outlets ("b0" … "b9", before
    // "z") report the clashes alike. The capture agrees with each of the
    // outlets' clashes but not with z's own, so it stays apart.
    std::vector<events::DocEvents> docs;
    for (int i = 0; i < 10; ++i) {
      char id[8];  // (not "b" + to_string: GCC 12 -Wrestrict false positive)
      std::snprintf(id, sizeof id, "b%d", i);
      docs.push_back(Doc(id, "2024-11-07", {Ev("clash", {kManbij}, {}, "2024-11-05")}));
    }
    docs.push_back(Doc(
        "z", "2024-11-07",
        {Ev("clash", {kManbij}, {}, "2024-11-05"), Ev("capture", {kManbij}, {}, "2024-11-06")}));
    auto index = events::ClusterEvents(docs);
    CHECK(index.Find(10, 0) == index.Find(0, 0));
    CHECK(index.Find(10, 1) != index.Find(10, 0));
    CHECK(index.events.size() == 2);
    // Without z's own clashes the capture joins the outlets' cluster.
    docs.back().events.erase(docs.back().events.begin());
    index = events::ClusterEvents(docs);
    CHECK(index.Find(10, 0) == index.Find(0, 0));
    CHECK(index.events.size() == 1);
  }

  TEST_CASE("cluster: ids E1… by date, undated last; stable whatever the order of the documents") {
    std::vector<events::DocEvents> docs = {
        Doc("d3", "2024-11-10",
            {Ev("airstrike", {kManbij}, {State("Turkey")}, "2024-11-06"),
             Ev("meeting", {{"Qatar", "Doha"}}), Ev("attack", {kSinjar}, {}, "2024-11-01")}),
        Doc("d1", "2024-11-07",
            {Ev("attack", {kAleppo}, {}, "2024-11-06"), Ev("statement", {}, {}, "2024-11-07")}),
        Doc("d2", "2024-11-02",
            {Ev("airstrike", {kNineveh}, {}, "2024-11-01"), Ev("protest", {kIdlib})}),
    };
    // The id of every (document id, local event), and every label by id
    // (with details and without: the refs packed, PackedEventRefs).
    auto ids_of = [](const std::vector<events::DocEvents>& ds, bool details) {
      events::ClusterConfig config;
      config.details = details;
      auto index = events::ClusterEvents(ds, config);
      std::map<std::string, std::string> out;
      for (std::size_t d = 0; d < ds.size(); ++d) {
        for (std::size_t k = 0; k < ds[d].events.size(); ++k) {
          const std::optional<EventRef> ref = index.Ref(d, static_cast<int>(k));
          REQUIRE(ref.has_value());
          out[ds[d].doc + "#" + std::to_string(k)] = ref->id + " " + ref->label;
        }
      }
      return out;
    };
    auto ids = [&](const std::vector<events::DocEvents>& ds) {
      auto out = ids_of(ds, true);
      CHECK(ids_of(ds, false) == out);
      return out;
    };
    const std::map<std::string, std::string> expected = {
        {"d2#0", "E1 airstrike, Nineveh, 2024-11-01"},
        {"d3#2", "E1 airstrike, Nineveh, 2024-11-01"},
        {"d1#0", "E2 airstrike, Aleppo, 2024-11-06"},
        {"d3#0", "E2 airstrike, Aleppo, 2024-11-06"},
        {"d1#1", "E3 statement, 2024-11-07"},
        {"d3#1", "E4 meeting, Doha"},
        {"d2#1", "E5 protest, Idlib"},
    };
    CHECK(ids(docs) == expected);
    std::sort(docs.begin(), docs.end(), [](const auto& a, const auto& b) { return a.doc < b.doc; });
    CHECK(ids(docs) == expected);
    std::reverse(docs.begin(), docs.end());
    CHECK(ids(docs) == expected);
    std::rotate(docs.begin(), docs.begin() + 1, docs.end());
    CHECK(ids(docs) == expected);
    auto index = events::ClusterEvents(docs);
    REQUIRE(index.events.size() == 5);
    for (std::size_t n = 0; n < index.events.size(); ++n) {
      std::string id = "E";
      id += std::to_string(n + 1);
      CHECK(index.events[n].ref.id == id);
    }
  }

  // The clustering reads each document once, in order, and keeps nothing of
  // it (the reader's one buffer is overwritten at every call): the index is
  // the one of the documents all at once, and Find reads the packed index.
  TEST_CASE("cluster: documents read one at a time, the index packed") {
    const std::vector<events::DocEvents> docs = {
        Doc("d3", "2024-11-10",
            {Ev("airstrike", {kManbij}, {State("Turkey")}, "2024-11-06"),
             Ev("meeting", {{"Qatar", "Doha"}}), Ev("attack", {kSinjar}, {}, "2024-11-01")}),
        Doc("d0", "2024-11-09", {}),
        Doc("d1", "2024-11-07",
            {Ev("attack", {kAleppo}, {}, "2024-11-06"), Ev("statement", {}, {}, "2024-11-07"),
             Ev("clash", {kManbij}, {Group("Kurdish fighters")}, "2024-11-05")}),
        Doc("d2", "2024-11-02",
            {Ev("airstrike", {kNineveh}, {}, "2024-11-01"), Ev("protest", {kIdlib}),
             Ev("clash", {kManbij, kSyria}, {Group("Kurdish fighters")}, "2024-11-05")}),
    };
    std::vector<std::size_t> asked;
    events::DocEvents buffer;
    const events::EventIndex read =
        events::ClusterEvents(docs.size(), [&](std::size_t d) -> const events::DocEvents& {
          asked.push_back(d);
          buffer = docs[d];
          return buffer;
        });
    CHECK(asked == std::vector<std::size_t>{0, 1, 2, 3});
    const events::EventIndex all = events::ClusterEvents(docs);
    REQUIRE(read.events.size() == all.events.size());
    CHECK(read.events.size() == 6);
    for (std::size_t n = 0; n < all.events.size(); ++n) {
      CAPTURE(n);
      const events::GlobalEvent &a = read.events[n], &b = all.events[n];
      CHECK(a.ref.id == b.ref.id);
      CHECK(a.ref.label == b.ref.label);
      CHECK(a.ref.where == b.ref.where);
      CHECK(a.members == b.members);
      CHECK(a.places == b.places);
      CHECK(a.actors == b.actors);
      CHECK(a.type_path == b.type_path);
      CHECK(a.mentions == b.mentions);
    }
    struct Row {
      std::size_t doc;
      int local;
      const char* id;  // nullptr: none
    } rows[] = {
        {0, 0, "E3"},     {0, 1, "E5"},    {0, 2, "E1"},    {0, 3, nullptr},
        {0, -1, nullptr}, {1, 0, nullptr}, {2, 0, "E3"},    {2, 2, "E2"},
        {3, 2, "E2"},     {3, 3, nullptr}, {4, 0, nullptr}, {99, 0, nullptr},
    };
    // without details: the same refs (id, type, where, when, label),
    // packed, and no GlobalEvent (Find: none)
    events::ClusterConfig ids_only;
    ids_only.details = false;
    const events::EventIndex slim = events::ClusterEvents(docs, ids_only);
    CHECK(slim.events.empty());
    REQUIRE(slim.size() == all.size());
    for (std::size_t n = 0; n < all.events.size(); ++n) {
      CAPTURE(n);
      const EventRef a = slim.refs.Unpack(n), &b = all.events[n].ref;
      CHECK(a.id == b.id);
      CHECK(a.type == b.type);
      CHECK(a.where == b.where);
      CHECK(a.when == b.when);
      CHECK(a.label == b.label);
    }
    for (const Row& r : rows) {
      CAPTURE(r.doc);
      CAPTURE(r.local);
      const events::GlobalEvent* g = read.Find(r.doc, r.local);
      CHECK((g ? g->ref.id : std::string("none")) == (r.id ? r.id : "none"));
      CHECK(slim.Find(r.doc, r.local) == nullptr);
      for (const events::EventIndex* index : {&read, &slim}) {
        const std::optional<EventRef> ref = index->Ref(r.doc, r.local);
        CHECK((ref ? ref->id : std::string("none")) == (r.id ? r.id : "none"));
        if (g && ref) CHECK(ref->label == g->ref.label);
      }
    }
  }

  TEST_CASE("cluster: Summarize, the label \"type, place, when\"") {
    struct Row {
      std::string name;
      std::vector<events::DocEvent> members;
      std::string type, where, when, label;
    };
    auto border = [](events::DocEvent e) {
      e.border = true;
      return e;
    };
    const std::vector<Row> rows = {
        {"a day",
         {Ev("airstrike", {kManbij}, {}, "2024-11-06")},
         "airstrike",
         "Manbij",
         "2024-11-06",
         "airstrike, Manbij, 2024-11-06"},
        {"a month",
         {Ev("attack", {kAleppo}, {}, "2024-11")},
         "attack",
         "Aleppo",
         "2024-11",
         "attack, Aleppo, 2024-11"},
        {"no date", {Ev("meeting", {{"Qatar", "Doha"}})}, "meeting", "Doha", "", "meeting, Doha"},
        {"no place",
         {Ev("statement", {}, {}, "2024-11-07")},
         "statement",
         "",
         "2024-11-07",
         "statement, 2024-11-07"},
        {"province first, then district; the country dropped",
         {Ev("attack", {kSyria, kManbij}, {}, "2024-11-06"),
          Ev("airstrike", {kAleppo}, {}, "2024-11-06")},
         "airstrike",
         "Aleppo Manbij",
         "2024-11-06",
         "airstrike, Aleppo, 2024-11-06"},
        {"the day most members give",
         {Ev("airstrike", {kManbij}, {}, "2024-11-05"),
          Ev("airstrike", {kManbij}, {}, "2024-11-06"),
          Ev("airstrike", {kManbij}, {}, "2024-11-06")},
         "airstrike",
         "Manbij",
         "2024-11-06",
         "airstrike, Manbij, 2024-11-06"},
        {"only the country",
         {Ev("airstrike", {kSyria}, {}, "2024-11-06")},
         "airstrike",
         "Syria",
         "2024-11-06",
         "airstrike, Syria, 2024-11-06"},
        {"a foreign strike by country, at a border",
         {border(Ev("airstrike", {kSyria}, {State("Turkey")}, "2024-11-06"))},
         "airstrike",
         "Syria border Syria",
         "2024-11-06",
         "airstrike, Syria border, 2024-11-06"},
        {"a border, but the country's own forces",
         {border(Ev("airstrike", {kSyria}, {State("Syria")}, "2024-11-06"))},
         "airstrike",
         "Syria",
         "2024-11-06",
         "airstrike, Syria, 2024-11-06"},
    };
    for (const Row& r : rows) {
      CAPTURE(r.name);
      std::vector<const events::DocEvent*> members;
      for (const auto& e : r.members) members.push_back(&e);
      EventRef ref = events::Summarize(members);
      std::string where;
      for (const auto& w : ref.where) where += (where.empty() ? "" : " ") + w;
      CHECK(ref.id.empty());
      CHECK(ref.type == r.type);
      CHECK(where == r.where);
      CHECK(ref.when == r.when);
      CHECK(ref.label == r.label);
    }
    CHECK(events::Summarize({}).label.empty());
  }

  TEST_CASE("cluster: AssignEvents gives each quote its event, null for none") {
    auto index = events::ClusterEvents(
        {Doc("a", "2024-11-07", {Ev("airstrike", {kManbij}, {}, "2024-11-06")}),
         Doc("b", "2024-11-08",
             {Ev("meeting", {{"Qatar", "Doha"}}, {}, "2024-11-07"),
              Ev("attack", {kManbij}, {}, "2024-11-06")})});
    events::DocEvents b = Doc("b", "2024-11-08", {});
    b.quote_event = {1, -1, 0};
    std::vector<QuoteRecord> quotes(4);
    quotes[1].event = EventRef{};  // a stale event is cleared
    events::AssignEvents(index, 1, b, quotes);
    REQUIRE(quotes[0].event);
    CHECK(quotes[0].event->id == "E1");
    CHECK(quotes[0].event->label == "airstrike, Manbij, 2024-11-06");
    CHECK_FALSE(quotes[1].event);
    REQUIRE(quotes[2].event);
    CHECK(quotes[2].event->label == "meeting, Doha, 2024-11-07");
    CHECK_FALSE(quotes[3].event);  // no entry in quote_event
  }
}

}  // namespace
}  // namespace whosaid
