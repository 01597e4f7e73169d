// Tests for events/coref.h: one document's mentions grouped into events.
#include "events/coref.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "events_fixture.h"

namespace whosaid {
namespace {

// Every mention of `text`, in text order.
std::vector<events::Mention> MentionsOf(const events::Words& words, const std::string& anchor) {
  std::vector<events::Mention> out;
  for (std::size_t s = 0; s < words.sentences.size(); ++s) {
    for (auto& m : testing::Mentions().Run(words, s, events::ParseIsoDate(anchor)))
      out.push_back(std::move(m));
  }
  return out;
}

// The events of `text`: "type when: trigger, trigger | …"; mentions in no
// event follow as "- trigger, …".
std::string Groups(const std::string& text, const std::string& anchor = "2024-11-07") {
  static events::EventCoref coref(events::CorefConfig{}, testing::Lexicon(), testing::Places());
  auto words = testing::WordsOf(text);
  auto ms = MentionsOf(words, anchor);
  events::Grouping g = coref.Run(ms);
  auto trigger = [&](const events::Mention& m) {
    return text.substr(words[m.first].span.begin,
                       words[m.end - 1].span.end - words[m.first].span.begin);
  };
  std::string out;
  for (std::size_t k = 0; k < g.events.size(); ++k) {
    const auto& e = g.events[k];
    out += out.empty() ? "" : " | ";
    out += testing::Lexicon().type(e.type).name;
    if (e.date) {
      out += ' ';
      out += events::FormatWhen(*e.date);
    }
    out += ":";
    std::string sep = " ";
    for (std::size_t i = 0; i < ms.size(); ++i) {
      if (g.mention_event[i] != static_cast<int>(k)) continue;
      out += sep + trigger(ms[i]);
      sep = ", ";
    }
  }
  std::string none;
  for (std::size_t i = 0; i < ms.size(); ++i) {
    if (g.mention_event[i] >= 0) continue;
    none += none.empty() ? "- " : ", ";
    none += trigger(ms[i]);
  }
  if (!none.empty()) out += (out.empty() ? "" : " | ") + none;
  return out;
}

TEST_SUITE("events") {
  TEST_CASE("coref: mentions of one event grouped, others kept apart") {
    struct Row {
      std::string text, groups;
    } rows[] = {
        // A reference joins the event before it; the narrowest type wins.
        {"Turkish drones bombed Afrin on Wednesday. The raids killed eleven people.",
         "airstrike 2024-11-06: bombed, raids"},
        {"An attack hit Afrin on Wednesday. Officials said the airstrike came from Turkish drones.",
         "airstrike 2024-11-06: attack, airstrike"},
        // A place within the other's place is the same place.
        {"Turkish drones bombed Manbij on Wednesday. The airstrike in Aleppo province killed four.",
         "airstrike 2024-11-06: bombed, airstrike"},
        // Two places that do not overlap, two dates too far apart: two events.
        {"Russian drone strikes hit Kharkiv on Monday. Another drone strike hit Odesa on Monday.",
         "airstrike 2024-11-04: drone strikes | airstrike 2024-11-04: drone strike"},
        {"Turkish drones bombed Afrin on Monday, November 4. Turkish drones bombed Afrin on "
         "November 1.",
         "airstrike 2024-11-04: bombed | airstrike 2024-11-01: bombed"},
        // A retaliation answers the strike: another event.
        {"Israeli jets bombed Tyre on Monday. In retaliation for the airstrikes, Hezbollah "
         "launched rocket "
         "attacks on Haifa on Tuesday.",
         "airstrike 2024-11-04: bombed, airstrikes | retaliatory strike 2024-11-05: rocket "
         "attacks"},
        // A meeting the same day as a strike: another event.
        {"Israeli jets bombed Tyre on Monday. On Monday, the foreign ministers of Qatar and Egypt "
         "met in Doha.",
         "airstrike 2024-11-04: bombed | meeting 2024-11-04: met"},
        // Of another type, a mention joins only on a date, a place or an
        // actor they share.
        {"A military operation has gone on for months. Drones bombed Afrin on Wednesday.",
         "military operation: military operation | airstrike 2024-11-06: bombed"},
        {"Turkey launched a military operation in Aleppo province on Wednesday. Drones bombed "
         "Manbij.",
         "airstrike 2024-11-06: military operation, bombed"},
        // Each statement is its own event.
        {"The ministry issued a statement on Monday. The army issued a statement on Monday.",
         "statement 2024-11-04: statement | statement 2024-11-04: statement"},
        // Generic mentions are no event; a reference to the same word in the
        // same paragraph is generic too.
        {"A spate of attacks hit the region this year. The attacks were launched from the hills.",
         "- attacks, attacks"},
        // An anaphor with nothing before it refers to nothing.
        {"\"This cowardly act will not go unpunished,\" the minister said.", "- act"},
    };
    for (const Row& r : rows) {
      CAPTURE(r.text);
      CHECK(Groups(r.text) == r.groups);
    }
  }

  TEST_CASE("coref: PlacesOverlap through the gazetteer") {
    auto place = [](const char* name, bool near = false) {
      events::PlaceRef p;
      p.id = testing::Places().Find(name);
      p.name = name;
      p.near = near;
      return p;
    };
    events::PlaceRef unknown;
    unknown.name = "Qasr Saghir";
    unknown.parent = testing::Places().Find("Aleppo");
    events::PlaceRef bare, other_bare;  // "in the Kiru Trust case", "at Dolan Gate"
    bare.name = "Kiru Trust";
    other_bare.name = "Dolan Gate";
    struct Row {
      std::vector<events::PlaceRef> a, b;
      bool overlap;
    } rows[] = {
        {{place("Manbij")}, {place("Aleppo")}, true},
        {{place("Manbij")}, {place("Syria")}, true},
        {{place("Manbij")}, {place("Afrin")}, false},
        {{place("Aleppo")}, {place("Idlib")}, false},
        {{place("Aleppo")}, {}, true},
        // "near" places count only when a set has no other
        {{place("Manbij"), place("Idlib", true)}, {place("Idlib")}, false},
        {{place("Idlib", true)}, {place("Idlib")}, true},
        // a name the gazetteer lacks overlaps what contains it, not what it might contain
        {{unknown}, {place("Aleppo")}, true},
        {{unknown}, {place("Manbij")}, false},
        {{unknown}, {unknown}, true},
        // a bare name the gazetteer lacks (no place it lies in) says nothing,
        // unless both name it
        {{bare}, {place("Manbij")}, true},
        {{bare, place("Manbij")}, {place("Afrin")}, false},
        {{bare}, {other_bare}, true},
        {{bare}, {bare}, true},
    };
    for (const Row& r : rows) {
      CAPTURE(r.a.size());
      CAPTURE(r.b.size());
      CHECK(events::PlacesOverlap(testing::Places(), r.a, r.b) == r.overlap);
      CHECK(events::PlacesOverlap(testing::Places(), r.b, r.a) == r.overlap);
    }
  }
}

}  // namespace
}  // namespace whosaid
