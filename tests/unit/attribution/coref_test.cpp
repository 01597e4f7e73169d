#include "attribution/coref.h"

#include <doctest/doctest.h>

#include "../support/pipeline_fixture.h"

namespace whosaid {
namespace {

// "name (mention)" of every record's speaker, joined by " / ".
std::string Speakers(const std::string& text) {
  Document doc;
  doc.id = "t";
  doc.text = text;
  std::string out;
  for (const auto& q : testing::ThePipeline().Run(doc).quotes) {
    if (!out.empty()) out += " / ";
    const Speaker& s = *q.speaker;
    out += (s.name.empty() ? "-" : s.name) + " (" + text.substr(s.mention.begin, s.mention.size()) + ")";
  }
  return out;
}

TEST_SUITE("attribution") {
  TEST_CASE("coreference: pronouns, surnames, roles; a name is never a pronoun") {
    struct Row {
      std::string text, speakers;
    } rows[] = {
        // he added → the last speaker
        {"“The side should understand,” said Enayatullah Khowarazami. “We will not leave this unanswered,” he added.",
         "Enayatullah Khowarazami (Enayatullah Khowarazami) / Enayatullah Khowarazami (he)"},
        // a surname → the full name seen earlier
        {"Ihsanullah Tipu, a security analyst, spoke.\n\n“Actions should be planned,” Tipu said.",
         "Ihsanullah Tipu (Tipu)"},
        // the role is carried to later records of the same person
        {"Amir Rana, a security analyst, noted that attacks were rising. “We lack skills,” Rana said.",
         "Amir Rana (Amir Rana) / Amir Rana (Rana)"},
        // "it" → the organisation
        {"In a statement, the Pakistani foreign office said the operations were targeted. Still, it said they hit "
         "militants.",
         "Pakistani foreign office (the Pakistani foreign office) / Pakistani foreign office (it)"},
        // an unresolvable pronoun keeps its mention and gets no name
        {"“It is over,” he said.", "- (he)"},
        // the name of a meeting's participant, given before any speech
        {"They met Pakistan's special representative for Afghanistan, Mohammad Sadi, in Kabul. Sadi posted on "
         "social media that the talks went well.",
         "Mohammad Sadi (Sadi)"},
    };
    for (const auto& row : rows) {
      CAPTURE(row.text);
      CHECK(Speakers(row.text) == row.speakers);
    }
  }

  TEST_CASE("roles found anywhere in the document reach the record") {
    Document doc;
    doc.id = "t";
    doc.text = "They met Pakistan's special representative for Afghanistan, Mohammad Sadi, in Kabul. Sadi posted "
               "on social media that the talks went well.";
    auto r = testing::ThePipeline().Run(doc);
    REQUIRE(r.quotes.size() == 1);
    CHECK(r.quotes[0].speaker->role == "special representative");
    CHECK(r.quotes[0].speaker->affiliation == "Pakistan");
  }
}

}  // namespace
}  // namespace whosaid
