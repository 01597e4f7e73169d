// Tests for events/event_stage.h: whole documents — the document's date
// (metadata, a dateline, none), its events as names, and the event of each
// quote record.
#include "events/event_stage.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "events_fixture.h"

namespace whosaid {
namespace {

const events::EventStage& Stage() {
  static events::EventStage stage(events::EventConfig{}, testing::Rules());
  return stage;
}

events::DocEvents RunStage(const std::string& text, const std::string& date) {
  Document doc;
  doc.id = "doc";
  doc.text = text;
  doc.date = date;
  return Stage().Run(doc, testing::TokensOf(text), {});
}

// "anchor: label | label …" ("-" for no anchor).
std::string Describe(const events::DocEvents& ev) {
  std::string out = ev.anchor ? events::FormatWhen(*ev.anchor) : "-";
  out += ":";
  std::string sep = " ";
  for (const auto& e : ev.events) {
    out += sep + testing::LabelOf(e);
    sep = " | ";
  }
  return out;
}

TEST_SUITE("events") {
  TEST_CASE("event stage: the document's date from its metadata, a dateline, or none") {
    struct Row {
      std::string name, date, text, expected;
    };
    const std::vector<Row> rows = {
        // 2024-11-06 is a Wednesday.
        {"metadata: late on Tuesday, published on Wednesday", "2024-11-06",
         "Turkish drones bombed Afrin late on Tuesday, killing four people.",
         "2024-11-06: airstrike, Afrin, 2024-11-05"},
        {"metadata: Tuesday, published on that Tuesday", "2024-11-05",
         "Turkish drones bombed Afrin on Tuesday.", "2024-11-05: airstrike, Afrin, 2024-11-05"},
        {"metadata: yesterday", "2024-11-06", "Turkish drones bombed Afrin yesterday.",
         "2024-11-06: airstrike, Afrin, 2024-11-05"},
        {"metadata: only a month, so a weekday is unknown", "2024-11",
         "Turkish drones bombed Afrin late on Tuesday.", "2024-11: airstrike, Afrin"},
        {"metadata: only a month, a full date is still known", "2024-11",
         "Turkish drones bombed Afrin on November 5.", "2024-11: airstrike, Afrin, 2024-11-05"},
        // Regression: the dateline used to date the event when it came first.
        {"dateline: late on Tuesday, not the day it was written", "",
         "DAMASCUS, November 6, 2024 — Turkish drones bombed Afrin late on Tuesday, killing four "
         "people.\n"
         "A second airstrike hit Manbij on Wednesday morning.\n",
         "2024-11-06: airstrike, Afrin, 2024-11-05 | airstrike, Manbij, 2024-11-06"},
        {"dateline: the only date of the sentence", "",
         "DAMASCUS, November 6, 2024 — Turkish drones bombed Afrin, killing four people.",
         "2024-11-06: airstrike, Afrin, 2024-11-06"},
        {"a full date in the lede", "",
         "On November 5, 2024, Turkish drones bombed Afrin. The raids killed four.",
         "2024-11-05: airstrike, Afrin, 2024-11-05"},
        {"no date: a weekday is never guessed", "",
         "Turkish drones bombed Afrin late on Tuesday. The raids killed four.",
         "-: airstrike, Afrin"},
        {"no date: a day without its year is never guessed", "",
         "Turkish drones bombed Afrin on November 5.", "-: airstrike, Afrin"},
        {"a metadata date that is not a date", "yesterday",
         "Turkish drones bombed Afrin late on Tuesday.", "-: airstrike, Afrin"},
    };
    for (const Row& r : rows) {
      CAPTURE(r.name);
      CHECK(Describe(RunStage(r.text, r.date)) == r.expected);
    }
  }

  TEST_CASE("event stage: events by name, mentions counted, the border flag") {
    const std::string text =
        "Turkish drones bombed Manbij in Aleppo province on Tuesday.\n"
        "The raids killed four people, officials said.\n"
        "On Tuesday, the foreign ministers of Qatar and Egypt met in Doha.\n";
    events::DocEvents ev = RunStage(text, "2024-11-06");
    CHECK(ev.doc == "doc");
    REQUIRE(ev.events.size() == 2);
    const events::DocEvent& strike = ev.events[0];
    CHECK(strike.type_path ==
          std::vector<std::string>{"armed action", "military operation", "attack", "airstrike"});
    std::vector<std::vector<std::string>> places;
    for (const auto& p : strike.places) places.push_back(p.path);
    CHECK(places == std::vector<std::vector<std::string>>{{"Syria", "Aleppo", "Manbij"},
                                                          {"Syria", "Aleppo"}});
    REQUIRE(strike.actors.size() == 1);
    CHECK(strike.actors[0].name == "Turkey");
    CHECK(strike.mentions == 2);
    CHECK(strike.first_byte == text.find("bombed"));
    CHECK_FALSE(strike.border);
    CHECK(testing::LabelOf(ev.events[1]) == "meeting, Doha, 2024-11-05");
    CHECK(ev.events[1].first_byte == text.find("met in"));
    CHECK(ev.quote_event.empty());

    events::DocEvents across =
        RunStage("Turkish drones bombed Syria near the border on Tuesday.", "2024-11-06");
    REQUIRE(across.events.size() == 1);
    CHECK(across.events[0].border);
    CHECK(testing::LabelOf(across.events[0]) == "airstrike, Syria border, 2024-11-05");
  }

  TEST_CASE("event stage: the story, said without a date, happened on the day of the report") {
    events::DocEvents ev =
        RunStage("Police arrested the former mayor in Kiru, his lawyers said.", "2024-11-06");
    REQUIRE(ev.events.size() == 1);
    CHECK(testing::LabelOf(ev.events[0]) == "arrest, Kiru, 2024-11-06");
    // A verb of the lead reports news even without a place, a date or an actor.
    CHECK(testing::LabelOf(
              RunStage("The former mayor has been arrested, his lawyers said.", "2024-11-06")
                  .events[0]) == "arrest, 2024-11-06");
    // Not in an undated document.
    CHECK(testing::LabelOf(RunStage("Police arrested the former mayor in Kiru.", "").events[0]) ==
          "arrest, Kiru");
  }

  TEST_CASE("event stage: without a metadata date, the URL's /YYYY/MM/DD/ dates the document") {
    const std::string text = "Police arrested the former mayor in Kiru, his lawyers said.";
    Document doc;
    doc.id = "doc";
    doc.text = text;
    auto run = [&](const std::string& url, const std::string& date) {
      doc.url = url;
      doc.date = date;
      return Describe(Stage().Run(doc, testing::TokensOf(text), {}));
    };
    CHECK(run("https://news.example/2024/11/06/mayor-arrested", "") ==
          "2024-11-06: arrest, Kiru, 2024-11-06");
    CHECK(run("https://news.example/world/2024/6/9/mayor", "") ==
          "2024-06-09: arrest, Kiru, 2024-06-09");
    // Metadata wins; no date in the path, or an impossible one, gives none.
    CHECK(run("https://news.example/2024/11/06/x", "2024-11-07") ==
          "2024-11-07: arrest, Kiru, 2024-11-07");
    CHECK(run("https://news.example/news/274092", "") == "-: arrest, Kiru");
    CHECK(run("https://news.example/2024/13/40/x", "") == "-: arrest, Kiru");
  }

  TEST_CASE("event stage: an undated story said nowhere lies near its dateline's place") {
    const std::string text =
        "Farmers march on\n"
        "Kandahar, Afghanistan \u2013 The second day of the farmers' protest march towards the "
        "capital drew thousands of tractors onto the highway, with more groups joining along the "
        "way, organisers said.\n";
    events::DocEvents ev = RunStage(text, "");
    REQUIRE(ev.events.size() == 1);
    REQUIRE(ev.events[0].places.size() == 1);
    CHECK(ev.events[0].places[0].path.back() == "Kandahar");
    CHECK(ev.events[0].places[0].near);
    // Not in a dated document (the story is dated and joins by its day).
    CHECK(RunStage(text, "2024-06-09").events[0].places.empty());
  }

  TEST_CASE("event stage: a country's election is held there (not an actor of it)") {
    CHECK(Describe(RunStage("Turnout was high in Iran's parliamentary elections on Friday, "
                            "officials said.",
                            "2024-03-02")) == "2024-03-02: election, Iran, 2024-03-01");
  }

  TEST_CASE("event stage: a state's sanctions are imposed from its own country") {
    CHECK(Describe(RunStage("The United States imposed sanctions on two generals in Kiru on "
                            "Tuesday, officials said.",
                            "2024-03-06")) == "2024-03-06: sanction, United States, 2024-03-05");
  }

  TEST_CASE(
      "event stage: an undated report's unplaced event of a family takes its one placed "
      "kin's places") {
    // The places of the event first mentioned at `word`.
    auto places_at = [](const std::string& text, const std::string& date, const char* word) {
      std::vector<std::string> out;
      for (const auto& e : RunStage(text, date).events) {
        for (const auto& p : e.first_byte == text.find(word) ? e.places : decltype(e.places){})
          out.push_back(p.path.back());
      }
      return out;
    };
    const std::string report =
        "Hundreds flee the killings\n"
        "The mass killings of villagers went on for a third night, a monitor said, as survivors "
        "fled to the hills in their thousands, leaving homes and fields behind them.\n"
        "More than 300 people have been killed in three days of clashes in Mali's northern "
        "region, the monitor said.\n";
    CHECK(places_at(report, "", "mass killings") == std::vector<std::string>{"northern region"});
    CHECK(places_at(report, "", "clashes") == std::vector<std::string>{"Mali", "northern region"});
    // A dated report whose story is no armed action keeps it unplaced.
    const std::string other =
        "Senate passes budget\n"
        "The Senate passed the budget on Tuesday after a long debate over spending on schools, "
        "roads and the police, with both parties claiming a win for their voters.\n"
        "Gunmen attacked a bus on Monday, killing four.\n"
        "Police said gunmen attacked a patrol in Chicago's western region in January.\n";
    CHECK(places_at(other, "2024-03-06", "attacked a bus").empty());
    CHECK(places_at(other, "2024-03-06", "attacked a patrol") ==
          std::vector<std::string>{"Chicago", "western region"});
  }

  TEST_CASE("event stage: no event, no link") {
    events::DocEvents ev =
        RunStage("The committee published its annual report on Tuesday.", "2024-11-06");
    CHECK(ev.events.empty());
    CHECK(RunStage("", "").events.empty());
  }

  TEST_CASE(
      "event stage in the pipeline: each record's event, without an id until the corpus stage") {
    const std::string text =
        "Turkish drones bombed Afrin late on Tuesday.\n"
        "\"The airstrike hit a school,\" a teacher said.\n"
        "\"Our policy will not change,\" the minister said.\n";
    DocResult r = testing::Analyze(text, "2024-11-06");
    REQUIRE(r.quotes.size() == 2);
    REQUIRE(r.events.quote_event.size() == r.quotes.size());
    REQUIRE(r.quotes[0].event);
    CHECK(r.quotes[0].event->id.empty());
    CHECK(r.quotes[0].event->label == "airstrike, Afrin, 2024-11-05");
    CHECK(r.quotes[0].event->when == "2024-11-05");
    CHECK(r.quotes[0].event->where == std::vector<std::string>{"Afrin"});
    CHECK_FALSE(r.quotes[1].event);
    CHECK(r.events.quote_event[1] == -1);
  }
}

}  // namespace
}  // namespace whosaid
