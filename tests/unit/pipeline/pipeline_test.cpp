
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
