#include "events/mentions.h"

#include <doctest/doctest.h>

#include "events_fixture.h"

namespace whosaid {
namespace {

// The mentions of every sentence of `text`: "type:words/flags …".
std::string Describe(const std::string& text, const std::string& anchor = "2024-12-25") {
  auto words = testing::WordsOf(text);
  std::string out;
  for (std::size_t s = 0; s < words.sentences.size(); ++s) {
    for (const auto& m : testing::Mentions().Run(words, s, events::ParseIsoDate(anchor))) {
      if (!out.empty()) out += ' ';
      out += testing::Lexicon().type(m.type).name + ":" +
             text.substr(words[m.first].span.begin, words[m.end - 1].span.end - words[m.first].span.begin);
      if (m.generic) out += "/generic";
      if (m.reference) out += "/ref";
      if (m.answered) out += "/answered";
      if (m.background) out += "/background";
      if (m.unreal) out += "/unreal";
    }
  }
  return out;
}

// One mention's arguments: "places | actors | when".
std::string Arguments(const std::string& text, std::size_t k = 0, const std::string& anchor = "2024-12-25") {
  auto words = testing::WordsOf(text);
  std::vector<events::Mention> all;
  for (std::size_t s = 0; s < words.sentences.size(); ++s) {
    for (auto& m : testing::Mentions().Run(words, s, events::ParseIsoDate(anchor))) all.push_back(m);
  }
  if (k >= all.size()) return "no mention";
  const auto& m = all[k];
  std::string places, actors;
  for (const auto& p : m.places) {
    places += (places.empty() ? "" : ",") + (p.id >= 0 ? testing::Places().place(p.id).name : p.name);
    if (p.near) places += "~";
  }
  for (const auto& a : m.actors) actors += (actors.empty() ? "" : ",") + a.name;
  return places + " | " + actors + " | " + (m.date ? events::FormatWhen(*m.date) : "");
}

TEST_SUITE("events") {
  TEST_CASE("the examples in rules/events/triggers.txt") {
    for (const auto& ex : testing::Examples("events/triggers.txt")) {
      CAPTURE(ex.line);
      CHECK(Describe(ex.input) == ex.expected);
    }
  }

  TEST_CASE("arguments: places, actors, dates") {
    struct Row {
      const char* text;
      std::size_t mention;
      const char* args;
    } rows[] = {
        {"The Pakistani military carried out airstrikes in Afghanistan late on Tuesday, targeting "
         "hideouts of the Pakistan Taliban (TTP) in the Paktika province.",
         0, "Afghanistan,Paktika | Pakistan | 2024-12-24"},
        {"Sources said the raids occurred in the Barmal district of Afghanistan, near Pakistan's South "
         "Waziristan tribal district in Khyber Pakhtunkhwa.",
         0, "Barmal,Afghanistan,Pakistan~,South Waziristan~,Khyber Pakhtunkhwa~ |  | "},
        {"Eight civilians were killed Monday in air strikes by Pakistan's military in the border regions "
         "of Afghanistan, prompting Afghan forces to retaliate against Pakistani military outposts.",
         1, "Pakistan | Afghanistan | 2024-12-23"},
        {"The strikes killed five women in the eastern border provinces of Khost and Paktika, he added.",
         0, "Khost,Paktika |  | "},
        {"On December 24, Pakistan conducted multiple airstrikes on alleged hideouts in eastern "
         "Afghanistan's Paktika province.",
         0, "Afghanistan,Paktika | Pakistan | 2024-12-24"},
        {"In retaliation, Afghanistan's ruling Taliban regime launched strikes into Pakistan.", 0,
         "Pakistan | Afghanistan,Afghan Taliban | "},
        {"Sadiq's visit to Kabul was focused on trade.", 0, "Kabul |  | "},
    };
    for (const Row& r : rows) {
      CAPTURE(r.text);
      CHECK(Arguments(r.text, r.mention) == r.args);
    }
  }
}

}  // namespace
}  // namespace whosaid
