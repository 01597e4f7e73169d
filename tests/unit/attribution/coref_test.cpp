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
    out += (s.name.empty() ? "-" : s.name) + " (" + text.substr(s.mention.begin, s.mention.size()) +
           ")";
  }
  return out;
}

TEST_SUITE("attribution") {
  TEST_CASE("coreference: pronouns, surnames, roles; a name is never a pronoun") {
    struct Row {
      std::string text, speakers;
    } rows[] = {
        // he added → the last speaker
        {"“The council should listen,” said Obaidullah Sherowazani. “We will not accept this "
         "delay,” he added.",
         "Obaidullah Sherowazani (Obaidullah Sherowazani) / Obaidullah Sherowazani (he)"},
        // a surname → the full name seen earlier
        {"Nasrullah Dogar, a security analyst, spoke.\n\n“Budgets should be audited,” Dogar said.",
         "Nasrullah Dogar (Dogar)"},
        // the role is carried to later records of the same person
        {"Kamal Soomro, a security analyst, noted that prices were rising. “We lack staff,” Soomro "
         "said.",
         "Kamal Soomro (Kamal Soomro) / Kamal Soomro (Soomro)"},
        // "it" → the organisation
        {"In a statement, the Nigerian foreign office said the talks were productive. Still, it "
         "said they left "
         "issues open.",
         "Nigerian foreign office (the Nigerian foreign office) / Nigerian foreign office (it)"},
        // an unresolvable pronoun keeps its mention and gets no name
        {"“It is over,” he said.", "- (he)"},
        // the name of a meeting's participant, given before any speech
        {"They met Egypt's special representative for Sudan, Mohammad Shafi, in Khartoum. Shafi "
         "posted on "
         "social media that the talks went well.",
         "Mohammad Shafi (Shafi)"},
    };
    for (const auto& row : rows) {
      CAPTURE(row.text);
      CHECK(Speakers(row.text) == row.speakers);
    }
  }

  TEST_CASE("roles found anywhere in the document reach the record") {
    Document doc;
    doc.id = "t";
    doc.text =
        "They met Egypt's special representative for Sudan, Mohammad Shafi, in Khartoum. Shafi "
        "posted "
        "on social media that the talks went well.";
    auto r = testing::ThePipeline().Run(doc);
    REQUIRE(r.quotes.size() == 1);
    CHECK(r.quotes[0].speaker->role == "special representative");
    CHECK(r.quotes[0].speaker->affiliation == "Egypt");
  }
}

}  // namespace
}  // namespace whosaid
