// Tests for output/event_report.h: the report of `whosaid events`, one entry
// per event across documents, with the quotes about it. The documents'
// events are written by hand, as the event stage would give them.
#include "output/event_report.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "../events/events_fixture.h"
#include "events/cluster.h"
#include "output/output_stream.h"

namespace whosaid::output {
namespace {

using testing::Ev;

struct Input {
  Document doc;
  DocResult result;
};

// A quote record over the first occurrence of `quote` in `text`, said by
// `name` (a resolved name), by the words `mention` (no name), or by no one.
QuoteRecord Quote(const std::string& text, const std::string& quote, const std::string& name = "",
                  const std::string& mention = "") {
  QuoteRecord r;
  r.quote = {text.find(quote), text.find(quote) + quote.size()};
  if (!name.empty() || !mention.empty()) {
    Speaker s;
    s.name = name;
    if (!mention.empty()) s.mention = {text.find(mention), text.find(mention) + mention.size()};
    r.speaker = s;
  }
  return r;
}

// Two documents, given in reverse order of their ids: both report the
// airstrike on Manbij; "b" also a meeting in Doha (undated) and a quote about
// nothing; "c" nothing at all.
std::vector<Input> Corpus() {
  std::vector<Input> in(3);
  Input& b = in[0];
  b.doc.id = "b";
  b.doc.date = "2024-11-07";
  b.doc.text =
      "Réunion: \"The strike hit a school,\" said Layla Haddad. \"We spoke for hours,\" the "
      "minister said. "
      "\"Peace will come,\" an official said.";
  b.result.events.doc = "b";
  b.result.events.anchor = events::ParseIsoDate("2024-11-07");
  b.result.events.events = {
      Ev("airstrike", {{"Syria", "Aleppo", "Manbij"}}, {{"Turkey", "Turkey"}}, "2024-11-06"),
      Ev("meeting", {{"Qatar", "Doha"}})};
  b.result.quotes = {Quote(b.doc.text, "The strike hit a school,", "Layla Haddad"),
                     Quote(b.doc.text, "We spoke for hours,", "", "the minister"),
                     Quote(b.doc.text, "Peace will come,")};
  b.result.quotes[1].kind = QuoteKind::kDirect;
  b.result.events.quote_event = {0, 1, -1};
  Input& a = in[1];
  a.doc.id = "a";
  a.doc.date = "2024-11-06";
  a.doc.text = "Drones bombed Manbij. \"Four died,\" said Omar Aziz.";
  a.result.events.doc = "a";
  a.result.events.anchor = events::ParseIsoDate("2024-11-06");
  a.result.events.events = {Ev("attack", {{"Syria", "Aleppo"}}, {}, "2024-11-06")};
  a.result.events.events[0].mentions = 3;
  a.result.quotes = {Quote(a.doc.text, "Drones bombed Manbij."),
                     Quote(a.doc.text, "Four died,", "Omar Aziz")};
  a.result.quotes[0].kind = QuoteKind::kIndirect;
  a.result.events.quote_event = {0, 0};
  in[2].doc.id = "c";
  in[2].doc.text = "Nothing happened.";
  return in;
}

std::vector<std::string> Report(OutputFormat format) {
  StringOutput out;
  EventReportSink sink(out, format);
  sink.Begin();
  std::vector<events::DocEvents> docs;
  for (const Input& i : Corpus()) {
    sink.Write(i.doc, i.result);
    docs.push_back(i.result.events);
  }
  CorpusResult corpus;
  corpus.events = events::ClusterEvents(docs);  // what the runner gives every sink
  sink.End(corpus);
  std::vector<std::string> lines;
  const std::string& s = out.str();
  for (std::size_t start = 0, nl; (nl = s.find('\n', start)) != std::string::npos; start = nl + 1) {
    lines.push_back(s.substr(start, nl - start));
  }
  return lines;
}

TEST_SUITE("output.events") {
  TEST_CASE("JSON Lines: one object per event, keys in order, ids E1…En") {
    auto lines = Report(OutputFormat::kJsonl);
    REQUIRE(lines.size() == 2);
    std::vector<nlohmann::ordered_json> events;
    for (const auto& l : lines) events.push_back(nlohmann::ordered_json::parse(l));
    std::vector<std::string> keys;
    for (const auto& [k, v] : events[0].items()) keys.push_back(k);
    CHECK(keys == std::vector<std::string>{"id", "type", "where", "places", "actors", "when",
                                           "label", "documents", "mentions", "quotes"});

    const auto& strike = events[0];
    CHECK(strike["id"] == "E1");
    CHECK(strike["type"] == "airstrike");
    CHECK(strike["where"] == nlohmann::ordered_json::array({"Aleppo", "Manbij"}));
    // every member's places, as full paths (in no promised order)
    auto places = strike["places"].get<std::vector<std::vector<std::string>>>();
    std::sort(places.begin(), places.end());
    CHECK(places == std::vector<std::vector<std::string>>{{"Syria", "Aleppo"},
                                                          {"Syria", "Aleppo", "Manbij"}});
    CHECK(strike["actors"] == nlohmann::ordered_json::array({"Turkey"}));
    CHECK(strike["when"] == "2024-11-06");
    CHECK(strike["label"] == "airstrike, Aleppo, 2024-11-06");
    CHECK(strike["documents"] ==
          nlohmann::ordered_json::array({"a", "b"}));  // sorted, not input order
    CHECK(strike["mentions"] == 4);

    // Quotes by document, then offset; offsets in code points.
    const auto& quotes = strike["quotes"];
    REQUIRE(quotes.size() == 3);
    std::vector<std::string> quote_keys;
    for (const auto& [k, v] : quotes[0].items()) quote_keys.push_back(k);
    CHECK(quote_keys == std::vector<std::string>{"doc", "start", "end", "kind", "speaker", "text"});
    CHECK(quotes[0]["doc"] == "a");
    CHECK(quotes[0]["start"] == 0);
    CHECK(quotes[0]["kind"] == "indirect");
    CHECK(quotes[0]["speaker"].is_null());
    CHECK(quotes[0]["text"] == "Drones bombed Manbij.");
    CHECK(quotes[1]["doc"] == "a");
    CHECK(quotes[1]["speaker"] == "Omar Aziz");
    CHECK(quotes[2]["doc"] == "b");
    CHECK(quotes[2]["start"] == 10);  // "Réunion: \"" is 10 code points, 11 bytes
    CHECK(quotes[2]["end"] == 34);
    CHECK(quotes[2]["kind"] == "direct");
    CHECK(quotes[2]["text"] == "The strike hit a school,");
    CHECK(quotes[2]["speaker"] == "Layla Haddad");

    const auto& meeting = events[1];
    CHECK(meeting["id"] == "E2");
    CHECK(meeting["when"].is_null());  // undated, so last
    CHECK(meeting["label"] == "meeting, Doha");
    CHECK(meeting["documents"] == nlohmann::ordered_json::array({"b"}));
    REQUIRE(meeting["quotes"].size() == 1);
    CHECK(meeting["quotes"][0]["speaker"] == "the minister");  // the mention when there is no name
    // The quote about nothing is in no event.
    for (const auto& e : events) {
      for (const auto& q : e["quotes"]) CHECK(q["text"] != "Peace will come,");
    }
  }

  TEST_CASE("table: a header, one row per event by date, a count line") {
    auto lines = Report(OutputFormat::kTable);
    REQUIRE(lines.size() == 4);
    CHECK(lines[0].rfind("WHEN", 0) == 0);
    for (const char* column : {"EVENT", "DOCS", "QUOTES", "SPEAKERS"}) {
      CAPTURE(column);
      CHECK(lines[0].find(column) != std::string::npos);
    }
    CHECK(lines[1].rfind("2024-11-06", 0) == 0);
    CHECK(lines[1].find("airstrike, Aleppo, 2024-11-06") != std::string::npos);
    CHECK(lines[1].find("Omar Aziz, Layla Haddad") != std::string::npos);
    CHECK(lines[2].rfind("-", 0) == 0);  // undated
    CHECK(lines[2].find("meeting, Doha") != std::string::npos);
    CHECK(lines[2].find("the minister") != std::string::npos);
    CHECK(lines[3] == "2 events, 4 quotes about them, 3 documents");
    // Columns line up: the label starts where the header's EVENT does.
    CHECK(lines[1].find("airstrike") == lines[0].find("EVENT"));
    CHECK(lines[2].find("meeting") == lines[0].find("EVENT"));
  }

  TEST_CASE("no documents, no events") {
    StringOutput json, table;
    EventReportSink j(json, OutputFormat::kJsonl), t(table, OutputFormat::kTable);
    j.End(CorpusResult{});
    t.End(CorpusResult{});
    CHECK(json.str().empty());
    CHECK(table.str().find("0 events, 0 quotes about them, 0 documents\n") != std::string::npos);
  }
}

}  // namespace
}  // namespace whosaid::output
