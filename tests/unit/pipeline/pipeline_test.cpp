
#include <doctest/doctest.h>

#include "../support/pipeline_fixture.h"
#include "core/text.h"

namespace whosaid {
namespace {

struct Out {
  std::string kind, quote, cue;
};

std::vector<Out> Records(const std::string& text) {
  Document doc;
  doc.id = "t";
  doc.text = text;
  std::vector<Out> out;
  for (const auto& q : testing::ThePipeline().Run(doc).quotes) {
    out.push_back({ToString(q.kind), text.substr(q.quote.begin, q.quote.size()),
                   q.cue ? text.substr(q.cue->begin, q.cue->size()) : ""});
  }
  return out;
}

TEST_SUITE("pipeline") {
  TEST_CASE(
      "direct, mixed and indirect speech; split quotes share the speaker; scare quotes get "
      "nothing") {
    struct Row {
      std::string text;
      std::vector<std::string> expected;  // "kind: quote [cue]"
    } rows[] = {
        {"“A is done,” he said. “B is next.”",
         {"direct: A is done, [said]", "direct: B is next. [said]"}},
        {"In a statement, the foreign office said Egypt had carried out “confidence-building "
         "measures”.",
         {"mixed: Egypt had carried out “confidence-building measures” [said]"}},
        {"Soomro noted that these price rises appear to be a warning.",
         {"indirect: these price rises appear to be a warning [noted]"}},
        {"The tariffs are likely to strain relations, analysts believe.",
         {"indirect: The tariffs are likely to strain relations [believe]"}},
        {"According to the ministry, 1,500 incidents were recorded this year.",
         {"indirect: 1,500 incidents were recorded this year [According to]"}},
        {"UNAMI called for a thorough audit “to ensure transparency.”",
         {"mixed: a thorough audit “to ensure transparency.” [called for]"}},
        {"Egypt has begun to adopt the ‘mediator’ narrative in its diplomacy.", {}},
        {"The ship called “Galaxy Leader” was seized in the Red Sea.", {}},
        // "he's" before a speech verb is "he has" / "he is", not a possessive (issue 11)
        {"The mayor has a new plan. She's said the levy will fall by May.",
         {"indirect: the levy will fall by May [said]"}},
        {"The mayor has a new plan. He's arguing that the levy will fall.",
         {"indirect: the levy will fall [arguing]"}},
        // an object that opens with a title (issue 11)
        {"The union endorsed Sen. Ruth Vale.", {"indirect: Sen. Ruth Vale [endorsed]"}},
        // a non-restrictive relative clause after the object is not part of it (issue 11)
        {"The council praised the harbour master, who has run the port for years.",
         {"indirect: the harbour master [praised]"}},
        {"The council praised the harbour master — a rare move for the body.",
         {"indirect: the harbour master [praised]"}},
        {"The council praised the harbour master, after the vote in May.",
         {"indirect: the harbour master [praised]"}},
        {"The council praised the harbour master in a statement.",
         {"indirect: the harbour master [praised]"}},
        {"The mayor said the bridge would reopen in May, but the contractor was less sure.",
         {"indirect: the bridge would reopen in May [said]"}},
        {"The mayor said the bridge would reopen in May, but Ann Lowe is promising a new ferry.",
         {"indirect: the bridge would reopen in May [said]", "indirect: a new ferry [promising]"}},
        // multi-paragraph quote: each paragraph reopens, only the last closes
        {"“First part of it.\n\n“Second part of it,” she said.",
         {"direct: First part of it.\n\n“Second part of it, [said]"}},
    };
    for (const auto& row : rows) {
      CAPTURE(row.text);
      auto records = Records(row.text);
      std::vector<std::string> got;
      for (const auto& r : records) got.push_back(r.kind + ": " + r.quote + " [" + r.cue + "]");
      CHECK(got == row.expected);
    }
  }

  TEST_CASE("where reported content ends; mixed quotes after call, describe, accuse, urge") {
    struct Row {
      std::string text;
      std::vector<std::string> expected;  // "kind: quote [cue]"
    } rows[] = {
        // the comma closing a quotation belongs to the sentence
        {"The minister said the vote was held in its “proper time,” days after the court ruled.",
         {"mixed: the vote was held in its “proper time,” [said]"}},
        // a participle after a quotation goes on with the same speaker
        {"“Our presence there helps our neighbours,” he said, adding that any dispute would be "
         "settled by talks.",
         {"direct: Our presence there helps our neighbours, [said]",
          "indirect: any dispute would be settled by talks [adding]"}},
        {"Karim Haddad accused the army chief of “lying to the nation” to stay in power.",
         {"mixed: the army chief of “lying to the nation” to stay in power [accused]"}},
        {"The governor called the flood “a national tragedy.”",
         {"mixed: the flood “a national tragedy.” [called]"}},
        // a parenthetical attribution ends the content before it
        {"Omar Siddiq said he was leaving office, the source said, as crowds gathered outside.",
         {"indirect: he was leaving office [said]"}},
        {"Nasir Omar ordered his troops not to enter the city and declared that the schools would "
         "reopen.",
         {"indirect: his troops not to enter the city [ordered]",
          "indirect: the schools would reopen [declared]"}},
        {"The ministry said the roads were closed and called on drivers to stay home.",
         {"indirect: the roads were closed [said]", "indirect: drivers to stay home [called on]"}},
        {"The commander urged the fighters to hold their positions and vowed to retake the town.",
         {"indirect: the fighters to hold their positions [urged]",
          "indirect: to retake the town [vowed]"}},
        // a passive speech verb: its subject is not a speaker
        {"The relations between the two councils are considered a real partnership.", {}},
        {"He was told that the road was closed.", {}},
        // a cue word before another verb is a noun, the subject
        {"Multiple reports reveal the dam is failing.", {"indirect: the dam is failing [reveal]"}},
        // a demonstrative "that" opens no clause
        {"The Tarsa Herald confirmed that account on Monday.", {}},
        // a time phrase between the speaker and the cue; "at least" opens the content
        {"Tarsa security sources on Sunday said at least two hundred of their members were "
         "killed.",
         {"indirect: at least two hundred of their members were killed [said]"}},
        // "…, reported the Daily Star.": the paper is the source, not what it said
        {"Tarsa police have fired tear gas at protesters in the capital, reported the Daily Star.",
         {"indirect: Tarsa police have fired tear gas at protesters in the capital [reported]"}},
        // stances on a topic: the noun phrase after the cue is the content
        {"Mayor Ilse Varga touted the new parking fees.",
         {"indirect: the new parking fees [touted]"}},
        {"The union leaders echoed those concerns.", {"indirect: those concerns [echoed]"}},
    };
    for (const auto& row : rows) {
      CAPTURE(row.text);
      std::vector<std::string> got;
      for (const auto& r : Records(row.text))
        got.push_back(r.kind + ": " + r.quote + " [" + r.cue + "]");
      CHECK(got == row.expected);
    }
  }

  TEST_CASE("a dateline is not a speaker; a transcript label is") {
    auto quotes = [](const std::string& text) {
      std::string out;
      for (const Out& o : Records(text)) out += o.quote + " | ";
      return out;
    };
    CHECK(
        quotes(
            "NAIROBI: Prime Minister Joseph Kariuki chaired a meeting on security on Monday.\n") ==
        "");
    CHECK(quotes("NEW DELHI: The government announced a new policy on Monday.\n") == "");
    CHECK(quotes("WALLACE: We will be right back after this short break.\n") ==
          "We will be right back after this short break | ");
  }

  TEST_CASE("confidence by kind and continuation, from the attribution config") {
    const std::string text =
        "“The bridge opens in May,” Lena Korhonen said. “Traffic will ease.”\n\n"
        "“Nobody expected the delay.”\n\n"
        "Korhonen said the budget had grown.";
    auto confidences = [&](const PipelineConfig& config) {
      Pipeline pipeline(config, testing::Rules());
      Document doc;
      doc.id = "t";
      doc.text = text;
      std::vector<std::pair<std::string, double>> out;
      for (const auto& q : pipeline.Run(doc).quotes) out.emplace_back(q.rule, q.confidence);
      return out;
    };
    auto defaults = confidences(PipelineConfig{});
    REQUIRE(defaults.size() == 4);
    CHECK(defaults[0].second == doctest::Approx(0.9));
    CHECK(defaults[1].first == "spk_cue_then_q");  // the frame takes the second quote
    CHECK(defaults[1].second == doctest::Approx(0.9));
    CHECK(defaults[2].first == "continuation");
    CHECK(defaults[2].second == doctest::Approx(0.7));
    CHECK(defaults[3].second == doctest::Approx(0.75));
    PipelineConfig config;
    config.attribution.direct_confidence = 0.6;
    config.attribution.continuation_confidence = 0.4;
    config.attribution.indirect_confidence = 0.3;
    auto set = confidences(config);
    REQUIRE(set.size() == 4);
    CHECK(set[0].second == doctest::Approx(0.6));
    CHECK(set[1].second == doctest::Approx(0.6));
    CHECK(set[2].second == doctest::Approx(0.4));
    CHECK(set[3].second == doctest::Approx(0.3));
  }

  TEST_CASE("offsets point into the original text, also around non-ASCII characters") {
    Document doc;
    doc.id = "t";
    doc.text = "Détente — “Ça va très bien,” said Zoë Müller. “Ünïcödé ïs fïné,” she added.";
    auto r = testing::ThePipeline().Run(doc);
    REQUIRE(r.quotes.size() == 2);
    CHECK(doc.text.substr(r.quotes[0].quote.begin, r.quotes[0].quote.size()) == "Ça va très bien,");
    text::CodepointIndex index(doc.text);
    CHECK(index.ToCodepoint(r.quotes[0].quote.begin) == 11);
  }

  TEST_CASE("an unclosed quote ends at its paragraph and the rest of the document is still read") {
    Document doc;
    doc.id = "t";
    doc.text = "“This quote never closes, he said.\n\nLater, “A new one,” she said.";
    auto r = testing::ThePipeline().Run(doc);
    REQUIRE_FALSE(r.quotes.empty());
    CHECK(doc.text.substr(r.quotes.back().quote.begin, r.quotes.back().quote.size()) ==
          "A new one,");
  }
}

}  // namespace
}  // namespace whosaid
