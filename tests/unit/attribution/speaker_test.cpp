#include "attribution/speaker.h"

#include <doctest/doctest.h>

#include "../support/pipeline_fixture.h"

namespace whosaid {
namespace {

// Runs the whole per-document pipeline and describes the first record's
// speaker as "type | name | role | affiliation" ("-" for empty).
std::string FirstSpeaker(const std::string& text) {
  Document doc;
  doc.id = "t";
  doc.text = text;
  auto r = testing::ThePipeline().Run(doc);
  if (r.quotes.empty() || !r.quotes.front().speaker) return "no record";
  const Speaker& s = *r.quotes.front().speaker;
  auto dash = [](const std::string& v) { return v.empty() ? std::string("-") : v; };
  return std::string(ToString(s.type)) + " | " + dash(s.name) + " | " + dash(s.role) + " | " +
         dash(s.affiliation);
}

TEST_SUITE("attribution") {
  TEST_CASE("the examples in rules/places.txt") {
    for (const auto& ex : testing::Examples("places.txt")) {
      CAPTURE(ex.line);
      CHECK(FirstSpeaker(ex.input + " said the talks had failed.") == ex.expected);
    }
  }

  TEST_CASE("speaker phrases: names, roles, affiliations, organisations, sources") {
    struct Row {
      std::string text, speaker;
    } rows[] = {
        {"“We will respond,” said Enayatullah Khowarazami, spokesperson for Afghanistan’s Defence Ministry.",
         "person | Enayatullah Khowarazami | spokesperson | Afghanistan’s Defence Ministry"},
        {"Pakistani diplomat Usman Iqbal Jadoon stated, “The threat is direct and daily.”",
         "person | Usman Iqbal Jadoon | diplomat | Pakistani"},
        {"General Asim Munir said the army would respond.", "person | Asim Munir | General | -"},
        {"Mr. Obama said the economy was growing.", "person | Obama | - | -"},
        {"Amir Rana, a security analyst and director of the Pak Institute for Peace Studies, noted that the raids "
         "were a response.",
         "person | Amir Rana | security analyst and director | Pak Institute for Peace Studies"},
        {"According to Pakistan’s Interior Ministry, more than 1,500 incidents took place.",
         "organization | Pakistan’s Interior Ministry | - | -"},
        {"The Ministry of Foreign Affairs (MoFA) confirmed that the strikes took place.",
         "organization | Ministry of Foreign Affairs | - | -"},
        {"Taliban officials said eight civilians were killed.", "group | Taliban officials | - | -"},
        {"Sources told reporters that the raids occurred at night.", "anonymous | - | - | -"},
        {"A spokesperson for the Taliban said at least 46 people were killed.",
         "anonymous | - | spokesperson | Taliban"},
        {"UNAMA said dozens of civilians were killed.", "organization | UNAMA | - | -"},
        {"Ministry spokesperson Enayatullah Khwarzami said the strikes were necessary.",
         "person | Enayatullah Khwarzami | spokesperson | Ministry"},
        {"The Afghan Defense Ministry, through its spokesperson Enayatullah Khwarzami, announced that the strikes "
         "hit their targets.",
         "person | Enayatullah Khwarzami | spokesperson | Afghan Defense Ministry"},
    };
    for (const auto& row : rows) {
      CAPTURE(row.text);
      CHECK(FirstSpeaker(row.text) == row.speaker);
    }
  }
}

}  // namespace
}  // namespace whosaid
