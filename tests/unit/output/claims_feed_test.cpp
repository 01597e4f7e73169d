// Tests for output/claims_feed.h: the JSON-LD Claim feed parsed back (the
// schema.org types and required properties), the figure lines, the table's
// order (conflicts first). Invented documents only.
#include "output/claims_feed.h"

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "../support/rules_fixture.h"
#include "claims/claims_stage.h"
#include "claims/figures.h"

namespace whosaid::output {
namespace {

using Json = nlohmann::json;

struct Fixture {
  std::vector<claims::KeptDoc> docs;
  claims::ClaimsResult result;
  std::map<std::string, ClaimAuthor> authors;
};

QuoteRecord Quote(const std::string& text, const std::string& quote, QuoteKind kind) {
  QuoteRecord r;
  r.quote = {text.find(quote), text.find(quote) + quote.size()};
  r.kind = kind;
  r.speaker = Speaker{"P1", "Maren Okafor", {}, SpeakerType::kPerson, "governor", "Tarsk Province"};
  r.event = EventRef{"E1", "attack", {"Tarsk"}, "2031-05-04", "attack, Tarsk, 2031-05-04"};
  return r;
}

Fixture Make() {
  static const claims::ClaimsStage stage(claims::ClaimsConfig{}, testing::Rules());
  static const claims::FigureExtractor fx(claims::ExtractorConfig{}, testing::Rules());
  Fixture f;
  f.docs.resize(2);
  f.docs[0].doc = {"b",          "Okafór said: “Nine guards were wounded in the attack.”",
                   "Velda Post", "https://velda.example/b",
                   "2031-05-06", "b"};
  f.docs[1].doc = {"a",
                   "“Nine guards were hurt in the attack,” said Maren Okafor. Medics said 20 "
                   "guards were wounded.",
                   "Tarsk Daily",
                   "https://tarsk.example/a",
                   "2031-05-05",
                   "a"};
  f.docs[0].result.quotes.push_back(
      Quote(f.docs[0].doc.text, "Nine guards were wounded in the attack.", QuoteKind::kDirect));
  f.docs[1].result.quotes.push_back(
      Quote(f.docs[1].doc.text, "Nine guards were hurt in the attack,", QuoteKind::kDirect));
  std::vector<claims::ClaimsDoc> in;
  for (claims::KeptDoc& k : f.docs) {
    // Each document reports the attack, which the event pass calls E1.
    events::DocEvent attack;
    attack.type_path = {"armed action", "attack"};
    attack.mentions = 1;
    k.result.events.events.push_back(attack);
    k.result.events.global.push_back(k.result.quotes[0].event.value());
    k.result.figures = fx.Run(k.doc.text, k.result.quotes);
    k.figures = stage.Figures(k.doc, k.result);
  }
  for (const claims::KeptDoc& k : f.docs) in.push_back({&k.doc, &k.result, &k.figures});
  f.result = stage.Run(in);
  f.authors["P1"] = {"person", "Maren Okafor", {"Okafór"}, "governor", "Tarsk Province"};
  return f;
}

TEST_SUITE("output.claims") {
  TEST_CASE("JSON-LD: schema.org types and required properties") {
    Fixture f = Make();
    const Json doc = Json::parse(ClaimsJsonLd({f.docs, f.result, f.authors}, false));
    REQUIRE(doc["@context"].is_array());
    CHECK(doc["@context"][0] == "https://schema.org");
    CHECK(doc["@context"][1]["whosaid"] == "urn:whosaid:");
    REQUIRE(doc["@graph"].size() == 1);
    const Json& claim = doc["@graph"][0];
    CHECK(claim["@type"] == "Claim");
    CHECK(claim["identifier"] == "S1");
    CHECK(claim["text"].is_string());
    CHECK(claim["author"]["@type"] == "Person");
    CHECK(claim["author"]["name"] == "Maren Okafor");
    CHECK(claim["author"]["alternateName"] == Json::array({"Okafór"}));
    CHECK(claim["author"]["jobTitle"] == "governor");
    CHECK(claim["author"]["affiliation"]["@type"] == "Organization");
    REQUIRE(claim["appearance"].size() == 2);
    for (const Json& a : claim["appearance"]) {
      CHECK(a["@type"] == "NewsArticle");
      CHECK(a["url"].is_string());
      CHECK(a["publisher"]["@type"] == "Organization");
      CHECK(a["datePublished"].is_string());
      CHECK(a["whosaid:start"].is_number_integer());
      CHECK(a["whosaid:end"].get<int>() > a["whosaid:start"].get<int>());
    }
    // Offsets are code points: "Okafór said: “" is 14 of them.
    CHECK(claim["appearance"][0]["identifier"] == "a");
    CHECK(claim["appearance"][1]["whosaid:start"] == 14);
    CHECK(claim["firstAppearance"]["identifier"] == "a");  // the earlier date
    CHECK(claim["about"]["@type"] == "Event");
    CHECK(claim["about"]["name"] == "attack, Tarsk, 2031-05-04");
    CHECK(claim["about"]["startDate"] == "2031-05-04");
    CHECK(claim["about"]["location"][0]["@type"] == "Place");
    CHECK(claim["whosaid:appearances"] == 2);
    REQUIRE(claim["whosaid:diff"].size() == 1);
    CHECK(claim["whosaid:diff"][0]["docs"] == Json::array({"a", "b"}));
    CHECK(claim["whosaid:checkWorthy"].is_array());
  }

  TEST_CASE("figure lines: the spec's fields, conflict, code-point offsets") {
    Fixture f = Make();
    std::istringstream lines(FigureLines({f.docs, f.result, f.authors}));
    std::string line;
    std::vector<Json> got;
    while (std::getline(lines, line)) got.push_back(Json::parse(line));
    REQUIRE(got.size() == 1);
    CHECK(got[0]["event"] == "E1");
    CHECK(got[0]["measure"] == "wounded");
    CHECK(got[0]["conflict"] == true);  // nine against 20
    REQUIRE(got[0]["figures"].size() == 3);
    const Json& first = got[0]["figures"][0];
    CHECK(first["doc"] == "a");
    CHECK(first["value"] == 9);
    CHECK(first["qualifier"].is_null());
    CHECK(first["text"] == "Nine guards");
    CHECK(first["source"]["entity"] == "P1");
    CHECK(got[0]["figures"][1]["source"].is_null());
    CHECK(got[0]["figures"][2]["start"] == 14);
  }

  TEST_CASE("table: conflicts first, then statements in several documents") {
    Fixture f = Make();
    const std::string t = ClaimsTable({f.docs, f.result, f.authors}, false);
    const auto conflicts = t.find("CONFLICTING FIGURES");
    const auto several = t.find("STATEMENTS IN SEVERAL DOCUMENTS");
    REQUIRE(conflicts != std::string::npos);
    REQUIRE(several != std::string::npos);
    CHECK(conflicts < several);
    CHECK(t.find("CONFLICT\n") < several);
    CHECK(t.find("S1  Maren Okafor (governor, Tarsk Province)") > several);
    CHECK(t.find("wording: a") != std::string::npos);
  }

  TEST_CASE("table: a mixed quote keeps its own marks only, an indirect one has none") {
    static const claims::ClaimsStage stage(claims::ClaimsConfig{}, testing::Rules());
    for (QuoteKind kind : {QuoteKind::kMixed, QuoteKind::kIndirect}) {
      std::vector<claims::KeptDoc> docs(2);
      docs[0].doc = {"a", "Okafor said the guards were “hurt in the attack.”", "", "", "", "a"};
      docs[1].doc = {"b", "Okafor said the guards were “hurt in the attack”.", "", "", "", "b"};
      docs[0].result.quotes.push_back(
          Quote(docs[0].doc.text, "the guards were “hurt in the attack.”", kind));
      docs[1].result.quotes.push_back(
          Quote(docs[1].doc.text, "the guards were “hurt in the attack”", kind));
      std::vector<claims::ClaimsDoc> in;
      for (const claims::KeptDoc& k : docs) in.push_back({&k.doc, &k.result, &k.figures});
      const claims::ClaimsResult result = stage.Run(in);
      const std::string t = ClaimsTable({docs, result, {}}, false);
      CAPTURE(t);
      CHECK(t.find("\n    the guards were “hurt in the attack") != std::string::npos);
      CHECK(t.find("””") == std::string::npos);
      CHECK(t.find("“the guards") == std::string::npos);
    }
  }
}

}  // namespace
}  // namespace whosaid::output
